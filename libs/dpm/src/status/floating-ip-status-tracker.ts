import { randomUUID } from 'node:crypto';
import { DataPlanePortStatus, FloatingIpStatusEvent } from '@alcor/contracts';
import type { FloatingIpPlacement, HostDelta } from '@alcor/goal-state';
import { GoalStateOperationReply, GoalStateV2, OperationStatus, OperationType, ResourceType } from '@alcor/proto';

const ERROR_STATUSES = new Set([OperationStatus.FAILURE, OperationStatus.INVALID_ARG, OperationStatus.OUT_OF_ORDER]);

/** The fields of a floating-IP record (event data or listing) the tracker reads. */
export interface FloatingIpStatusRecord {
  id: string;
  port_id: string | null;
  fixed_ip_address?: string | null;
  router_id?: string | null;
  revision_number: number;
  status?: string;
}

const associationOf = (r: FloatingIpStatusRecord) => `${r.port_id ?? ''}|${r.fixed_ip_address ?? ''}|${r.router_id ?? ''}`;

interface Known {
  status: string;
  /** The association the status is about: its fixed port ('' when unassociated) and programmed revision. */
  portId: string;
  revision: number;
  /** port|fixed IP|router of the record last seen: a change of it is a new association. */
  association: string;
  /** Set while ACTIVE / ERROR: the host and router state whose silence or change turns it DOWN. */
  host?: string;
  router?: string;
}

/**
 * Floating-IP statuses from what hosts answer, like PortStatusTracker for ports: ACTIVE once the
 * fixed port's host acked a generation whose router state carries the floating IP (router verdict
 * SUCCESS), ERROR on FAILURE / INVALID_ARG / OUT_OF_ORDER for that router state, DOWN when the host
 * goes silent or is removed, or a delta takes the mapping off it (port moved or unbound, router
 * gone). A new association is reset to DOWN by the floating-IP manager itself, so the tracker takes
 * the stored status then. Emits only changes, each naming the association it is about.
 */
export class FloatingIpStatusTracker {
  private readonly known = new Map<string, Known>();
  /** host -> floating IPs ACTIVE / ERROR on it. */
  private readonly onHost = new Map<string, Set<string>>();

  constructor(
    private readonly publish: (event: FloatingIpStatusEvent) => void,
    /** Where the index programs a floating IP now (undefined: nowhere). */
    private readonly placementOf: (floatingIpId: string) => FloatingIpPlacement | undefined,
  ) {}

  /**
   * A floating IP as the store has it (rebuild, event). Its stored status is taken on first sight
   * and whenever the association changed (the manager reset it); otherwise the DPM's own verdicts are
   * newer than what the event echoes back. A stored ACTIVE that is on no host turns DOWN.
   */
  seen(record: FloatingIpStatusRecord): void {
    const portId = record.port_id ?? '';
    const association = associationOf(record);
    const k = this.known.get(record.id);
    if (k && k.association === association) return;
    this.unregister(record.id);
    this.known.set(record.id, { status: record.status ?? 'DOWN', portId, revision: record.revision_number, association });
    if ((record.status ?? 'DOWN') === 'DOWN') return;
    const placed = this.placementOf(record.id);
    if (placed && placed.portId === portId) this.register(record.id, placed.hostId, placed.routerId);
    else this.change(record.id, 'DOWN', portId, record.revision_number, '', undefined, 0, 'not on a host');
  }

  gone(floatingIpId: string): void {
    this.unregister(floatingIpId);
    this.known.delete(floatingIpId);
  }

  /** Deltas about to be pushed: a router state of a host that no longer lists a floating IP ACTIVE there turns it DOWN. */
  delivering(deltas: readonly HostDelta[]): void {
    for (const d of deltas) {
      const ids = this.onHost.get(d.hostId);
      if (!ids?.size) continue;
      for (const [key, state] of Object.entries(d.goalState.routerStates)) {
        const routerId = state.configuration?.id || key;
        const listed = state.operationType === OperationType.DELETE ? [] : (state.configuration?.floatingIps ?? []).map((f) => f.id);
        for (const id of [...ids]) {
          const k = this.known.get(id);
          if (k?.router === routerId && !listed.includes(id)) this.change(id, 'DOWN', k.portId, k.revision, d.hostId, routerId, 0, 'left the host');
        }
      }
    }
  }

  /** The host answered `sent` with `reply`: the floating IPs of its acked router states, if they are still placed there as sent. */
  acked(hostId: string, generation: number, sent: GoalStateV2, reply: GoalStateOperationReply): void {
    let verdicts: Map<string, OperationStatus> | undefined;
    for (const [key, state] of Object.entries(sent.routerStates)) {
      const entries = state.configuration?.floatingIps;
      if (state.operationType === OperationType.DELETE || !entries?.length) continue;
      const routerId = state.configuration?.id || key;
      verdicts ??= routerVerdicts(reply);
      const verdict = verdicts.get(routerId);
      if (verdict === undefined) continue;
      const status: DataPlanePortStatus | undefined = verdict === OperationStatus.SUCCESS ? 'ACTIVE' : ERROR_STATUSES.has(verdict) ? 'ERROR' : undefined;
      if (!status) continue;
      for (const entry of entries) {
        const placed = this.placementOf(entry.id);
        // an ack of an older generation must not vouch for a mapping that changed or moved since
        if (!placed || placed.hostId !== hostId || placed.routerId !== routerId) continue;
        if (placed.portId !== entry.portId || placed.config.revisionNumber !== entry.revisionNumber) continue;
        this.change(entry.id, status, placed.portId, placed.revision, hostId, routerId, generation, status === 'ACTIVE' ? 'acked' : (OperationStatus[verdict] ?? 'FAILURE'));
      }
    }
  }

  /** The host stopped answering or was removed: its floating IPs are DOWN. */
  hostDown(hostId: string, generation: number, reason = 'host down'): void {
    for (const id of [...(this.onHost.get(hostId) ?? [])]) {
      const k = this.known.get(id);
      if (k) this.change(id, 'DOWN', k.portId, k.revision, hostId, undefined, generation, reason);
    }
  }

  statusOf(floatingIpId: string): string | undefined {
    return this.known.get(floatingIpId)?.status;
  }

  private change(id: string, status: DataPlanePortStatus, portId: string, revision: number, hostId: string, router: string | undefined, generation: number, reason: string): void {
    const k = this.known.get(id);
    if (!k) return;
    if (status === 'DOWN') this.unregister(id);
    else this.register(id, hostId, router);
    if (k.status === status && k.portId === portId) return;
    Object.assign(k, { status, portId, revision });
    this.publish({ schemaVersion: 1, eventId: randomUUID(), floatingIpId: id, status, portId, revision, hostId, generation, reason, occurredAt: new Date().toISOString() });
  }

  private register(id: string, host: string, router: string | undefined): void {
    const k = this.known.get(id);
    if (!k) return;
    if (k.host !== host) this.unregister(id);
    k.host = host;
    k.router = router;
    let ids = this.onHost.get(host);
    if (!ids) this.onHost.set(host, (ids = new Set()));
    ids.add(id);
  }

  private unregister(id: string): void {
    const k = this.known.get(id);
    if (!k?.host) return;
    const ids = this.onHost.get(k.host);
    ids?.delete(id);
    if (ids?.size === 0) this.onHost.delete(k.host);
    k.host = undefined;
    k.router = undefined;
  }
}

function routerVerdicts(reply: GoalStateOperationReply): Map<string, OperationStatus> {
  const out = new Map<string, OperationStatus>();
  for (const s of reply.operationStatuses) if (s.resourceType === ResourceType.ROUTER) out.set(s.resourceId, s.operationStatus);
  return out;
}
