import { FloatingIpStatusEvent } from '@alcor/contracts';
import type { FloatingIpPlacement, HostDelta } from '@alcor/goal-state';
import { GoalStateOperationReply, GoalStateV2, OperationStatus, OperationType, ResourceType } from '@alcor/proto';
import { FloatingIpStatusTracker } from './floating-ip-status-tracker';

type Entry = { id: string; portId: string; revision: number };

/** A router state carrying these floating IPs (as the index builds it: config revision >= 1). */
const routerState = (routerId: string, entries: Entry[], operationType = OperationType.UPDATE) => ({
  operationType,
  configuration: { id: routerId, floatingIps: entries.map((e) => ({ id: e.id, portId: e.portId, revisionNumber: Math.max(1, e.revision), operationType: OperationType.CREATE })) },
});
const sent = (routers: Record<string, Entry[]>) => GoalStateV2.fromPartial({ routerStates: Object.fromEntries(Object.entries(routers).map(([r, e]) => [r, routerState(r, e)])) });
const reply = (entries: [string, OperationStatus][], resourceType = ResourceType.ROUTER) =>
  GoalStateOperationReply.fromPartial({ operationStatuses: entries.map(([resourceId, operationStatus]) => ({ resourceId, resourceType, operationStatus })) });
const delta = (hostId: string, routers: Record<string, ReturnType<typeof routerState>>): HostDelta => ({ hostId, nodeId: hostId, hostIp: '', goalState: GoalStateV2.fromPartial({ routerStates: routers }) });

describe('FloatingIpStatusTracker', () => {
  let published: FloatingIpStatusEvent[];
  let placements: Map<string, FloatingIpPlacement>;
  let tracker: FloatingIpStatusTracker;
  const place = (id: string, hostId: string, routerId: string, portId: string, revision: number) =>
    placements.set(id, { hostId, routerId, portId, revision, config: { id, portId, revisionNumber: Math.max(1, revision) } as FloatingIpPlacement['config'] });
  const reports = () => published.map((e) => [e.floatingIpId, e.status, e.portId, e.revision, e.reason]);

  beforeEach(() => {
    published = [];
    placements = new Map();
    tracker = new FloatingIpStatusTracker((e) => published.push(e), (id) => placements.get(id));
  });

  it('ACTIVE once the host acks the router state carrying it, naming the association; ERROR on FAILURE', () => {
    place('f1', 'h1', 'r1', 'p1', 2);
    place('f2', 'h1', 'r1', 'p2', 5);
    tracker.seen({ id: 'f1', port_id: 'p1', revision_number: 2, status: 'DOWN' });
    tracker.seen({ id: 'f2', port_id: 'p2', revision_number: 5, status: 'DOWN' });
    tracker.acked('h1', 3, sent({ r1: [{ id: 'f1', portId: 'p1', revision: 2 }, { id: 'f2', portId: 'p2', revision: 5 }] }), reply([['r1', OperationStatus.SUCCESS]]));
    expect(reports()).toEqual([['f1', 'ACTIVE', 'p1', 2, 'acked'], ['f2', 'ACTIVE', 'p2', 5, 'acked']]);
    expect(published[0]).toMatchObject({ schemaVersion: 1, hostId: 'h1', generation: 3 });

    published = [];
    tracker.acked('h1', 4, sent({ r1: [{ id: 'f1', portId: 'p1', revision: 2 }] }), reply([['r1', OperationStatus.SUCCESS]]));
    expect(published).toEqual([]); // a repeated ack is silent
    tracker.acked('h1', 5, sent({ r1: [{ id: 'f1', portId: 'p1', revision: 2 }] }), reply([['r1', OperationStatus.INVALID_ARG]]));
    expect(reports()).toEqual([['f1', 'ERROR', 'p1', 2, 'INVALID_ARG']]);
  });

  it('ignores acks of another host, of a mapping that changed since, PENDING, port-only or missing router verdicts', () => {
    place('f1', 'h1', 'r1', 'p1', 4);
    tracker.seen({ id: 'f1', port_id: 'p1', revision_number: 4, status: 'DOWN' });
    const carrying = (revision: number, portId = 'p1') => sent({ r1: [{ id: 'f1', portId, revision }] });
    tracker.acked('h2', 1, carrying(4), reply([['r1', OperationStatus.SUCCESS]]));
    tracker.acked('h1', 1, carrying(3), reply([['r1', OperationStatus.SUCCESS]])); // an older generation
    tracker.acked('h1', 1, carrying(4, 'p9'), reply([['r1', OperationStatus.SUCCESS]]));
    tracker.acked('h1', 1, carrying(4), reply([['r1', OperationStatus.PENDING]]));
    tracker.acked('h1', 1, carrying(4), reply([['r1', OperationStatus.SUCCESS]], ResourceType.PORT));
    tracker.acked('h1', 1, carrying(4), reply([]));
    expect(published).toEqual([]);
    expect(tracker.statusOf('f1')).toBe('DOWN');
  });

  it('DOWN when its host goes silent, and ACTIVE again when it answers', () => {
    place('f1', 'h1', 'r1', 'p1', 2);
    tracker.seen({ id: 'f1', port_id: 'p1', revision_number: 2, status: 'DOWN' });
    tracker.acked('h1', 1, sent({ r1: [{ id: 'f1', portId: 'p1', revision: 2 }] }), reply([['r1', OperationStatus.SUCCESS]]));
    tracker.hostDown('h2', 2);
    tracker.hostDown('h1', 2);
    tracker.hostDown('h1', 3); // already DOWN: silent
    tracker.acked('h1', 4, sent({ r1: [{ id: 'f1', portId: 'p1', revision: 2 }] }), reply([['r1', OperationStatus.SUCCESS]]));
    expect(reports()).toEqual([['f1', 'ACTIVE', 'p1', 2, 'acked'], ['f1', 'DOWN', 'p1', 2, 'host down'], ['f1', 'ACTIVE', 'p1', 2, 'acked']]);
  });

  it('DOWN when a delta takes the mapping off its host (port moved, router gone), not for other routers', () => {
    place('f1', 'h1', 'r1', 'p1', 2);
    tracker.seen({ id: 'f1', port_id: 'p1', revision_number: 2, status: 'DOWN' });
    tracker.acked('h1', 1, sent({ r1: [{ id: 'f1', portId: 'p1', revision: 2 }] }), reply([['r1', OperationStatus.SUCCESS]]));
    tracker.delivering([delta('h1', { r2: routerState('r2', []) }), delta('h2', { r1: routerState('r1', []) })]);
    tracker.delivering([delta('h1', { r1: routerState('r1', [{ id: 'f1', portId: 'p1', revision: 2 }]) })]);
    expect(reports()).toEqual([['f1', 'ACTIVE', 'p1', 2, 'acked']]);
    tracker.delivering([delta('h1', { r1: routerState('r1', []) })]);
    expect(reports().slice(1)).toEqual([['f1', 'DOWN', 'p1', 2, 'left the host']]);

    place('f1', 'h2', 'r1', 'p1', 2);
    tracker.acked('h2', 1, sent({ r1: [{ id: 'f1', portId: 'p1', revision: 2 }] }), reply([['r1', OperationStatus.SUCCESS]]));
    tracker.delivering([delta('h2', { r1: routerState('r1', [{ id: 'f1', portId: 'p1', revision: 2 }], OperationType.DELETE) })]);
    expect(reports().slice(2)).toEqual([['f1', 'ACTIVE', 'p1', 2, 'acked'], ['f1', 'DOWN', 'p1', 2, 'left the host']]);
  });

  it('a new association takes the stored status (the manager reset it); echoes of its own verdicts change nothing', () => {
    place('f1', 'h1', 'r1', 'p1', 2);
    tracker.seen({ id: 'f1', port_id: 'p1', revision_number: 2, status: 'DOWN' });
    tracker.acked('h1', 1, sent({ r1: [{ id: 'f1', portId: 'p1', revision: 2 }] }), reply([['r1', OperationStatus.SUCCESS]]));
    tracker.seen({ id: 'f1', port_id: 'p1', revision_number: 3, status: 'ACTIVE' }); // the manager applied it
    tracker.seen({ id: 'f1', port_id: 'p1', revision_number: 4, status: 'DOWN' }); // a stale echo: the DPM's verdict is newer
    expect(tracker.statusOf('f1')).toBe('ACTIVE');
    // disassociated: DOWN as stored, nothing published, and the old host's delta is silent too
    placements.delete('f1');
    tracker.seen({ id: 'f1', port_id: null, revision_number: 5, status: 'DOWN' });
    tracker.delivering([delta('h1', { r1: routerState('r1', []) })]);
    expect(tracker.statusOf('f1')).toBe('DOWN');
    // associated again with the same port: ACTIVE again once acked, naming the new revision
    place('f1', 'h1', 'r1', 'p1', 6);
    tracker.seen({ id: 'f1', port_id: 'p1', revision_number: 6, status: 'DOWN' });
    tracker.acked('h1', 2, sent({ r1: [{ id: 'f1', portId: 'p1', revision: 6 }] }), reply([['r1', OperationStatus.SUCCESS]]));
    expect(reports()).toEqual([['f1', 'ACTIVE', 'p1', 2, 'acked'], ['f1', 'ACTIVE', 'p1', 6, 'acked']]);
  });

  it('another fixed IP of the same port is a new association too: DOWN as stored, ACTIVE again once acked', () => {
    place('f1', 'h1', 'r1', 'p1', 2);
    tracker.seen({ id: 'f1', port_id: 'p1', fixed_ip_address: '10.0.0.5', router_id: 'r1', revision_number: 2, status: 'DOWN' });
    tracker.acked('h1', 1, sent({ r1: [{ id: 'f1', portId: 'p1', revision: 2 }] }), reply([['r1', OperationStatus.SUCCESS]]));
    place('f1', 'h1', 'r1', 'p1', 4);
    tracker.seen({ id: 'f1', port_id: 'p1', fixed_ip_address: '10.0.0.6', router_id: 'r1', revision_number: 4, status: 'DOWN' });
    expect(tracker.statusOf('f1')).toBe('DOWN');
    tracker.acked('h1', 2, sent({ r1: [{ id: 'f1', portId: 'p1', revision: 4 }] }), reply([['r1', OperationStatus.SUCCESS]]));
    expect(reports()).toEqual([['f1', 'ACTIVE', 'p1', 2, 'acked'], ['f1', 'ACTIVE', 'p1', 4, 'acked']]);
  });

  it('on a rebuild a stored ACTIVE on its host stays (hostDown reaches it), one on no host turns DOWN; gone forgets', () => {
    place('f1', 'h1', 'r1', 'p1', 3);
    tracker.seen({ id: 'f1', port_id: 'p1', revision_number: 3, status: 'ACTIVE' });
    tracker.seen({ id: 'f2', port_id: 'p2', revision_number: 7, status: 'ACTIVE' });
    expect(reports()).toEqual([['f2', 'DOWN', 'p2', 7, 'not on a host']]);
    tracker.hostDown('h1', 1);
    expect(reports()[1]).toEqual(['f1', 'DOWN', 'p1', 3, 'host down']);
    tracker.gone('f1');
    expect(tracker.statusOf('f1')).toBeUndefined();
    tracker.acked('h1', 2, sent({ r1: [{ id: 'f1', portId: 'p1', revision: 3 }] }), reply([['r1', OperationStatus.SUCCESS]]));
    expect(published).toHaveLength(2);
  });
});
