import type { GoalStateV2 } from '@alcor/proto';
import type { HostDelta, HostInfo } from './api';
import { diffGoalStates } from './delta';
import { onDemandGoalState } from './on-demand';
import type { TopologyChange } from './records';
import { referenceGoalState } from './reference';
import { Topology } from './topology';

/**
 * Per-host goal states of the whole topology, kept up to date change by change.
 * Pure and synchronous: no I/O, no clock, no randomness.
 */
export class GoalStateIndex {
  private readonly topology = new Topology();
  private states = new Map<string, GoalStateV2>();

  /** Applies one change and returns the deltas of the hosts it affects (no entry for the others). */
  apply(change: TopologyChange): HostDelta[] {
    const before = this.states;
    const beforeInfo = new Map(this.hostIds().map((h) => [h, this.hostInfo(h)!]));
    this.topology.apply(change);
    this.states = this.computeAll();
    const deltas: HostDelta[] = [];
    for (const hostId of new Set([...before.keys(), ...this.states.keys()])) {
      const info = this.hostInfo(hostId) ?? beforeInfo.get(hostId)!;
      const goalState = diffGoalStates(info.hostIp, before.get(hostId), this.states.get(hostId));
      if (goalState) deltas.push({ hostId, nodeId: info.nodeId, hostIp: info.hostIp, goalState });
    }
    return deltas;
  }

  /** Bulk load (restart rebuild): applies every change, computes no deltas. */
  applyAll(changes: Iterable<TopologyChange>): void {
    for (const c of changes) this.topology.apply(c);
    this.states = this.computeAll();
  }

  /** Everything the host needs now (every state CREATE), for a FULL push; undefined for an unknown host. */
  fullGoalState(hostId: string): GoalStateV2 | undefined {
    return this.states.get(hostId);
  }

  /** Known hosts (node names). */
  hostIds(): string[] {
    return [...this.topology.nodes.values()].map((n) => n.node_name);
  }

  hostInfo(hostId: string): HostInfo | undefined {
    for (const n of this.topology.nodes.values()) {
      if (n.node_name === hostId) return { hostId, nodeId: n.node_id, hostIp: n.local_ip, serverPort: n.server_port ?? 50001 };
    }
    return undefined;
  }

  /**
   * NCM's RequestGoalStates answer for one parked packet: the neighbor state(s) owning
   * `destinationIp` as seen from the VPC whose VNI is `tunnelId` (L2 in that VPC, else L3 through a
   * router of the host), with their subnet/router lookup states. undefined: not routable.
   */
  onDemand(hostId: string, tunnelId: number, destinationIp: string): GoalStateV2 | undefined {
    const full = this.states.get(hostId);
    const info = this.hostInfo(hostId);
    return full && info ? onDemandGoalState(info.hostIp, full, tunnelId, destinationIp) : undefined;
  }

  /** The host a port is programmed on ([] when it is on none), e.g. to mark it ACTIVE after that host's ack. */
  hostsOfPort(portId: string): string[] {
    const p = this.topology.ports.get(portId);
    if (!p) return [];
    const state = this.states.get(p['binding:host_id']);
    return state?.portStates[portId] ? [p['binding:host_id']] : [];
  }

  private computeAll(): Map<string, GoalStateV2> {
    const out = new Map<string, GoalStateV2>();
    for (const hostId of this.hostIds()) out.set(hostId, referenceGoalState(this.topology, hostId)!);
    return out;
  }
}
