import { IP_ALLOCATOR, IpAllocator } from '@alcor/contracts';
import { storeKinds } from '@alcor/testing';
import { createRange, IpamFixture, neutronError, newPort, rowCount, startIpamService } from './ipam-service';

/** Standalone mode: the port manager allocates inside its own transaction. */
describe.each(storeKinds())('the in-process allocator inside a caller’s transaction on %s', (kind) => {
  let f: IpamFixture;
  let ipam: IpAllocator;
  beforeAll(async () => {
    f = await startIpamService(kind);
    ipam = f.service.app.get<IpAllocator>(IP_ALLOCATOR);
  });
  afterAll(() => f?.service.close());

  it('rolls back with the caller: nothing remains of an allocation in a failed unit of work', async () => {
    const range = await createRange(ipam, '10.66.0.0/24', '10.66.0.1');
    const failed = f.database.transaction(async () => {
      await ipam.allocate([{ subnetId: range.subnetId, portId: newPort(), ipAddress: '10.66.0.10' }, { subnetId: range.subnetId, portId: newPort() }]);
      expect(await rowCount(f.database, range.subnetId)).toBe(2);
      throw new Error('the port could not be created');
    });
    await expect(failed).rejects.toThrow('the port could not be created');
    expect(await rowCount(f.database, range.subnetId)).toBe(0);
    expect(await ipam.usage([range.subnetId])).toEqual([{ subnetId: range.subnetId, totalIps: 253, usedIps: 0 }]);
    // The address is free again for whoever asks next.
    expect((await ipam.allocate([{ subnetId: range.subnetId, portId: newPort(), ipAddress: '10.66.0.10' }]))[0].ipAddress).toBe('10.66.0.10');
  });

  it('rolls back a range created in a failed unit of work, and commits with a successful one', async () => {
    let subnetId = '';
    await expect(
      f.database.transaction(async () => {
        subnetId = (await createRange(ipam, '10.66.1.0/24', null)).subnetId;
        throw new Error('the subnet could not be created');
      }),
    ).rejects.toThrow('the subnet could not be created');
    expect((await neutronError(ipam.allocate([{ subnetId, portId: newPort() }]))).type).toBe('SubnetNotFound');

    const committed = await f.database.transaction(async () => {
      const range = await createRange(ipam, '10.66.2.0/24', '10.66.2.1');
      return { range, allocated: await ipam.allocate([{ subnetId: range.subnetId, portId: newPort() }]) };
    });
    expect(await rowCount(f.database, committed.range.subnetId)).toBe(1);
  });
});
