import { policyAction } from '../role-policy';
import { TokenCache } from './token-cache';

describe('TokenCache', () => {
  it('forgets entries at their expiry and evicts the least recently used when full', () => {
    let now = 1000;
    const cache = new TokenCache<string>(2, () => now);
    cache.set('a', 'A', 2000);
    cache.set('b', 'B', 5000);
    expect(cache.get('a')).toBe('A'); // a is now the most recent
    cache.set('c', 'C', 5000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toBe(2);
    now = 2000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBe('C');
    cache.set('gone', 'X', 1999);
    expect(cache.get('gone')).toBeUndefined();
  });
});

describe('policyAction', () => {
  it("names the rule Neutron's policy engine would", () => {
    expect(policyAction('POST', '/v2.0/networks')).toBe('create_network');
    expect(policyAction('PUT', '/v2.0/security-group-rules/x')).toBe('update_security_group_rule');
    expect(policyAction('DELETE', '/v2.0/network_segment_ranges/x?y=1')).toBe('delete_network_segment_range');
    expect(policyAction('PUT', '/v2.0/routers/r1/add_router_interface')).toBe('add_router_interface');
    expect(policyAction('PUT', '/v2.0/ports/p1/tags')).toBe('update_port_tags');
    expect(policyAction('POST', '/project/p1/vpcs')).toBe('create_vpc');
  });
});
