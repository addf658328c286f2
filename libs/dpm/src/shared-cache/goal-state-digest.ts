import { createHash } from 'node:crypto';
import { encodeGoalState, type GoalStateIndex } from '@alcor/goal-state';
import type { GoalStateV2 } from '@alcor/proto';

/**
 * A host's FULL goal state as two replicas can compare it: sha256 of its protobuf encoding
 * (nothing per push in it: generations travel as gRPC metadata), its size and the entries per
 * state map. Map keys and host-resource lists are sorted first, since a replica that loaded in
 * bulk and one that applied events one by one fill the maps in different orders.
 * Undefined for a host the index does not know.
 */
export function goalStateDigest(index: GoalStateIndex, hostId: string) {
  const goalState = index.fullGoalState(hostId);
  if (!goalState) return undefined;
  const bytes = encodeGoalState(canonical(goalState));
  const counts: Record<string, number> = {};
  for (const [name, value] of Object.entries(goalState)) {
    if (name.endsWith('States') && value && typeof value === 'object') counts[name] = Object.keys(value).length;
  }
  return { host_id: hostId, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, counts };
}

function canonical(goalState: GoalStateV2): GoalStateV2 {
  const sorted = { ...goalState } as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(goalState)) {
    if (value && typeof value === 'object') sorted[name] = Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  const result = sorted as unknown as GoalStateV2;
  for (const [ip, host] of Object.entries(result.hostResources)) {
    result.hostResources[ip] = { ...host, resources: [...host.resources].sort((a, b) => a.type - b.type || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
  }
  return result;
}
