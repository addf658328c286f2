import type { DataPlanePortStatus } from './port-status';

/**
 * A floating IP's status decided by the data-plane manager, like a port's: ACTIVE once the host of
 * its fixed port acked a generation whose router state carries it with SUCCESS, ERROR when that host
 * reported FAILURE/INVALID_ARG/OUT_OF_ORDER for the router state, DOWN when the host stops answering
 * or the mapping left it (fixed port moved / unbound). Published on TOPICS.floatingIpStatusEvents,
 * keyed by floating IP id; at least once. The floating-IP manager applies it only to the association
 * it names (same port_id, revision not older than the association), so a late report of an earlier
 * association never wins.
 */
export interface FloatingIpStatusEvent {
  schemaVersion: 1;
  eventId: string;
  floatingIpId: string;
  status: DataPlanePortStatus;
  /** The fixed port of the association the verdict is about. */
  portId: string;
  /** The floating IP's revision_number the host was programmed with. */
  revision: number;
  /** The node (binding:host_id of the fixed port) whose ack or silence decided it. */
  hostId: string;
  /** The host's goal-state generation the decision is based on (per DPM process). */
  generation: number;
  /** Why, for operators: "acked", "FAILURE", "host down", "left the host". */
  reason: string;
  occurredAt: string;
}
