import { NeutronError } from '@alcor/neutron-api';
import { PortEntity } from '../domain/port.entity';
import { groupsAfterUpdate, groupsForNewPort } from './port-security-groups';

const G1 = '0d5c3e61-3f0e-4c57-9a4b-6f8f0e2b7a11';
const G2 = '7a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';

const typeOf = (work: () => unknown) => {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof NeutronError ? `${error.status} ${error.type}` : String(error);
  }
};

describe('security groups of a port (Neutron ML2 + port_security)', () => {
  it('gives a new port the default group, the requested ones, or none', () => {
    expect(groupsForNewPort(undefined, true, 'compute:nova')).toBeUndefined();
    expect(groupsForNewPort([G1, G2, G1], true, '')).toEqual([G1, G2]);
    expect(groupsForNewPort([], true, '')).toEqual([]);
    expect(groupsForNewPort(undefined, true, 'network:router_interface')).toEqual([]);
    expect(groupsForNewPort([G1], true, 'network:dhcp')).toEqual([G1]);
    expect(groupsForNewPort(undefined, false, '')).toEqual([]);
    expect(groupsForNewPort([], false, '')).toEqual([]);
    expect(typeOf(() => groupsForNewPort([G1], false, ''))).toBe('400 PortSecurityAndIPRequiredForSecurityGroups');
  });

  it('changes groups on PUT only as port security allows', () => {
    const port = (portSecurityEnabled: boolean, securityGroupIds: string[]) => ({ portSecurityEnabled, securityGroupIds }) as PortEntity;
    expect(groupsAfterUpdate(port(true, [G1]), undefined)).toBeUndefined();
    expect(groupsAfterUpdate(port(true, [G1]), [G2, G2])).toEqual([G2]);
    expect(groupsAfterUpdate(port(false, []), undefined)).toBeUndefined();
    expect(groupsAfterUpdate(port(false, [G1]), [])).toEqual([]);
    expect(typeOf(() => groupsAfterUpdate(port(false, [G1]), undefined))).toBe('409 PortSecurityPortHasSecurityGroup');
    expect(typeOf(() => groupsAfterUpdate(port(false, []), [G1]))).toBe('400 PortSecurityAndIPRequiredForSecurityGroups');
  });
});
