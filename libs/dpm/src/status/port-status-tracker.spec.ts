import { PortStatusEvent } from '@alcor/contracts';
import { GoalStateOperationReply, GoalStateV2, OperationStatus, OperationType, ResourceType } from '@alcor/proto';
import { PortStatusTracker } from './port-status-tracker';

const sent = (...ids: string[]) => GoalStateV2.fromPartial({ portStates: Object.fromEntries(ids.map((id) => [id, { operationType: OperationType.CREATE, configuration: { id } }])) });
const reply = (entries: [string, OperationStatus][]) =>
  GoalStateOperationReply.fromPartial({ operationStatuses: entries.map(([resourceId, operationStatus]) => ({ resourceId, resourceType: ResourceType.PORT, operationStatus })) });

describe('PortStatusTracker', () => {
  const published: PortStatusEvent[] = [];
  const hosts = new Map<string, string>();
  const tracker = new PortStatusTracker((e) => published.push(e), (id) => hosts.get(id));
  const statuses = () => published.map((e) => [e.portId, e.status, e.reason]);

  beforeEach(() => (published.length = 0));

  it('ACTIVE after the bound host acks SUCCESS, ERROR on FAILURE, nothing for PENDING or another host', () => {
    for (const id of ['p1', 'p2', 'p3']) hosts.set(id, 'h1');
    for (const id of ['p1', 'p2', 'p3']) tracker.portSeen(id, 'DOWN');
    tracker.acked('h2', 4, sent('p1'), reply([['p1', OperationStatus.SUCCESS]]));
    expect(published).toEqual([]);
    tracker.acked('h1', 5, sent('p1', 'p2', 'p3'), reply([['p1', OperationStatus.SUCCESS], ['p2', OperationStatus.FAILURE], ['p3', OperationStatus.PENDING]]));
    expect(statuses()).toEqual([['p1', 'ACTIVE', 'acked'], ['p2', 'ERROR', 'FAILURE']]);
    expect(published[0]).toMatchObject({ schemaVersion: 1, hostId: 'h1', generation: 5 });
  });

  it('publishes only changes: a repeated ack is silent', () => {
    tracker.acked('h1', 6, sent('p1'), reply([['p1', OperationStatus.SUCCESS]]));
    expect(published).toEqual([]);
  });

  it('DOWN for the ports of a silent host and for a port that moved', () => {
    tracker.hostDown('h1', 7, ['p1', 'p2']);
    expect(statuses()).toEqual([['p1', 'DOWN', 'host down'], ['p2', 'DOWN', 'host down']]);
    published.length = 0;
    tracker.acked('h1', 8, sent('p1'), reply([['p1', OperationStatus.SUCCESS]]));
    hosts.set('p1', 'h2');
    tracker.portMoved('p1', 'h1', 'h2');
    expect(statuses()).toEqual([['p1', 'ACTIVE', 'acked'], ['p1', 'DOWN', 'moved to another host']]);
  });

  it('takes the stored status on first sight only (a rebuild does not flap an ACTIVE port)', () => {
    hosts.set('p9', 'h1');
    tracker.portSeen('p9', 'ACTIVE');
    tracker.portSeen('p9', 'DOWN');
    expect(tracker.statusOf('p9')).toBe('ACTIVE');
    tracker.acked('h1', 9, sent('p9'), reply([['p9', OperationStatus.SUCCESS]]));
    expect(published).toEqual([]);
  });
});
