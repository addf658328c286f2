import { NeutronError } from '@alcor/neutron-api';
import { checkDnsNameservers, checkHostRoutes, checkIpv6Modes, parseSubnetCidr, resolveGateway, resolvePools } from './subnet-plan';

const fault = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof NeutronError) return { status: error.status, type: error.type, message: error.message };
    throw error;
  }
  throw new Error('expected a NeutronError');
};

describe('subnet address plan', () => {
  const v4 = parseSubnetCidr('10.77.0.0/24', 4);

  it('rejects host bits, version mismatches and absurd prefixes', () => {
    expect(fault(() => parseSubnetCidr('10.77.0.5/24', 4)).message).toContain("'10.77.0.0/24' is recommended");
    expect(fault(() => parseSubnetCidr('10.77.0.0/24', 6)).message).toContain('does not match ip_version 6');
    expect(fault(() => parseSubnetCidr('10.0.0.0/4', 4)).status).toBe(400);
    expect(fault(() => parseSubnetCidr('nonsense', 4)).type).toBe('InvalidInput');
  });

  it('defaults, clears or checks the gateway', () => {
    expect(resolveGateway(v4, undefined)).toBe('10.77.0.1');
    expect(resolveGateway(v4, null)).toBeNull();
    expect(resolveGateway(v4, '10.77.0.254')).toBe('10.77.0.254');
    expect(fault(() => resolveGateway(v4, '10.78.0.1')).status).toBe(400);
    expect(fault(() => resolveGateway(v4, '10.77.0.255')).status).toBe(400);
    expect(fault(() => resolveGateway(v4, '10.77.0.0')).status).toBe(400);
  });

  it('checks pools: inside the CIDR, not overlapping, not holding the gateway', () => {
    expect(resolvePools(v4, '10.77.0.1', [{ start: '10.77.0.10', end: '10.77.0.20' }])).toEqual([{ start: '10.77.0.10', end: '10.77.0.20' }]);
    expect(fault(() => resolvePools(v4, '10.77.0.1', [{ start: '10.77.0.10', end: '10.77.1.20' }])).type).toBe('OutOfBoundsAllocationPool');
    expect(fault(() => resolvePools(v4, '10.77.0.1', [{ start: '10.77.0.20', end: '10.77.0.10' }])).status).toBe(400);
    expect(
      fault(() =>
        resolvePools(v4, '10.77.0.1', [
          { start: '10.77.0.10', end: '10.77.0.20' },
          { start: '10.77.0.20', end: '10.77.0.30' },
        ]),
      ).type,
    ).toBe('OverlappingAllocationPools');
    expect(fault(() => resolvePools(v4, '10.77.0.15', [{ start: '10.77.0.10', end: '10.77.0.20' }]))).toMatchObject({ status: 409, type: 'GatewayConflictWithAllocationPools' });
  });

  it('checks DNS servers, host routes and IPv6 modes', () => {
    expect(checkDnsNameservers(['8.8.8.8', '2001:4860:4860:0:0:0:0:8888'], 4)).toEqual(['8.8.8.8', '2001:4860:4860::8888']);
    expect(fault(() => checkDnsNameservers(['1.1.1.1', '1.1.1.1'], 4)).status).toBe(400);
    expect(fault(() => checkDnsNameservers(['1.1.1.1', '1.1.1.2', '1.1.1.3', '1.1.1.4', '1.1.1.5', '1.1.1.6'], 4)).type).toBe('DNSNameServersExhausted');
    expect(checkHostRoutes([{ destination: '192.168.0.0/16', nexthop: '10.77.0.5' }], 4)).toEqual([{ destination: '192.168.0.0/16', nexthop: '10.77.0.5' }]);
    expect(fault(() => checkHostRoutes([{ destination: 'fd00::/64', nexthop: '10.77.0.5' }], 4)).status).toBe(400);
    expect(() => checkIpv6Modes(6, parseSubnetCidr('fd00::/64', 6), 'slaac', 'slaac')).not.toThrow();
    expect(fault(() => checkIpv6Modes(6, parseSubnetCidr('fd00::/80', 6), null, 'slaac')).status).toBe(400);
    expect(fault(() => checkIpv6Modes(6, parseSubnetCidr('fd00::/64', 6), 'slaac', 'dhcpv6-stateful')).status).toBe(400);
    expect(fault(() => checkIpv6Modes(4, v4, 'slaac', null)).status).toBe(400);
  });
});
