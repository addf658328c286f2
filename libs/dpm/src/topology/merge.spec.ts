import { GoalStateV2, OperationType, ResourceType } from '@alcor/proto';
import { emptyGoalState, isEmptyGoalState, mergeGoalStates } from './merge';

const withPort = (id: string, operationType: OperationType, name = '') =>
  GoalStateV2.fromPartial({ portStates: { [id]: { operationType, configuration: { id, name } } }, hostResources: { '10.0.0.1': { resources: [{ type: ResourceType.PORT, id }] } } });

describe('mergeGoalStates (batching deltas of one host)', () => {
  it('keeps a CREATE a CREATE when updated before delivery, with the newer configuration', () => {
    const merged = mergeGoalStates(mergeGoalStates(emptyGoalState(), withPort('p', OperationType.CREATE, 'a')), withPort('p', OperationType.UPDATE, 'b'));
    expect(merged.portStates['p']).toEqual({ operationType: OperationType.CREATE, configuration: expect.objectContaining({ id: 'p', name: 'b' }) });
    expect(merged.hostResources['10.0.0.1'].resources).toEqual([{ type: ResourceType.PORT, id: 'p' }]);
  });

  it('cancels a CREATE followed by a DELETE, and lets the later state win otherwise', () => {
    const cancelled = mergeGoalStates(mergeGoalStates(emptyGoalState(), withPort('p', OperationType.CREATE)), withPort('p', OperationType.DELETE));
    expect(isEmptyGoalState(cancelled)).toBe(true);
    const replaced = mergeGoalStates(mergeGoalStates(emptyGoalState(), withPort('p', OperationType.UPDATE)), withPort('p', OperationType.DELETE));
    expect(replaced.portStates['p'].operationType).toBe(OperationType.DELETE);
  });

  it('does not mutate the merged-in message', () => {
    const delta = withPort('q', OperationType.CREATE);
    const into = mergeGoalStates(emptyGoalState(), delta);
    mergeGoalStates(into, withPort('r', OperationType.CREATE));
    expect(Object.keys(delta.portStates)).toEqual(['q']);
    expect(delta.hostResources['10.0.0.1'].resources).toHaveLength(1);
  });
});
