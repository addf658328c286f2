import { GOAL_STATE_V2_FORMAT_VERSION, GoalStateV2, type HostResources, OperationType, type ResourceIdType } from '@alcor/proto';

const STATE_MAPS = ['vpcStates', 'subnetStates', 'portStates', 'dhcpStates', 'neighborStates', 'securityGroupStates', 'routerStates', 'gatewayStates'] as const;

type State = { operationType: OperationType };

/** Ids already listed in a merged host_resources entry: a batch of k deltas merges in O(k), not O(k^2). */
const LISTED = new WeakMap<HostResources, Set<string>>();
const resourceKeyOf = (r: ResourceIdType) => `${r.type}/${r.id}`;

export function emptyGoalState(): GoalStateV2 {
  return GoalStateV2.fromPartial({ formatVersion: GOAL_STATE_V2_FORMAT_VERSION });
}

/**
 * Folds `next` onto `into` (mutating and returning it): what one message must carry for a host
 * that has seen neither. Per id the later state wins, except that a CREATE stays a CREATE when
 * updated before delivery (the host never had it), and CREATE then DELETE cancels out.
 */
export function mergeGoalStates(into: GoalStateV2, next: GoalStateV2): GoalStateV2 {
  into.formatVersion = next.formatVersion || into.formatVersion;
  for (const field of STATE_MAPS) {
    const target = into[field] as Record<string, State>;
    for (const [id, state] of Object.entries(next[field] as Record<string, State>)) {
      const earlier = target[id];
      if (earlier?.operationType === OperationType.CREATE && state.operationType === OperationType.DELETE) delete target[id];
      else if (earlier?.operationType === OperationType.CREATE && state.operationType === OperationType.UPDATE) target[id] = { ...state, operationType: OperationType.CREATE };
      else target[id] = state;
    }
  }
  for (const [hostIp, resources] of Object.entries(next.hostResources)) {
    let earlier = into.hostResources[hostIp];
    if (!earlier) into.hostResources[hostIp] = earlier = { resources: [] };
    let listed = LISTED.get(earlier);
    if (!listed) LISTED.set(earlier, (listed = new Set(earlier.resources.map(resourceKeyOf))));
    for (const r of resources.resources) {
      const key = resourceKeyOf(r);
      if (listed.has(key)) continue;
      listed.add(key);
      earlier.resources.push(r);
    }
  }
  return into;
}

/** True when the message carries no state at all. */
export function isEmptyGoalState(goalState: GoalStateV2): boolean {
  return STATE_MAPS.every((field) => Object.keys(goalState[field]).length === 0);
}
