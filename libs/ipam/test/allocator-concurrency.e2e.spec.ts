import { IpAllocator } from '@alcor/contracts';
import { NeutronError } from '@alcor/neutron-api';
import { storeKinds } from '@alcor/testing';
import { poolsContain } from '@alcor/netaddr';
import { ALLOCATOR_KINDS, createRange, IpamFixture, newPort, rowCount, startIpamService } from './ipam-service';

/** Types of the failures among settled calls, counted. */
function failureTypes(results: PromiseSettledResult<unknown>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    if (r.status === 'fulfilled') continue;
    const type = r.reason instanceof NeutronError ? r.reason.type : `unexpected: ${String(r.reason)}`;
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

const fulfilled = <T>(results: PromiseSettledResult<T>[]): T[] => results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));

/**
 * Concurrent allocators on one subnet. On PostgreSQL they really run in parallel on the pool
 * (no in-process lock exists); correctness comes from the primary key and the range row locks.
 */
describe.each(storeKinds())('concurrent IP allocation on %s', (kind) => {
  let f: IpamFixture;
  beforeAll(async () => (f = await startIpamService(kind)));
  afterAll(() => f?.service.close());

  describe.each(ALLOCATOR_KINDS)('through the %s allocator', (which) => {
    let ipam: IpAllocator;
    beforeAll(() => (ipam = f.allocators[which]));

    it('hands each of a /26 pool’s 61 addresses to exactly one of 200 concurrent callers, then frees and refills without a leak', async () => {
      const range = await createRange(ipam, '10.88.0.0/26', '10.88.0.1');
      const settled = await Promise.allSettled(Array.from({ length: 200 }, () => ipam.allocate([{ subnetId: range.subnetId, portId: newPort() }])));
      const ips = fulfilled(settled).map(([a]) => a.ipAddress);
      expect(failureTypes(settled)).toEqual({ IpAddressGenerationFailure: 139 });
      expect(ips).toHaveLength(61);
      expect(new Set(ips).size).toBe(61);
      expect(ips.every((ip) => poolsContain(range.allocationPools, ip))).toBe(true);
      expect(await rowCount(f.database, range.subnetId)).toBe(61);

      // Release everything concurrently, then race 100 callers for the 61 addresses again.
      await Promise.all(ips.map((ip) => ipam.release([{ subnetId: range.subnetId, ipAddress: ip }])));
      expect(await rowCount(f.database, range.subnetId)).toBe(0);
      const again = await Promise.allSettled(Array.from({ length: 100 }, () => ipam.allocate([{ subnetId: range.subnetId, portId: newPort() }])));
      expect(failureTypes(again)).toEqual({ IpAddressGenerationFailure: 39 });
      expect(new Set(fulfilled(again).map(([a]) => a.ipAddress))).toEqual(new Set(ips));
      expect(await rowCount(f.database, range.subnetId)).toBe(61);
      expect(await ipam.usage([range.subnetId])).toEqual([{ subnetId: range.subnetId, totalIps: 61, usedIps: 61 }]);
    });

    it('gives one explicitly requested address to exactly one of 50 concurrent callers', async () => {
      const range = await createRange(ipam, '10.88.1.0/24', '10.88.1.1');
      const ports = Array.from({ length: 50 }, newPort);
      const settled = await Promise.allSettled(ports.map((portId) => ipam.allocate([{ subnetId: range.subnetId, portId, ipAddress: '10.88.1.77' }])));
      expect(failureTypes(settled)).toEqual({ IpAddressAlreadyAllocated: 49 });
      expect(fulfilled(settled)).toHaveLength(1);
      expect(await rowCount(f.database, range.subnetId)).toBe(1);
    });

    it('never lets a pool change strand an address allocated concurrently', async () => {
      const range = await createRange(ipam, '10.88.2.0/24', '10.88.2.1');
      const newPools = [{ start: '10.88.2.100', end: '10.88.2.254' }];
      const burst = () => Array.from({ length: 30 }, () => ipam.allocate([{ subnetId: range.subnetId, portId: newPort() }]));
      const early = burst();
      const update = ipam.updateRange(range.subnetId, { allocationPools: newPools });
      const late = burst();
      const [updated, allocations] = await Promise.all([update.then(() => true, (e: unknown) => e), Promise.all([...early, ...late])]);
      const ips = allocations.map(([a]) => a.ipAddress);
      expect(new Set(ips).size).toBe(60);
      if (updated === true) {
        // The update saw no allocation below .100, so every allocation came after it.
        expect(ips.every((ip) => poolsContain(newPools, ip))).toBe(true);
      } else {
        expect(updated).toMatchObject({ type: 'IpAddressInUse' });
        expect(ips.every((ip) => poolsContain(range.allocationPools, ip))).toBe(true);
      }
    });

    it('never deletes a range under a concurrent allocation', async () => {
      const range = await createRange(ipam, '10.88.3.0/24', '10.88.3.1');
      const calls = Array.from({ length: 20 }, () => ipam.allocate([{ subnetId: range.subnetId, portId: newPort() }]));
      const deleted = ipam.deleteRange(range.subnetId).then(() => true, (e: unknown) => e);
      const settled = await Promise.allSettled(calls);
      const outcome = await deleted;
      const allocated = fulfilled(settled).length;
      if (outcome === true) {
        expect(allocated).toBe(0);
        expect(failureTypes(settled)).toEqual({ SubnetNotFound: 20 });
      } else {
        expect(outcome).toMatchObject({ type: 'SubnetInUse' });
        expect(allocated).toBeGreaterThan(0);
        expect(await rowCount(f.database, range.subnetId)).toBe(allocated);
      }
    });

    it('sustains allocations on one subnet with 16 in flight (rate printed, not asserted)', async () => {
      const range = await createRange(ipam, '10.89.0.0/23', '10.89.0.1');
      const target = 320;
      let issued = 0;
      const started = Date.now();
      const worker = async () => {
        while (issued < target) {
          issued++;
          await ipam.allocate([{ subnetId: range.subnetId, portId: newPort() }]);
        }
      };
      await Promise.all(Array.from({ length: 16 }, worker));
      const seconds = (Date.now() - started) / 1000;
      console.log(`[ipam throughput] ${kind}, ${which}: ${target} allocations on one subnet, 16 in flight: ${(target / seconds).toFixed(0)}/s`);
      expect(await rowCount(f.database, range.subnetId)).toBe(target);
    });
  });
});
