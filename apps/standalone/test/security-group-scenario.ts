import { ApiClient } from '@alcor/testing';
import { ErrorBody, GroupBody } from './security-group-fixture';

type PortBody = { id: string; security_groups: string[]; revision_number: number };

/**
 * Ports and security groups through the Neutron API, the same whether the port and security
 * group managers share a process or talk over REST behind the gateway.
 */
export async function runSecurityGroupScenario(api: ApiClient, label: string): Promise<void> {
  const network = (await api.post<{ network: { id: string } }>('/v2.0/networks', { network: { name: `sg-scenario-${label}` } })).body.network;
  expect((await api.post('/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 4, cidr: '10.201.0.0/28' } })).status).toBe(201);

  const plain = await api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id } });
  expect(plain.status).toBe(201);
  const [def] = (await api.get<{ security_groups: GroupBody[] }>('/v2.0/security-groups?name=default')).body.security_groups;
  expect(plain.body.port.security_groups).toEqual([def.id]);

  const web = (await api.post<{ security_group: GroupBody }>('/v2.0/security-groups', { security_group: { name: `web-${label}` } })).body.security_group;
  const rule = await api.post('/v2.0/security-group-rules', { security_group_rule: { security_group_id: web.id, direction: 'ingress', protocol: 'tcp', port_range_min: 80, port_range_max: 80 } });
  expect(rule.status).toBe(201);
  const withWeb = await api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, security_groups: [web.id] } });
  expect(withWeb.body.port.security_groups).toEqual([web.id]);
  const unknown = await api.post<ErrorBody>('/v2.0/ports', { port: { network_id: network.id, security_groups: ['0b8c1f9e-6a55-4a8a-9d59-3c2b1e4f7a10'] } });
  expect([unknown.status, unknown.body.NeutronError.type]).toEqual([404, 'SecurityGroupNotFound']);

  const moved = await api.put<{ port: PortBody }>(`/v2.0/ports/${plain.body.port.id}`, { port: { security_groups: [web.id, def.id] } });
  expect(moved.body.port).toMatchObject({ security_groups: [web.id, def.id], revision_number: 2 });
  const inUse = await api.delete<ErrorBody>(`/v2.0/security-groups/${web.id}`);
  expect([inUse.status, inUse.body.NeutronError.type, inUse.body.NeutronError.message]).toEqual([409, 'SecurityGroupInUse', `Security Group ${web.id} in use.`]);

  for (const port of [plain.body.port, withWeb.body.port]) expect((await api.delete(`/v2.0/ports/${port.id}`)).status).toBe(204);
  expect((await api.delete(`/v2.0/security-groups/${web.id}`)).status).toBe(204);
}
