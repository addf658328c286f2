import { randomUUID } from 'node:crypto';
import { DataPlanePortStatus, PortStatusEvent } from '@alcor/contracts';
import { GoalStateOperationReply, GoalStateV2, OperationStatus, OperationType, ResourceType } from '@alcor/proto';

const ERROR_STATUSES = new Set([OperationStatus.FAILURE, OperationStatus.INVALID_ARG, OperationStatus.OUT_OF_ORDER]);

/**
 * Decides port statuses from what hosts answer (architecture principle 4): ACTIVE only after the
 * bound host acked a generation holding the port with SUCCESS; ERROR when it reported FAILURE,
 * INVALID_ARG or OUT_OF_ORDER for it; DOWN when the host went silent or the port left it. Emits
 * only changes, so a repeated ack or a resync that changes nothing publishes nothing.
 */
export class PortStatusTracker {
  private readonly statuses = new Map<string, string>();

  constructor(
    private readonly publish: (event: PortStatusEvent) => void,
    /** The host a port is programmed on now (undefined: none). */
    private readonly hostOf: (portId: string) => string | undefined,
  ) {}

  /**
   * A port as the store has it. Its stored status is taken on first sight only (start, create):
   * after that the DPM's own decisions are newer than what an event echoes back.
   */
  portSeen(portId: string, storedStatus: string): void {
    if (!this.statuses.has(portId)) this.statuses.set(portId, storedStatus);
    if (!this.hostOf(portId)) this.change(portId, 'DOWN', '', 0, 'not on a host');
  }

  /** The port's host changed (bound elsewhere, unbound, admin-down): it is DOWN until the new host acks. */
  portMoved(portId: string, from: string | undefined, to: string | undefined): void {
    if (from !== to) this.change(portId, 'DOWN', to ?? from ?? '', 0, to ? 'moved to another host' : 'not on a host');
  }

  portGone(portId: string): void {
    this.statuses.delete(portId);
  }

  /** The host answered `sent` with `reply`. */
  acked(hostId: string, generation: number, sent: GoalStateV2, reply: GoalStateOperationReply): void {
    const verdicts = new Map<string, OperationStatus>();
    for (const status of reply.operationStatuses) if (status.resourceType === ResourceType.PORT) verdicts.set(status.resourceId, status.operationStatus);
    for (const [key, state] of Object.entries(sent.portStates)) {
      if (state.operationType === OperationType.DELETE) continue;
      const portId = state.configuration?.id || key;
      if (this.hostOf(portId) !== hostId) continue;
      const verdict = verdicts.get(portId);
      if (verdict === OperationStatus.SUCCESS) this.change(portId, 'ACTIVE', hostId, generation, 'acked');
      else if (verdict !== undefined && ERROR_STATUSES.has(verdict)) this.change(portId, 'ERROR', hostId, generation, OperationStatus[verdict] ?? 'FAILURE');
    }
  }

  /** The host stopped answering (or was removed): these ports of it are DOWN. */
  hostDown(hostId: string, generation: number, portIds: Iterable<string>, reason = 'host down'): void {
    for (const portId of portIds) this.change(portId, 'DOWN', hostId, generation, reason);
  }

  statusOf(portId: string): string | undefined {
    return this.statuses.get(portId);
  }

  private change(portId: string, status: DataPlanePortStatus, hostId: string, generation: number, reason: string): void {
    const current = this.statuses.get(portId);
    if (current === undefined || current === status) return;
    this.statuses.set(portId, status);
    this.publish({ schemaVersion: 1, eventId: randomUUID(), portId, status, hostId, generation, reason, occurredAt: new Date().toISOString() });
  }
}
