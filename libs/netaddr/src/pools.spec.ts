import fc from 'fast-check';
import { bigIntToIp } from './address';
import { parseCidr } from './cidr';
import { defaultAllocationPools, findOverlappingPools, poolBounds, poolsContain, poolsOverlap, poolsSize, rangesOverlap, samePools } from './pools';

describe('allocation pools', () => {
  it('defaults to the block minus network, IPv4 broadcast and gateway (Neutron generate_pools)', () => {
    expect(defaultAllocationPools('10.77.0.0/24', '10.77.0.1')).toEqual([{ start: '10.77.0.2', end: '10.77.0.254' }]);
    expect(defaultAllocationPools('10.77.0.0/24', null)).toEqual([{ start: '10.77.0.1', end: '10.77.0.254' }]);
    expect(defaultAllocationPools('10.77.0.0/24', '10.77.0.100')).toEqual([
      { start: '10.77.0.1', end: '10.77.0.99' },
      { start: '10.77.0.101', end: '10.77.0.254' },
    ]);
    expect(defaultAllocationPools('10.77.0.0/24', '10.77.0.254')).toEqual([{ start: '10.77.0.1', end: '10.77.0.253' }]);
    // A gateway outside the block (Neutron allows one) changes nothing.
    expect(defaultAllocationPools('10.77.0.0/24', '10.99.0.1')).toEqual([{ start: '10.77.0.1', end: '10.77.0.254' }]);
    // Measured on Neutron: a /30 with gateway .1 has the single-address pool .2-.2.
    expect(defaultAllocationPools('10.77.0.0/30', '10.77.0.1')).toEqual([{ start: '10.77.0.2', end: '10.77.0.2' }]);
    expect(defaultAllocationPools('10.77.0.0/31', null)).toEqual([]);
    expect(defaultAllocationPools('10.77.0.7/32', null)).toEqual([{ start: '10.77.0.7', end: '10.77.0.7' }]);
    // IPv6: no broadcast; measured pool fd00:77::1 - fd00:77::ffff:ffff:ffff:ffff with no gateway.
    expect(defaultAllocationPools('fd00:77::/64', null)).toEqual([{ start: 'fd00:77::1', end: 'fd00:77::ffff:ffff:ffff:ffff' }]);
    expect(defaultAllocationPools('fd00:77::/64', 'fd00:77::1')).toEqual([{ start: 'fd00:77::2', end: 'fd00:77::ffff:ffff:ffff:ffff' }]);
    expect(() => defaultAllocationPools('nope', null)).toThrow(RangeError);
  });

  it('never puts the network, broadcast or gateway address in a default pool, for any block', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }), fc.integer({ min: 20, max: 32 }), fc.bigInt({ min: 0n, max: 4095n }), (base, prefix, offset) => {
        const block = parseCidr(`${bigIntToIp(base, 4)}/${prefix}`);
        if (!block) throw new Error('bad block');
        const size = block.last - block.network + 1n;
        const gateway = bigIntToIp(block.network + (offset % size), 4);
        const pools = defaultAllocationPools(`${bigIntToIp(block.network, 4)}/${prefix}`, gateway);
        const expected = size === 1n ? 1n : size <= 2n ? 0n : size - 2n - (offset % size === 0n || offset % size === size - 1n ? 0n : 1n);
        expect(poolsSize(pools)).toBe(expected);
        if (size > 1n) {
          expect(poolsContain(pools, gateway)).toBe(false);
          expect(poolsContain(pools, bigIntToIp(block.network, 4))).toBe(false);
          expect(poolsContain(pools, bigIntToIp(block.last, 4))).toBe(false);
        }
        expect(findOverlappingPools(pools)).toBeUndefined();
      }),
    );
  });

  it('finds overlapping pools', () => {
    const a = { start: '10.0.0.2', end: '10.0.0.10' };
    const b = { start: '10.0.0.10', end: '10.0.0.20' };
    const c = { start: '10.0.0.21', end: '10.0.0.30' };
    expect(poolsOverlap(a, b)).toBe(true);
    expect(poolsOverlap(b, c)).toBe(false);
    expect(poolsOverlap(a, { start: '::2', end: '::10' })).toBe(false);
    expect(findOverlappingPools([c, b, a])).toEqual([a, b]);
    expect(findOverlappingPools([a, c])).toBeUndefined();
    expect(rangesOverlap({ start: 1n, end: 1n }, { start: 1n, end: 1n })).toBe(true);
  });

  it('sizes pools, IPv6 ones beyond 2^53 included', () => {
    expect(poolsSize([{ start: '10.0.0.2', end: '10.0.0.254' }])).toBe(253n);
    expect(poolsSize([{ start: 'fd00::1', end: 'fd00::ffff:ffff:ffff:ffff' }])).toBe((1n << 64n) - 1n);
    expect(poolsSize([])).toBe(0n);
  });

  it('bounds pools to the block without network and IPv4 broadcast (Neutron validate_allocation_pools)', () => {
    const bounds = (text: string) => {
      const block = parseCidr(text);
      if (!block) throw new Error('bad block');
      const b = poolBounds(block);
      return b && [b.start - block.network, b.end - block.network];
    };
    expect(bounds('10.0.0.0/24')).toEqual([1n, 254n]);
    expect(bounds('10.0.0.0/30')).toEqual([1n, 2n]);
    expect(bounds('10.0.0.0/31')).toBeUndefined();
    expect(bounds('10.0.0.0/32')).toEqual([0n, 0n]);
    expect(bounds('fd00::/64')).toEqual([1n, (1n << 64n) - 1n]);
  });

  it('compares pool lists by address, in order', () => {
    const a = [{ start: 'fd00::2', end: 'fd00::ff' }];
    expect(samePools(a, [{ start: 'FD00::0002', end: 'fd00:0::ff' }])).toBe(true);
    expect(samePools(a, [{ start: 'fd00::2', end: 'fd00::fe' }])).toBe(false);
    expect(samePools(a, [])).toBe(false);
    expect(samePools([], [])).toBe(true);
  });
});
