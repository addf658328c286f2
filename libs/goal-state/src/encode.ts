import { GoalStateV2 } from '@alcor/proto';

/** Serialises a goal state with the generated GoalStateV2 codec of @alcor/proto (schema E3). */
export function encodeGoalState(gs: GoalStateV2): Uint8Array {
  return GoalStateV2.encode(gs).finish();
}

export function decodeGoalState(bytes: Uint8Array): GoalStateV2 {
  return GoalStateV2.decode(bytes);
}
