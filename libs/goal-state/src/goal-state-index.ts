import type { GoalStateV2 } from '@alcor/proto';
import type { FloatingIpPlacement, HostDelta, HostInfo } from './api';
import { Engine } from './engine';
import { affectedHosts, fullHostGoalState, hostDelta } from './host-states';
import { onDemandFromEngine } from './on-demand-engine';
import type { TopologyChange } from './records';
import { must } from './must';

/**
 * Per-host goal states of the whole topology, kept up to date change by change (incrementally:
 * a change costs what it touches, e.g. one new port = its host's states + one neighbor per host of
 * its VPC). Pure and synchronous: no I/O, no clock, no randomness. Not safe for concurrent use from
 * several async flows between apply() and reading its result (there is none: everything is sync).
 */
export class GoalStateIndex {
  private readonly engine = new Engine();

  /** Applies one change and returns the deltas of the hosts it affects (no entry for the others). */
  apply(change: TopologyChange): HostDelta[] {
    const e = this.engine;
    const c = e.apply(change);
    const memo = new Map<string, unknown>();
    for (const [g, delta] of c.groupDeltas) memo.set(`sg/${g}`, delta);
    const deltas: HostDelta[] = [];
    for (const hostId of affectedHosts(e, c)) {
      const goalState = hostDelta(e, c, hostId, memo);
      if (!goalState) continue;
      const view = e.hostViews.get(hostId) ?? must(c.prevHosts.get(hostId));
      deltas.push({ hostId, nodeId: view.nodeId, hostIp: view.hostIp, goalState });
    }
    return deltas;
  }

  /** Bulk load (restart rebuild): applies every change, computes no deltas. */
  applyAll(changes: Iterable<TopologyChange>): void {
    for (const c of changes) this.engine.load(c);
    this.engine.rebuild();
  }

  /** Everything the host needs now (every state CREATE, update_type FULL), for a FULL push; undefined for an unknown host. */
  fullGoalState(hostId: string): GoalStateV2 | undefined {
    return fullHostGoalState(this.engine, hostId);
  }

  /** Known hosts (node names). */
  hostIds(): string[] {
    return [...this.engine.hostViews.keys()];
  }

  hostInfo(hostId: string): HostInfo | undefined {
    const n = this.engine.nodesByName.get(hostId);
    return n ? { hostId, nodeId: n.node_id, hostIp: n.local_ip, serverPort: n.server_port ?? 50001 } : undefined;
  }

  /**
   * NCM's RequestGoalStates answer for one parked packet: the neighbor state(s) owning
   * `destinationIp` as seen from the host's VPC whose VNI is `tunnelId` (L2 in that VPC, else L3
   * through a router of the host), with their subnet/router lookup states. undefined: not routable.
   */
  onDemand(hostId: string, tunnelId: number, destinationIp: string): GoalStateV2 | undefined {
    return onDemandFromEngine(this.engine, hostId, tunnelId, destinationIp);
  }

  /** Ports programmed on a host (cheap: no goal state is built). */
  portsOfHost(hostId: string): string[] {
    return [...(this.engine.hostViews.get(hostId)?.local ?? [])];
  }

  /**
   * Where a floating IP is programmed now (its fixed port's host, in its router's state, when that
   * host holds the router), with the record it was programmed from; undefined when on no host.
   * The DPM checks an ack against it before calling the floating IP ACTIVE.
   */
  floatingIpPlacement(id: string): FloatingIpPlacement | undefined {
    const v = this.engine.fipViews.get(id);
    if (!v?.host || !v.router || !this.engine.hostViews.get(v.host)?.routers.has(v.router)) return undefined;
    return { hostId: v.host, routerId: v.router, portId: v.record.port_id ?? '', revision: v.record.revision_number, config: v.config };
  }

  /** The host a port is programmed on ([] when it is on none), e.g. to mark it ACTIVE after that host's ack. */
  hostsOfPort(portId: string): string[] {
    const host = this.engine.portViews.get(portId)?.host;
    return host ? [host] : [];
  }
}
