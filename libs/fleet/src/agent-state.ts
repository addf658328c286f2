import { GoalStateV2, OperationType } from '@alcor/proto';

/** The state kinds of a GoalStateV2 an agent keeps (everything but host_resources). */
export const STATE_KINDS = [
  'vpcStates',
  'subnetStates',
  'portStates',
  'dhcpStates',
  'neighborStates',
  'securityGroupStates',
  'routerStates',
  'gatewayStates',
] as const;
export type StateKind = (typeof STATE_KINDS)[number];

type AnyState = { operationType: OperationType };

/**
 * What a fake agent has programmed, by kind and id: a delta upserts or removes entries, a FULL
 * state replaces everything (what a reconciling agent ends up with after a resync).
 */
export class AgentState {
  private readonly kinds = new Map<StateKind, Map<string, AnyState>>(STATE_KINDS.map((k) => [k, new Map()]));

  private of(kind: StateKind): Map<string, AnyState> {
    let map = this.kinds.get(kind);
    if (!map) this.kinds.set(kind, (map = new Map()));
    return map;
  }

  apply(goalState: GoalStateV2, full: boolean): void {
    if (full) this.clear();
    for (const kind of STATE_KINDS) {
      const current = this.of(kind);
      for (const [id, state] of Object.entries(goalState[kind] as Record<string, AnyState>)) {
        if (state.operationType === OperationType.DELETE) current.delete(id);
        else current.set(id, state);
      }
    }
  }

  clear(): void {
    for (const map of this.kinds.values()) map.clear();
  }

  ids(kind: StateKind): string[] {
    return [...this.of(kind).keys()].sort();
  }

  get<T = AnyState>(kind: StateKind, id: string): T | undefined {
    return this.of(kind).get(id) as T | undefined;
  }

  has(kind: StateKind, id: string): boolean {
    return this.of(kind).has(id);
  }

  size(kind: StateKind): number {
    return this.of(kind).size;
  }
}
