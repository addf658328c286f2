import { OperationType, type GoalStateV2 } from '@alcor/proto';
import { l2NeighborKey, l3NeighborKey } from './conventions';
import { addLookupStates } from './delta';
import { vpcIpKey, type Engine } from './engine';
import { hostResourcesOf } from './host-resources';
import { routerFor } from './host-states';
import { emptyGoalState } from './reference';
import { must } from './must';

/**
 * NCM's on-demand lookup with the engine's (VPC, IP) index: the L2 neighbor holding `ip` in the
 * host's VPC of VNI `tunnelId`, else the L3 neighbor holding it behind a host router that joins a
 * subnet of that VPC. Same answer as onDemandGoalState() on the full state, without building it.
 */
export function onDemandFromEngine(e: Engine, hostId: string, tunnelId: number, ip: string): GoalStateV2 | undefined {
  const h = e.hostViews.get(hostId);
  if (!h) return undefined;
  const vpcs = [...h.visible].filter((n) => e.vpcConfigs.get(n)?.tunnelId === tunnelId);
  const out = emptyGoalState();
  for (const n of vpcs) {
    if (!h.vpcs.has(n)) continue;
    for (const id of e.portsByVpcIp.get(vpcIpKey(n, ip))) {
      const l2 = e.portViews.get(id)?.l2;
      if (l2) out.neighborStates[l2NeighborKey(id)] = { operationType: OperationType.CREATE, configuration: l2 };
    }
  }
  if (Object.keys(out.neighborStates).length === 0) {
    const vpcSet = new Set(vpcs);
    const matched: string[] = [];
    for (const r of h.routers) {
      const router = must(e.routerConfigs.get(r));
      const routed = router.subnetRoutingTables.map((t) => t.subnetId);
      if (!routed.some((s) => vpcSet.has(e.subnetViews.get(s)?.networkId ?? ''))) continue;
      matched.push(r);
      for (const subnetId of routed) {
        for (const id of e.portsBySubnetIp.get(vpcIpKey(subnetId, ip))) {
          const v = e.portViews.get(id);
          if (v?.l3) out.neighborStates[l3NeighborKey(id)] = { operationType: OperationType.CREATE, configuration: v.l3 };
        }
      }
    }
    if (Object.keys(out.neighborStates).length > 0) {
      for (const r of matched) out.routerStates[r] = { operationType: OperationType.INFO, configuration: routerFor(must(e.routerConfigs.get(r)), h, e.floatingIpsOn(hostId, r)) };
    }
  }
  if (Object.keys(out.neighborStates).length === 0) return undefined;
  addLookupStates(out, {
    subnet: (id) => {
      const v = e.subnetViews.get(id);
      return v?.config && h.visible.has(v.networkId) ? v.config : undefined;
    },
    vpc: (id) => (h.visible.has(id) ? e.vpcConfigs.get(id) : undefined),
  });
  out.hostResources = hostResourcesOf(h.hostIp, out);
  return out;
}
