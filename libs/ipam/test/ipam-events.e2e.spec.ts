import { decodeJson, MESSAGE_BUS, MessageBus } from '@alcor/bus';
import { ResourceEvent } from '@alcor/contracts';
import { OutboxEventEntity } from '@alcor/persistence';
import { storeKinds, waitFor } from '@alcor/testing';
import { IPAM_EVENTS_TOPIC, IpAllocationsChange } from '../src/events/ip-events';
import { createRange, IpamFixture, neutronError, newPort, startIpamService } from './ipam-service';

describe.each(storeKinds())('IPAM change events on %s', (kind) => {
  let f: IpamFixture;
  const events: ResourceEvent<unknown>[] = [];

  beforeAll(async () => {
    f = await startIpamService(kind);
    const bus = f.service.app.get<MessageBus>(MESSAGE_BUS);
    await bus.subscribe(IPAM_EVENTS_TOPIC, 'test-observer', { mode: 'exclusive', autoAck: true, initialPosition: 'earliest' }, (m) => {
      events.push(decodeJson(m) as ResourceEvent<unknown>);
    });
  });
  afterAll(() => f?.service.close());

  it('publishes range changes and allocations in commit order, keyed by subnet, and nothing for a failed call', async () => {
    const ipam = f.allocators['in-process'];
    const range = await createRange(ipam, '10.55.0.0/24', '10.55.0.1');
    const port = newPort();
    await ipam.allocate([{ subnetId: range.subnetId, portId: port, ipAddress: '10.55.0.7' }, { subnetId: range.subnetId, portId: port }]);
    expect((await neutronError(ipam.allocate([{ subnetId: range.subnetId, portId: port, ipAddress: '10.55.0.7' }]))).type).toBe('IpAddressAlreadyAllocated');
    await ipam.updateRange(range.subnetId, { allocationPools: [{ start: '10.55.0.2', end: '10.55.0.100' }] });
    await ipam.release([{ subnetId: range.subnetId, ipAddress: '10.55.0.7' }]);
    await ipam.release([{ subnetId: range.subnetId, ipAddress: '10.55.0.7' }]);

    const mine = await waitFor(() => {
      const list = events.filter((e) => e.resourceId === range.subnetId);
      return list.length >= 4 && list;
    }, 5000, 'four IPAM events').catch((error: Error) => {
      throw new Error(`${error.message}; got ${JSON.stringify(events.map((e) => e.type))}`);
    });
    expect(mine.map((e) => [e.type, e.revisionNumber])).toEqual([
      ['ip_range.created', 1],
      ['ip_allocation.created', 1],
      ['ip_range.updated', 2],
      ['ip_allocation.deleted', 2],
    ]);
    const allocated = mine[1].data as IpAllocationsChange;
    expect(allocated.network_id).toBe(range.networkId);
    expect(allocated.allocations).toEqual([
      { ip_address: '10.55.0.7', port_id: port },
      { ip_address: expect.any(String), port_id: port },
    ]);
    expect((mine[3].data as IpAllocationsChange).allocations).toEqual([{ ip_address: '10.55.0.7', port_id: port }]);
    expect(mine[0].data).toMatchObject({ id: range.subnetId, subnet_id: range.subnetId, vpc_id: range.networkId, cidr: '10.55.0.0/24', total_ips: 253 });
    expect(mine.every((e) => e.projectId === 'p1')).toBe(true);

    await ipam.release([{ subnetId: range.subnetId, ipAddress: allocated.allocations[1].ip_address }]);
    await ipam.deleteRange(range.subnetId);
    await waitFor(() => events.some((e) => e.resourceId === range.subnetId && e.type === 'ip_range.deleted'), 5000, 'the range deletion event');
    await waitFor(async () => (await f.database.read((em) => em.count(OutboxEventEntity))) === 0, 5000, 'an empty outbox');
  });
});
