import { FloatingIpStatusEvent, PortStatusEvent, ResourceEvent } from '@alcor/contracts';
import { GoalStateIndex, type NodeRecord, type SecurityGroupRecord, type SecurityGroupRuleRecord, type TopologyChange } from '@alcor/goal-state';
import { GoalStateV2 } from '@alcor/proto';
import { AgentTransport } from './delivery/agent-transport';
import { Delivery } from './delivery/delivery';
import { DeliveryTimings } from './delivery/host-link';
import { FloatingIpStatusRecord, FloatingIpStatusTracker } from './status/floating-ip-status-tracker';
import { PortStatusTracker } from './status/port-status-tracker';
import { ChangeFilter } from './topology/change-filter';
import { programmingChanged, RESOURCE_KINDS, resourceKey, toTopologyChange, upsert } from './topology/event-mapping';

/** The latest applied change of one resource, for the barrier. */
export interface ResourceProgress {
  revision: number;
  deleted: boolean;
  /** nb_cfg of the change. */
  seq: number;
  /** Hosts whose goal state the change touched. */
  hosts: string[];
}

/** One resource as listed from its manager (rebuild). */
export interface ListedResource {
  resource: string;
  id: string;
  revision: number;
  data: unknown;
}

type Change = 'created' | 'updated' | 'deleted';

/** Rule deltas on the security-group topic (security-group-events.ts in contracts). */
const SECURITY_GROUP_RULE_RESOURCE = 'security_group_rule';

/**
 * The DPM's core, without Nest or I/O of its own: resource events in (deduplicated, stale ones
 * dropped), the goal-state index updated, per-host deltas handed to delivery, acks turned into
 * port statuses. nb_cfg counts the changes applied to the index (OVN's northbound sequence).
 */
export class DataPlane {
  readonly index = new GoalStateIndex();
  readonly delivery: Delivery;
  readonly tracker: PortStatusTracker;
  readonly floatingIpTracker: FloatingIpStatusTracker;
  nbCfg = 0;
  /** Every change applied (write-through of the shared topology cache); unprogrammed: the index kept the older record. */
  onApplied?: (key: string, revision: number, deleted: boolean, data: unknown, unprogrammed?: boolean) => void;
  private readonly filter = new ChangeFilter();
  private readonly progress = new Map<string, ResourceProgress>();
  private readonly records = new Map<string, unknown>();
  private readonly nodes = new Map<string, NodeRecord>();

  constructor(
    transport: AgentTransport,
    timings: DeliveryTimings,
    publishStatus: (event: PortStatusEvent) => void,
    publishFloatingIpStatus: (event: FloatingIpStatusEvent) => void = () => undefined,
  ) {
    this.tracker = new PortStatusTracker(publishStatus, (portId) => this.index.hostsOfPort(portId)[0]);
    this.floatingIpTracker = new FloatingIpStatusTracker(publishFloatingIpStatus, (id) => this.index.floatingIpPlacement(id));
    this.delivery = new Delivery(transport, timings, (hostId) => ({ goalState: this.index.fullGoalState(hostId), seq: this.nbCfg }), {
      acked: (hostId, generation, sent, reply) => {
        this.tracker.acked(hostId, generation, sent, reply);
        this.floatingIpTracker.acked(hostId, generation, sent, reply);
      },
      down: (hostId, generation) => {
        this.tracker.hostDown(hostId, generation, this.portsOn(hostId));
        this.floatingIpTracker.hostDown(hostId, generation);
      },
    });
  }

  /** Rebuild from the store of record: one bulk load, then every host gets a FULL goal state. */
  load(listed: ListedResource[]): void {
    const changes: TopologyChange[] = [];
    this.nbCfg += 1;
    for (const item of listed) {
      const kind = RESOURCE_KINDS[item.resource];
      if (!kind) continue;
      const key = resourceKey(item.resource, item.id);
      this.filter.seed(key, item.revision);
      this.records.set(key, item.data);
      this.progress.set(key, { revision: item.revision, deleted: false, seq: this.nbCfg, hosts: [] });
      changes.push(upsert(kind, item.data));
      if (kind === 'node') this.nodes.set(item.id, item.data as NodeRecord);
    }
    this.index.applyAll(changes);
    for (const item of listed) {
      if (item.resource === 'port') this.tracker.portSeen(item.id, (item.data as { status?: string }).status ?? 'DOWN');
      else if (RESOURCE_KINDS[item.resource] === 'floatingIp') this.floatingIpTracker.seen(item.data as FloatingIpStatusRecord);
    }
    for (const hostId of this.index.hostIds()) {
      const info = this.index.hostInfo(hostId);
      if (info) this.delivery.upsertHost({ hostId, ip: info.hostIp, port: info.serverPort });
    }
  }

  /** Applies one bus event; false when it was a duplicate, stale, or not a data-plane resource. */
  handle(event: ResourceEvent<unknown>): boolean {
    if (event.resource === SECURITY_GROUP_RULE_RESOURCE) return this.handleRule(event as ResourceEvent<SecurityGroupRuleRecord & { security_group_id: string }>);
    const kind = RESOURCE_KINDS[event.resource];
    const change = toTopologyChange(event);
    if (!kind || !change) return false;
    const key = resourceKey(event.resource, event.resourceId);
    const what = event.type.slice(event.type.lastIndexOf('.') + 1) as Change;
    if (!this.filter.admit(event.eventId, key, event.revisionNumber, what)) return false;
    const previous = this.records.get(key);
    if (change.op === 'upsert' && previous !== undefined && !programmingChanged(kind, previous, event.data)) {
      // e.g. a port whose status (set from our own verdict) changed: nothing to program.
      this.records.set(key, event.data);
      const known = this.progress.get(key);
      if (known) known.revision = event.revisionNumber;
      this.onApplied?.(key, event.revisionNumber, false, event.data, true);
      return true;
    }
    this.applyChange(key, change, event);
    return true;
  }

  /** A rule added to or removed from a group: applied to the group's last record, idempotently by rule id. */
  private handleRule(event: ResourceEvent<SecurityGroupRuleRecord & { security_group_id: string }>): boolean {
    const groupKey = resourceKey('security_group', event.data.security_group_id);
    const group = this.records.get(groupKey) as SecurityGroupRecord | undefined;
    if (!group || !this.filter.admitDelta(event.eventId, groupKey, event.revisionNumber)) return false;
    const others = group.security_group_rules.filter((r) => r.id !== event.data.id);
    const rules = event.type.endsWith('.deleted') ? others : [...others, event.data];
    const updated: SecurityGroupRecord = { ...group, revision_number: event.revisionNumber, security_group_rules: rules };
    this.applyChange(groupKey, { kind: 'securityGroup', op: 'upsert', group: updated }, { ...event, data: updated } as ResourceEvent<unknown>);
    return true;
  }

  /** What a host needs now, for the NCM role's on-demand answers. */
  onDemand(hostId: string, tunnelId: number, destinationIp: string): GoalStateV2 | undefined {
    return this.index.onDemand(hostId, tunnelId, destinationIp);
  }

  progressOf(resource: string, id: string): ResourceProgress | undefined {
    return this.progress.get(resourceKey(resource, id));
  }

  /** Node name of a node id (RequestGoalStates names its caller by node id). */
  hostOfNodeId(nodeId: string): string | undefined {
    return this.nodes.get(nodeId)?.node_name;
  }

  /** Node name of a host IP (a stock ACA is known by its peer address only). */
  hostOfIp(ip: string): string | undefined {
    for (const node of this.nodes.values()) if (node.local_ip === ip) return node.node_name;
    return undefined;
  }

  stop(): void {
    this.delivery.stop();
  }

  private applyChange(key: string, change: TopologyChange, event: ResourceEvent<unknown>): void {
    const portId = change.kind === 'port' ? (change.op === 'delete' ? change.id : change.port.id) : undefined;
    const hostBefore = portId ? this.index.hostsOfPort(portId)[0] : undefined;
    const removedNode = change.kind === 'node' && change.op === 'delete' ? this.nodes.get(change.id) : undefined;
    const portsOfRemovedNode = removedNode ? this.portsOn(removedNode.node_name) : [];

    this.nbCfg += 1;
    const deltas = this.index.apply(change);
    const deleted = change.op === 'delete';
    if (deleted) this.records.delete(key);
    else this.records.set(key, event.data);
    this.progress.set(key, { revision: event.revisionNumber, deleted, seq: this.nbCfg, hosts: deltas.map((d) => d.hostId) });
    this.onApplied?.(key, event.revisionNumber, deleted, event.data);

    if (change.kind === 'node') this.syncNode(change, removedNode, portsOfRemovedNode);
    if (change.kind === 'floatingIp') {
      if (change.op === 'delete') this.floatingIpTracker.gone(change.id);
      else this.floatingIpTracker.seen(event.data as FloatingIpStatusRecord);
    }
    this.floatingIpTracker.delivering(deltas);
    this.delivery.deliver(
      removedNode ? deltas.filter((d) => d.hostId !== removedNode.node_name) : deltas,
      this.nbCfg,
    );
    if (portId) {
      if (deleted) this.tracker.portGone(portId);
      else {
        this.tracker.portSeen(portId, (event.data as { status?: string }).status ?? 'DOWN');
        this.tracker.portMoved(portId, hostBefore, this.index.hostsOfPort(portId)[0]);
      }
    }
  }

  private syncNode(change: Extract<TopologyChange, { kind: 'node' }>, removed: NodeRecord | undefined, portsOfRemoved: string[]): void {
    if (change.op === 'delete') {
      if (!removed) return;
      this.nodes.delete(change.id);
      this.delivery.removeHost(removed.node_name);
      this.tracker.hostDown(removed.node_name, 0, portsOfRemoved, 'node removed');
      this.floatingIpTracker.hostDown(removed.node_name, 0, 'node removed');
      return;
    }
    const before = this.nodes.get(change.node.node_id);
    this.nodes.set(change.node.node_id, change.node);
    if (before && before.node_name !== change.node.node_name) this.delivery.removeHost(before.node_name);
    this.delivery.upsertHost({ hostId: change.node.node_name, ip: change.node.local_ip, port: change.node.server_port ?? 50001 });
  }

  private portsOn(hostId: string): string[] {
    return Object.keys(this.index.fullGoalState(hostId)?.portStates ?? {});
  }
}
