import { GoalStateV2, OperationType } from '@alcor/proto';
import { RecordingTransport } from '../testing-transport';
import { HostLink, HostLinkEvents } from './host-link';

const timings = { pushTimeoutMs: 100, heartbeatMs: 50, heartbeatMisses: 2, retryMaxMs: 20 };
const delta = (id: string) => GoalStateV2.fromPartial({ formatVersion: 102, portStates: { [id]: { operationType: OperationType.CREATE, configuration: { id } } } });
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

function link(transport: RecordingTransport, full: GoalStateV2 = delta('full-port')) {
  const events = { acked: jest.fn(), down: jest.fn(), up: jest.fn(), sent: jest.fn() } satisfies HostLinkEvents;
  return { link: new HostLink('h1', '10.0.0.1:50001', transport, timings, events, () => ({ goalState: full, seq: 7 })), events };
}

describe('HostLink (versioned delivery to one host)', () => {
  it('batches deltas queued while a push is in flight into one message of the latest generation', async () => {
    const transport = new RecordingTransport();
    let open!: () => void;
    transport.gate = new Promise((resolve) => (open = resolve));
    const { link: l, events } = link(transport);
    expect(l.enqueue(delta('a'), 1)).toBe(1);
    await tick();
    expect(l.enqueue(delta('b'), 2)).toBe(2);
    expect(l.enqueue(delta('c'), 3)).toBe(3);
    open();
    transport.gate = undefined;
    await l.waitForAck(3, 1000);
    expect(transport.pushes.map((p) => [p.generation, p.kind, Object.keys(p.goalState.portStates)])).toEqual([
      [1, 'delta', ['a']],
      [3, 'delta', ['b', 'c']],
    ]);
    expect(events.acked).toHaveBeenCalledTimes(2);
    expect(l.acked).toBe(3);
    expect(l.settled).toBe(true);
    expect(l.hvCfg(9)).toBe(9);
    l.close();
  });

  it('keeps what failed pending, reports the host down after the misses, and sends a FULL state when it answers again', async () => {
    const transport = new RecordingTransport();
    transport.unreachable.add('10.0.0.1:50001');
    const { link: l, events } = link(transport);
    l.enqueue(delta('a'), 1);
    await tick(150);
    expect(events.down).toHaveBeenCalledTimes(1);
    expect(l.state).toBe('down');
    expect(l.hvCfg(5)).toBe(0);
    transport.unreachable.clear();
    await l.waitForAck(1, 2000);
    const last = transport.pushes[transport.pushes.length - 1];
    expect(last.kind).toBe('full');
    expect(Object.keys(last.goalState.portStates).sort()).toEqual(['a', 'full-port']);
    expect(events.up).toHaveBeenCalledTimes(1);
    expect(l.state).toBe('up');
    l.close();
  });

  it('probes an idle host with empty heartbeats that do not move its generation', async () => {
    const transport = new RecordingTransport();
    const { link: l } = link(transport);
    await l.waitForAck(l.requestFull(), 1000);
    await tick(60);
    l.heartbeatDue(Date.now());
    await tick(5);
    const beats = transport.to('10.0.0.1:50001', 'heartbeat');
    expect(beats).toHaveLength(1);
    expect(beats[0].generation).toBe(1);
    expect(Object.keys(beats[0].goalState.portStates)).toEqual([]);
    expect(l.generation).toBe(1);
    l.close();
  });

  it('rejects a wait that outlasts its deadline', async () => {
    const transport = new RecordingTransport();
    transport.unreachable.add('10.0.0.1:50001');
    const { link: l } = link(transport);
    await expect(l.waitForAck(l.enqueue(delta('x'), 1), 50)).rejects.toThrow(/did not ack generation 1/);
    l.close();
  });
});
