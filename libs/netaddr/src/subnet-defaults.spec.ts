import { contains, overlaps, parseCidr } from './address';
import { defaultGateway, defaultPools, eui64Address, poolSize, poolsOverlap } from './subnet-defaults';

const cidr = (text: string) => {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`bad cidr ${text}`);
  return parsed;
};

describe('Neutron subnet defaults', () => {
  it('gives a /24 gateway .1 and pool .2-.254 (as measured on Neutron)', () => {
    const c = cidr('10.77.0.0/24');
    expect(defaultGateway(c)).toBe('10.77.0.1');
    expect(defaultPools(c, '10.77.0.1')).toEqual([{ start: '10.77.0.2', end: '10.77.0.254' }]);
  });

  it('gives a /30 a single pool address', () => {
    expect(defaultPools(cidr('10.77.0.0/30'), '10.77.0.1')).toEqual([{ start: '10.77.0.2', end: '10.77.0.2' }]);
  });

  it('splits the pool around a gateway in the middle, and keeps it whole without a gateway', () => {
    expect(defaultPools(cidr('10.0.0.0/29'), '10.0.0.4')).toEqual([
      { start: '10.0.0.1', end: '10.0.0.3' },
      { start: '10.0.0.5', end: '10.0.0.6' },
    ]);
    expect(defaultPools(cidr('10.0.0.0/29'), null)).toEqual([{ start: '10.0.0.1', end: '10.0.0.6' }]);
  });

  it('does not exclude a broadcast address in IPv6', () => {
    const c = cidr('fd00:77::/64');
    expect(defaultGateway(c)).toBe('fd00:77::1');
    expect(defaultPools(c, 'fd00:77::1')).toEqual([{ start: 'fd00:77::2', end: 'fd00:77::ffff:ffff:ffff:ffff' }]);
  });

  it('derives EUI-64 addresses as Neutron does', () => {
    expect(eui64Address(cidr('fd00:77::/64'), 'fa:16:3e:00:77:01')).toBe('fd00:77::f816:3eff:fe00:7701');
  });

  it('checks membership, overlap and sizes', () => {
    expect(contains(cidr('10.0.0.0/24'), '10.0.0.255')).toBe(true);
    expect(contains(cidr('10.0.0.0/24'), '10.0.1.0')).toBe(false);
    expect(contains(cidr('10.0.0.0/24'), 'fd00::1')).toBe(false);
    expect(overlaps(cidr('10.0.0.0/16'), cidr('10.0.5.0/24'))).toBe(true);
    expect(overlaps(cidr('10.0.0.0/24'), cidr('10.0.1.0/24'))).toBe(false);
    expect(parseCidr('10.0.0.1/24')).toBeUndefined();
    expect(parseCidr('10.0.0.1/24', false)?.text).toBe('10.0.0.0/24');
    expect(poolSize(defaultPools(cidr('10.0.0.0/24'), '10.0.0.1'))).toBe(253n);
    expect(poolsOverlap({ start: '10.0.0.2', end: '10.0.0.9' }, { start: '10.0.0.9', end: '10.0.0.20' })).toBe(true);
  });
});
