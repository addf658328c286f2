import { NeutronError } from '@alcor/neutron-api';
import { defaultAllocationPools } from '@alcor/netaddr';
import { layOutRange, RangeDefinition } from './range-layout';

const v4 = (changes: Partial<RangeDefinition> = {}): RangeDefinition => ({
  ipVersion: 4,
  cidr: '10.77.0.0/24',
  gatewayIp: '10.77.0.1',
  allocationPools: [{ start: '10.77.0.2', end: '10.77.0.254' }],
  ...changes,
});

function failure(definition: RangeDefinition): { status: number; type: string; message: string } {
  try {
    layOutRange(definition);
  } catch (error) {
    if (error instanceof NeutronError) return { status: error.status, type: error.type, message: error.message };
    throw error;
  }
  throw new Error('expected a Neutron error');
}

describe('range layout', () => {
  it('accepts Neutron default layouts and sizes them', () => {
    const layout = layOutRange(v4());
    expect(layout).toMatchObject({ cidrText: '10.77.0.0/24', gatewayIp: '10.77.0.1', totalIps: 253n, firstIp: '10.77.0.1', lastIp: '10.77.0.254' });
    for (const [cidr, gateway] of [['10.0.0.0/30', '10.0.0.1'], ['10.0.0.0/31', null], ['10.0.0.9/32', null], ['fd00:77::/64', null], ['fd00::/127', null]] as const) {
      const version = cidr.includes(':') ? 6 : 4;
      expect(() => layOutRange({ ipVersion: version, cidr, gatewayIp: gateway, allocationPools: defaultAllocationPools(cidr, gateway) })).not.toThrow();
    }
    expect(layOutRange({ ipVersion: 6, cidr: 'fd00:77::/64', gatewayIp: null, allocationPools: defaultAllocationPools('fd00:77::/64', null) }).totalIps).toBe(
      (1n << 64n) - 1n,
    );
  });

  it('canonicalizes pool and gateway texts', () => {
    const layout = layOutRange({ ipVersion: 6, cidr: 'fd00::/64', gatewayIp: 'FD00::0001', allocationPools: [{ start: 'fd00::0002', end: 'FD00::00ff' }] });
    expect(layout.gatewayIp).toBe('fd00::1');
    expect(layout.pools).toEqual([{ start: 'fd00::2', end: 'fd00::ff' }]);
  });

  it('refuses bad CIDRs, versions and gateways with InvalidInput', () => {
    expect(failure(v4({ cidr: '10.77.0.5/24' })).message).toContain("'10.77.0.0/24' is recommended");
    expect(failure(v4({ cidr: 'nope' })).type).toBe('InvalidInput');
    expect(failure(v4({ ipVersion: 6 })).type).toBe('InvalidInput');
    expect(failure(v4({ ipVersion: 5 })).type).toBe('InvalidInput');
    expect(failure(v4({ gatewayIp: '10.77.0.0', allocationPools: [] })).message).toContain('Gateway is not valid on subnet');
    expect(failure(v4({ gatewayIp: '10.77.0.255', allocationPools: [] })).message).toContain('Gateway is not valid on subnet');
    expect(failure(v4({ gatewayIp: 'fd00::1' })).type).toBe('InvalidInput');
    expect(failure(v4({ gatewayIp: '010.77.0.1' })).message).toBe("Invalid input for operation: '010.77.0.1' is not an accepted IP address, '10.77.0.1' is recommended.");
    // Neutron allows a gateway outside the subnet.
    expect(layOutRange(v4({ gatewayIp: '10.99.0.1', allocationPools: [] })).gatewayIp).toBe('10.99.0.1');
  });

  it('refuses pools outside the CIDR, reversed, overlapping or holding the gateway', () => {
    expect(failure(v4({ allocationPools: [{ start: '10.77.0.0', end: '10.77.0.9' }] }))).toEqual({
      status: 400,
      type: 'OutOfBoundsAllocationPool',
      message: 'The allocation pool 10.77.0.0-10.77.0.9 spans beyond the subnet cidr 10.77.0.0/24.',
    });
    expect(failure(v4({ allocationPools: [{ start: '10.77.0.2', end: '10.77.0.255' }] })).type).toBe('OutOfBoundsAllocationPool');
    expect(failure(v4({ allocationPools: [{ start: '10.77.1.2', end: '10.77.1.9' }] })).type).toBe('OutOfBoundsAllocationPool');
    expect(failure(v4({ allocationPools: [{ start: '10.77.0.9', end: '10.77.0.2' }] })).type).toBe('InvalidAllocationPool');
    expect(failure(v4({ allocationPools: [{ start: 'fd00::2', end: 'fd00::9' }] })).type).toBe('InvalidAllocationPool');
    expect(failure(v4({ allocationPools: [{ start: 'x', end: '10.77.0.9' }] })).type).toBe('InvalidInput');
    expect(
      failure(
        v4({
          allocationPools: [
            { start: '10.77.0.20', end: '10.77.0.30' },
            { start: '10.77.0.2', end: '10.77.0.20' },
          ],
        }),
      ),
    ).toEqual({
      status: 409,
      type: 'OverlappingAllocationPools',
      message: 'Found overlapping allocation pools: 10.77.0.2-10.77.0.20 10.77.0.20-10.77.0.30 for subnet 10.77.0.0/24.',
    });
    expect(failure(v4({ allocationPools: [{ start: '10.77.0.1', end: '10.77.0.254' }] }))).toEqual({
      status: 409,
      type: 'GatewayConflictWithAllocationPools',
      message: 'Gateway ip 10.77.0.1 conflicts with allocation pool 10.77.0.1-10.77.0.254.',
    });
    expect(failure(v4({ cidr: '10.77.0.0/31', gatewayIp: null, allocationPools: [{ start: '10.77.0.1', end: '10.77.0.1' }] })).type).toBe(
      'OutOfBoundsAllocationPool',
    );
  });
});
