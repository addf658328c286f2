import { NeighborType, OperationType, type GoalStateV2 } from '@alcor/proto';
import { addLookupStates, lookupIn } from './delta';
import { hostResourcesOf } from './host-resources';
import { emptyGoalState } from './reference';
import { must } from './must';

/**
 * The on-demand answer computed from a host's full goal state: the L2 neighbor holding
 * `destinationIp` in the VPC of VNI `tunnelId`; failing that, the L3 neighbor holding it on a
 * subnet of a router that also joins a subnet of that VPC (so an address reused in another VPC is
 * never returned: neighbors are matched by (VPC, IP), not by IP alone).
 */
export function onDemandGoalState(hostIp: string, full: GoalStateV2, tunnelId: number, destinationIp: string): GoalStateV2 | undefined {
  const vpcIds = new Set(Object.values(full.vpcStates).filter((v) => must(v.configuration).tunnelId === tunnelId).map((v) => must(v.configuration).id));
  if (vpcIds.size === 0) return undefined;
  const out = emptyGoalState();
  for (const [key, n] of Object.entries(full.neighborStates)) {
    const c = must(n.configuration);
    if (vpcIds.has(c.vpcId) && c.fixedIps.some((f) => f.neighborType === NeighborType.L2 && f.ipAddress === destinationIp)) {
      out.neighborStates[key] = { operationType: OperationType.CREATE, configuration: c };
    }
  }
  if (Object.keys(out.neighborStates).length === 0) {
    const vpcSubnets = new Set(Object.values(full.subnetStates).filter((s) => vpcIds.has(must(s.configuration).vpcId)).map((s) => must(s.configuration).id));
    const routers = Object.entries(full.routerStates).filter(([, r]) => must(r.configuration).subnetRoutingTables.some((t) => vpcSubnets.has(t.subnetId)));
    const routed = new Set(routers.flatMap(([, r]) => must(r.configuration).subnetRoutingTables.map((t) => t.subnetId)));
    for (const [key, n] of Object.entries(full.neighborStates)) {
      const c = must(n.configuration);
      if (c.fixedIps.some((f) => f.neighborType === NeighborType.L3 && f.ipAddress === destinationIp && routed.has(f.subnetId))) {
        out.neighborStates[key] = { operationType: OperationType.CREATE, configuration: c };
        for (const [id, r] of routers) out.routerStates[id] = { operationType: OperationType.INFO, configuration: r.configuration };
      }
    }
  }
  if (Object.keys(out.neighborStates).length === 0) return undefined;
  addLookupStates(out, lookupIn(full));
  out.hostResources = hostResourcesOf(hostIp, out);
  return out;
}
