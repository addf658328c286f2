import { OperationType } from '@alcor/proto';
import { decodeGoalState, encodeGoalState, GoalStateIndex } from './index';
import { network, node, port, subnet } from './testing/fixtures';

function must<T>(x: T | undefined): T {
  if (x === undefined) throw new Error('expected a value');
  return x;
}

describe('GoalStateIndex basics', () => {
  it('gives a new port its own states and every other host of the VPC one neighbor CREATE', () => {
    const index = new GoalStateIndex();
    index.applyAll([
      { kind: 'node', op: 'upsert', node: node('h1', '10.0.0.1') },
      { kind: 'node', op: 'upsert', node: node('h2', '10.0.0.2') },
      { kind: 'network', op: 'upsert', network: network('n1', 100) },
      { kind: 'subnet', op: 'upsert', subnet: subnet('s1', 'n1', '192.168.0.0/24') },
      { kind: 'port', op: 'upsert', port: port('p1', 'n1', 'h1', [['s1', '192.168.0.10']]) },
    ]);
    const deltas = index.apply({ kind: 'port', op: 'upsert', port: port('p2', 'n1', 'h2', [['s1', '192.168.0.11']]) });
    const h1 = must(deltas.find((d) => d.hostId === 'h1'));
    expect(Object.keys(h1.goalState.neighborStates)).toEqual(['L2/p2']);
    expect(h1.goalState.neighborStates['L2/p2'].operationType).toBe(OperationType.CREATE);
    expect(h1.goalState.subnetStates.s1.operationType).toBe(OperationType.INFO);
    const h2 = must(deltas.find((d) => d.hostId === 'h2'));
    expect(h2.hostIp).toBe('10.0.0.2');
    expect(Object.keys(h2.goalState.portStates)).toEqual(['p2']);
    expect(Object.keys(h2.goalState.neighborStates).sort()).toEqual(['L2/p1', 'L2/p2']);
    expect(decodeGoalState(encodeGoalState(h2.goalState)).portStates.p2.configuration?.id).toBe('p2');
    expect(index.hostsOfPort('p2')).toEqual(['h2']);
  });
});
