/**
 * gRPC metadata of this project's southbound calls; a stock ACA ignores all of it.
 * On a push (DPM -> agent): the host goal-state generation the message brings the host to, and
 * the kind of push. On RequestGoalStates (agent -> DPM in the NCM role): the caller's node id, for
 * hosts whose peer IP does not identify them (e.g. a simulated fleet on one loopback address).
 */
export const SOUTHBOUND_HEADERS = {
  generation: 'x-alcor-generation',
  pushKind: 'x-alcor-push',
  hostId: 'x-alcor-host-id',
} as const;

/** delta: changes only; full: everything the host needs (resync); heartbeat: an empty liveness probe. */
export type PushKind = 'delta' | 'full' | 'heartbeat';
