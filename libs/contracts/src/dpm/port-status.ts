/**
 * A port status decided by the data-plane manager from its host's acks (southbound.md 4.9 item 2):
 * ACTIVE once the bound host acked a generation holding the port with SUCCESS, ERROR when the
 * host reported FAILURE/INVALID_ARG for it, DOWN when the host stops answering or the port left it.
 * Published on TOPICS.portStatusEvents, keyed by port id; delivery is at least once, so the port
 * manager applies it idempotently (a status equal to the stored one changes nothing).
 */
export type DataPlanePortStatus = 'ACTIVE' | 'DOWN' | 'ERROR';

export interface PortStatusEvent {
  schemaVersion: 1;
  eventId: string;
  portId: string;
  status: DataPlanePortStatus;
  /** The node (binding:host_id) whose ack or silence decided it. */
  hostId: string;
  /** The host's goal-state generation the decision is based on (per DPM process). */
  generation: number;
  /** Why, for operators: e.g. "acked", "FAILURE", "host down", "unbound". */
  reason: string;
  occurredAt: string;
}
