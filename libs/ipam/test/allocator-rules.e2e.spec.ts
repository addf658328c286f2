import { IpAllocator } from '@alcor/contracts';
import { storeKinds } from '@alcor/testing';
import { ipToBigInt, poolsContain } from '@alcor/netaddr';
import { ALLOCATOR_KINDS, createRange, IpamFixture, neutronError, newPort, rangeSpec, rowCount, startIpamService } from './ipam-service';

/** Neutron's IPAM rules, checked once and run through both IpAllocator implementations. */
describe.each(storeKinds())('IPAM rules on %s', (kind) => {
  let f: IpamFixture;
  beforeAll(async () => (f = await startIpamService(kind)));
  afterAll(() => f?.service.close());

  describe.each(ALLOCATOR_KINDS)('through the %s allocator', (which) => {
    let ipam: IpAllocator;
    beforeAll(() => (ipam = f.allocators[which]));

    it('hands out pool addresses automatically, lowest first, never the gateway', async () => {
      const range = await createRange(ipam, '10.77.0.0/24', '10.77.0.1');
      const first = await ipam.allocate([{ subnetId: range.subnetId, portId: newPort() }]);
      expect(first).toEqual([{ subnetId: range.subnetId, portId: expect.any(String), ipAddress: expect.any(String) }]);
      // A random pick among the lowest free addresses keeps concurrent allocators apart.
      expect(ipToBigInt(first[0].ipAddress) - ipToBigInt('10.77.0.2')).toBeLessThan(64n);
      const more = await ipam.allocate(Array.from({ length: 40 }, () => ({ subnetId: range.subnetId, portId: newPort() })));
      const all = [...first, ...more].map((a) => a.ipAddress);
      expect(new Set(all).size).toBe(41);
      expect(all.every((ip) => poolsContain(range.allocationPools, ip))).toBe(true);
      expect(all).not.toContain('10.77.0.1');
      expect(await ipam.usage([range.subnetId])).toEqual([{ subnetId: range.subnetId, totalIps: 253, usedIps: 41 }]);
    });

    it('gives an explicit address anywhere in the CIDR, the gateway included, but not twice', async () => {
      const range = await createRange(ipam, '10.77.0.0/24', '10.77.0.1');
      const router = newPort();
      // A router interface takes the gateway; an address outside the pools is fine too (Neutron).
      const taken = await ipam.allocate([
        { subnetId: range.subnetId, portId: router, ipAddress: '10.77.0.1' },
        { subnetId: range.subnetId, portId: newPort(), ipAddress: '10.77.0.200' },
      ]);
      expect(taken.map((a) => a.ipAddress)).toEqual(['10.77.0.1', '10.77.0.200']);
      expect(taken[0].portId).toBe(router);
      expect(await neutronError(ipam.allocate([{ subnetId: range.subnetId, portId: newPort(), ipAddress: '10.77.0.200' }]))).toEqual({
        status: 409,
        type: 'IpAddressAlreadyAllocated',
        message: `IP address 10.77.0.200 already allocated in subnet ${range.subnetId}`,
      });
    });

    it('refuses explicit addresses a port may not hold', async () => {
      const range = await createRange(ipam, '10.77.0.0/24', '10.77.0.1');
      for (const ip of ['10.77.0.0', '10.77.0.255', '10.78.0.5', 'fd00::5']) {
        expect(await neutronError(ipam.allocate([{ subnetId: range.subnetId, portId: newPort(), ipAddress: ip }]))).toEqual({
          status: 400,
          type: 'InvalidIpForSubnet',
          message: `IP address ${ip} is not a valid IP for the specified subnet.`,
        });
      }
      expect(await neutronError(ipam.allocate([{ subnetId: range.subnetId, portId: newPort(), ipAddress: 'ten' }]))).toMatchObject({
        status: 400,
        type: 'InvalidInput',
        message: "Invalid input for operation: 'ten' is not a valid IP address.",
      });
      expect((await neutronError(ipam.allocate([{ subnetId: range.subnetId, portId: newPort(), ipAddress: '10.77.0.010' }]))).message).toContain(
        "'10.77.0.10' is recommended",
      );
      expect(await rowCount(f.database, range.subnetId)).toBe(0);
    });

    it('answers SubnetNotFound for an unknown subnet', async () => {
      const unknown = rangeSpec('10.0.0.0/24', null).subnetId;
      expect(await neutronError(ipam.allocate([{ subnetId: unknown, portId: newPort() }]))).toEqual({
        status: 404,
        type: 'SubnetNotFound',
        message: `Subnet ${unknown} could not be found.`,
      });
      expect((await neutronError(ipam.allocate([{ subnetId: 'not-a-uuid', portId: newPort() }]))).type).toBe('SubnetNotFound');
      expect(await ipam.usage([unknown, 'not-a-uuid'])).toEqual([]);
    });

    it('is all or none: one bad request of a call allocates nothing', async () => {
      const range = await createRange(ipam, '10.77.0.0/28', '10.77.0.1');
      await ipam.allocate([{ subnetId: range.subnetId, portId: newPort(), ipAddress: '10.77.0.9' }]);
      const unknown = rangeSpec('10.0.0.0/24', null).subnetId;
      expect((await neutronError(ipam.allocate([{ subnetId: range.subnetId, portId: newPort() }, { subnetId: range.subnetId, portId: newPort(), ipAddress: '10.77.0.9' }]))).type).toBe(
        'IpAddressAlreadyAllocated',
      );
      expect((await neutronError(ipam.allocate([{ subnetId: range.subnetId, portId: newPort() }, { subnetId: unknown, portId: newPort() }]))).type).toBe('SubnetNotFound');
      expect(await rowCount(f.database, range.subnetId)).toBe(1);
    });

    it('exhausts a /30 after its single pool address, and the gateway stays claimable', async () => {
      const range = await createRange(ipam, '10.77.0.0/30', '10.77.0.1');
      expect(range.allocationPools).toEqual([{ start: '10.77.0.2', end: '10.77.0.2' }]);
      expect((await ipam.allocate([{ subnetId: range.subnetId, portId: newPort() }]))[0].ipAddress).toBe('10.77.0.2');
      expect(await neutronError(ipam.allocate([{ subnetId: range.subnetId, portId: newPort() }]))).toEqual({
        status: 409,
        type: 'IpAddressGenerationFailure',
        message: `No more IP addresses available on network ${range.networkId}.`,
      });
      expect((await ipam.allocate([{ subnetId: range.subnetId, portId: newPort(), ipAddress: '10.77.0.1' }]))[0].ipAddress).toBe('10.77.0.1');
      expect((await neutronError(ipam.allocate([{ subnetId: range.subnetId, portId: newPort(), ipAddress: '10.77.0.3' }]))).type).toBe('InvalidIpForSubnet');
    });

    it('allocates unique random IPv6 addresses in a /64 and stores canonical text', async () => {
      const range = await createRange(ipam, 'fd00:77::/64', null);
      const allocated = await ipam.allocate(Array.from({ length: 200 }, () => ({ subnetId: range.subnetId, portId: newPort() })));
      const ips = allocated.map((a) => a.ipAddress);
      expect(new Set(ips).size).toBe(200);
      expect(ips.every((ip) => poolsContain(range.allocationPools, ip) && ip.startsWith('fd00:77:'))).toBe(true);
      const eui = await ipam.allocate([{ subnetId: range.subnetId, portId: newPort(), ipAddress: 'FD00:77:0:0:F816:3EFF:FE00:7701' }]);
      expect(eui[0].ipAddress).toBe('fd00:77::f816:3eff:fe00:7701');
      expect((await neutronError(ipam.allocate([{ subnetId: range.subnetId, portId: newPort(), ipAddress: 'fd00:77::f816:3eff:fe00:7701' }]))).type).toBe(
        'IpAddressAlreadyAllocated',
      );
      expect((await neutronError(ipam.allocate([{ subnetId: range.subnetId, portId: newPort(), ipAddress: 'fd00:77::' }]))).type).toBe('InvalidIpForSubnet');
      const [usage] = await ipam.usage([range.subnetId]);
      expect(usage.usedIps).toBe(201);
      expect(usage.totalIps).toBe(Number((1n << 64n) - 1n));
    });

    it('keeps overlapping CIDRs of different subnets independent', async () => {
      const a = await createRange(ipam, '192.168.9.0/29', '192.168.9.1');
      const b = await createRange(ipam, '192.168.9.0/29', '192.168.9.1');
      await ipam.allocate([{ subnetId: a.subnetId, portId: newPort(), ipAddress: '192.168.9.4' }]);
      await ipam.allocate([{ subnetId: b.subnetId, portId: newPort(), ipAddress: '192.168.9.4' }]);
      await ipam.allocate(Array.from({ length: 4 }, () => ({ subnetId: a.subnetId, portId: newPort() })));
      expect((await neutronError(ipam.allocate([{ subnetId: a.subnetId, portId: newPort() }]))).type).toBe('IpAddressGenerationFailure');
      const fromB = await ipam.allocate(Array.from({ length: 4 }, () => ({ subnetId: b.subnetId, portId: newPort() })));
      expect(fromB.map((x) => x.ipAddress).sort()).toEqual(['192.168.9.2', '192.168.9.3', '192.168.9.5', '192.168.9.6']);
    });

    it('refuses to delete a range while an address is allocated', async () => {
      const range = await createRange(ipam, '10.77.0.0/24', '10.77.0.1');
      const [one] = await ipam.allocate([{ subnetId: range.subnetId, portId: newPort() }]);
      expect(await neutronError(ipam.deleteRange(range.subnetId))).toEqual({
        status: 409,
        type: 'SubnetInUse',
        message: `Unable to complete operation on subnet ${range.subnetId}: One or more ports have an IP allocation from this subnet.`,
      });
      await ipam.release([{ subnetId: range.subnetId, ipAddress: one.ipAddress }]);
      await ipam.deleteRange(range.subnetId);
      expect((await neutronError(ipam.allocate([{ subnetId: range.subnetId, portId: newPort() }]))).type).toBe('SubnetNotFound');
      expect((await neutronError(ipam.deleteRange(range.subnetId))).type).toBe('SubnetNotFound');
      expect(await ipam.usage([range.subnetId])).toEqual([]);
    });

    it('refuses pool and gateway changes that would strand an allocated address', async () => {
      const range = await createRange(ipam, '10.77.0.0/24', '10.77.0.1');
      await ipam.allocate([
        { subnetId: range.subnetId, portId: newPort(), ipAddress: '10.77.0.100' },
        { subnetId: range.subnetId, portId: newPort(), ipAddress: '10.77.0.1' },
      ]);
      expect(await neutronError(ipam.updateRange(range.subnetId, { allocationPools: [{ start: '10.77.0.2', end: '10.77.0.50' }] }))).toEqual({
        status: 409,
        type: 'IpAddressInUse',
        message: `Unable to complete operation for network ${range.networkId}. The IP address 10.77.0.100 is in use.`,
      });
      // The router port holds the gateway: it cannot move.
      const moved = await neutronError(ipam.updateRange(range.subnetId, { gatewayIp: '10.77.0.254', allocationPools: [{ start: '10.77.0.2', end: '10.77.0.253' }] }));
      expect(moved).toMatchObject({ status: 409, type: 'GatewayIpInUse' });
      expect(moved.message).toMatch(/^Current gateway ip 10\.77\.0\.1 already in use by port [0-9a-f-]{36}\. Unable to update\.$/);
      await ipam.updateRange(range.subnetId, { allocationPools: [{ start: '10.77.0.2', end: '10.77.0.50' }, { start: '10.77.0.100', end: '10.77.0.120' }] });
      expect(await ipam.usage([range.subnetId])).toEqual([{ subnetId: range.subnetId, totalIps: 70, usedIps: 2 }]);
      // Automatic allocation now draws from the new pools only.
      const drawn = await ipam.allocate(Array.from({ length: 69 }, () => ({ subnetId: range.subnetId, portId: newPort() })));
      expect(drawn.every((a) => poolsContain([{ start: '10.77.0.2', end: '10.77.0.50' }, { start: '10.77.0.101', end: '10.77.0.120' }], a.ipAddress))).toBe(true);
      expect((await neutronError(ipam.allocate([{ subnetId: range.subnetId, portId: newPort() }]))).type).toBe('IpAddressGenerationFailure');
      expect((await neutronError(ipam.updateRange(range.subnetId, { allocationPools: [{ start: '10.77.0.1', end: '10.77.0.120' }] }))).type).toBe(
        'GatewayConflictWithAllocationPools',
      );
    });

    it('lets a free gateway move and an address placed outside the pools stay', async () => {
      const range = await createRange(ipam, '10.77.0.0/24', '10.77.0.1', { allocationPools: [{ start: '10.77.0.2', end: '10.77.0.100' }] });
      await ipam.allocate([{ subnetId: range.subnetId, portId: newPort(), ipAddress: '10.77.0.200' }]);
      await ipam.updateRange(range.subnetId, { gatewayIp: '10.77.0.254', allocationPools: [{ start: '10.77.0.1', end: '10.77.0.50' }] });
      expect(await ipam.usage([range.subnetId])).toEqual([{ subnetId: range.subnetId, totalIps: 50, usedIps: 1 }]);
      await ipam.updateRange(range.subnetId, { gatewayIp: null });
      expect((await ipam.allocate([{ subnetId: range.subnetId, portId: newPort(), ipAddress: '10.77.0.254' }]))[0].ipAddress).toBe('10.77.0.254');
      expect((await neutronError(ipam.updateRange(range.subnetId, { gatewayIp: '10.77.0.0' }))).type).toBe('InvalidInput');
      expect((await neutronError(ipam.updateRange(rangeSpec('10.0.0.0/24', null).subnetId, { gatewayIp: null }))).type).toBe('SubnetNotFound');
    });

    it('releases exactly once, idempotently, and reuses the freed address', async () => {
      const range = await createRange(ipam, '10.77.0.0/29', '10.77.0.1');
      const all = await ipam.allocate(Array.from({ length: 5 }, () => ({ subnetId: range.subnetId, portId: newPort() })));
      expect((await neutronError(ipam.allocate([{ subnetId: range.subnetId, portId: newPort() }]))).type).toBe('IpAddressGenerationFailure');
      await ipam.release([{ subnetId: range.subnetId, ipAddress: '10.77.0.4' }]);
      await ipam.release([{ subnetId: range.subnetId, ipAddress: '10.77.0.4' }, { subnetId: range.subnetId, ipAddress: '10.77.0.1' }]);
      expect(await rowCount(f.database, range.subnetId)).toBe(4);
      expect((await ipam.allocate([{ subnetId: range.subnetId, portId: newPort() }]))[0].ipAddress).toBe('10.77.0.4');
      // Wider objects (the IpAllocations themselves, port ids included) are accepted, as the port manager passes them.
      await ipam.release(all);
      expect(await rowCount(f.database, range.subnetId)).toBe(0);
      expect((await ipam.allocate([{ subnetId: range.subnetId, portId: newPort(), ipAddress: '10.77.0.4' }]))[0].ipAddress).toBe('10.77.0.4');
    });

    it('validates ranges like Neutron validates subnets, and accepts an identical repeat', async () => {
      const spec = rangeSpec('10.77.0.0/24', '10.77.0.1');
      await ipam.createRange(spec);
      await ipam.createRange(spec);
      expect((await neutronError(ipam.createRange({ ...spec, gatewayIp: '10.77.0.254', allocationPools: [] }))).type).toBe('IpRangeAlreadyExists');
      const fresh = () => rangeSpec('10.77.0.0/24', '10.77.0.1');
      expect((await neutronError(ipam.createRange({ ...fresh(), allocationPools: [{ start: '10.77.0.1', end: '10.77.0.9' }] }))).type).toBe(
        'GatewayConflictWithAllocationPools',
      );
      expect(
        (
          await neutronError(
            ipam.createRange({
              ...fresh(),
              allocationPools: [
                { start: '10.77.0.2', end: '10.77.0.9' },
                { start: '10.77.0.9', end: '10.77.0.20' },
              ],
            }),
          )
        ).type,
      ).toBe('OverlappingAllocationPools');
      expect((await neutronError(ipam.createRange({ ...fresh(), allocationPools: [{ start: '10.77.0.2', end: '10.77.1.9' }] }))).type).toBe('OutOfBoundsAllocationPool');
      expect((await neutronError(ipam.createRange({ ...fresh(), cidr: '10.77.0.1/24' }))).type).toBe('InvalidInput');
      expect((await neutronError(ipam.createRange({ ...fresh(), subnetId: 'nope' }))).type).toBe('InvalidInput');
    });
  });
});
