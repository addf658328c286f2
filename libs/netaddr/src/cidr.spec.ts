import { parseIp } from './address';
import { broadcastAddress, canonicalCidr, coveringCidr, cidrContains, cidrSize, formatCidr, hostBounds, isUsableAddress, networkAddress, parseCidr } from './cidr';

const cidr = (text: string) => {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`bad test CIDR ${text}`);
  return parsed;
};
const ip = (text: string) => {
  const parsed = parseIp(text);
  if (!parsed) throw new Error(`bad test IP ${text}`);
  return parsed;
};

describe('CIDR blocks', () => {
  it('parses, clears host bits and writes the canonical form', () => {
    expect(formatCidr(cidr('10.77.0.0/24'))).toBe('10.77.0.0/24');
    expect(canonicalCidr('10.77.0.5/24')).toBe('10.77.0.0/24');
    expect(canonicalCidr('FD00:77::1/64')).toBe('fd00:77::/64');
    expect(canonicalCidr('0.0.0.0/0')).toBe('0.0.0.0/0');
    for (const bad of ['10.0.0.0', '10.0.0.0/33', 'fd00::/129', '10.0.0.0/-1', '10.0.0.0/x', '10.0.0/24', '/24']) {
      expect(parseCidr(bad)).toBeUndefined();
    }
  });

  it('knows membership, size, network and broadcast addresses', () => {
    const v4 = cidr('10.77.0.0/24');
    expect(cidrContains(v4, ip('10.77.0.0'))).toBe(true);
    expect(cidrContains(v4, ip('10.77.0.255'))).toBe(true);
    expect(cidrContains(v4, ip('10.77.1.0'))).toBe(false);
    expect(cidrContains(v4, ip('::a4d:1'))).toBe(false);
    expect(cidrSize(v4)).toBe(256n);
    expect(networkAddress(v4).value).toBe(ip('10.77.0.0').value);
    expect(broadcastAddress(v4)?.value).toBe(ip('10.77.0.255').value);
    expect(broadcastAddress(cidr('10.0.0.0/31'))).toBeUndefined();
    expect(broadcastAddress(cidr('10.0.0.0/32'))).toBeUndefined();
    expect(broadcastAddress(cidr('fd00::/64'))).toBeUndefined();
    expect(cidrSize(cidr('fd00::/64'))).toBe(1n << 64n);
  });

  it('follows Neutron on which addresses a port may hold', () => {
    const v4 = cidr('10.77.0.0/24');
    expect(isUsableAddress(v4, ip('10.77.0.1'))).toBe(true);
    expect(isUsableAddress(v4, ip('10.77.0.0'))).toBe(false);
    expect(isUsableAddress(v4, ip('10.77.0.255'))).toBe(false);
    expect(isUsableAddress(v4, ip('10.78.0.1'))).toBe(false);
    const v6 = cidr('fd00:77::/64');
    expect(isUsableAddress(v6, ip('fd00:77::'))).toBe(false);
    expect(isUsableAddress(v6, ip('fd00:77::ffff:ffff:ffff:ffff'))).toBe(true);
    // RFC 3021: both ends of a /31 are hosts except the network address (netaddr has no broadcast).
    expect(isUsableAddress(cidr('10.0.0.0/31'), ip('10.0.0.1'))).toBe(true);
  });

  it('gives Alcor-style first and last hosts', () => {
    const show = (text: string) => {
      const c = cidr(text);
      const b = hostBounds(c);
      return [b.first - c.network, b.last - c.network];
    };
    expect(show('10.0.0.0/24')).toEqual([1n, 254n]);
    expect(show('10.0.0.0/30')).toEqual([1n, 2n]);
    expect(show('10.0.0.0/31')).toEqual([0n, 1n]);
    expect(show('10.0.0.0/32')).toEqual([0n, 0n]);
    expect(show('fd00::/126')).toEqual([1n, 3n]);
  });

  it('finds the smallest block covering two addresses', () => {
    expect(formatCidr(coveringCidr(ip('10.0.0.1'), ip('10.0.0.254')))).toBe('10.0.0.0/24');
    expect(formatCidr(coveringCidr(ip('10.0.0.7'), ip('10.0.0.7')))).toBe('10.0.0.7/32');
    expect(formatCidr(coveringCidr(ip('0.0.0.0'), ip('255.255.255.255')))).toBe('0.0.0.0/0');
    expect(formatCidr(coveringCidr(ip('fd00::1'), ip('fd00::ffff:ffff:ffff:ffff')))).toBe('fd00::/64');
    expect(() => coveringCidr(ip('10.0.0.1'), ip('::1'))).toThrow(RangeError);
  });
});
