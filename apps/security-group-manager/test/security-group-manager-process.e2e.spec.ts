import { randomUUID } from 'node:crypto';
import { NeutronError } from '@alcor/neutron-api';
import { RestSecurityGroupClient } from '@alcor/security-group';
import { apiClient, ServiceProcess, spawnService } from '@alcor/testing';

type Group = { id: string; name: string; security_group_rules: unknown[] };

/** `nx serve security-group-manager` on its own, driven as the port manager drives it in split mode. */
describe('security-group-manager process', () => {
  let service: ServiceProcess | undefined;
  beforeAll(async () => (service = await spawnService('security-group-manager', { DATA_DIR: 'memory://', DATABASE_URL: undefined })), 60_000);
  afterAll(() => service?.stop('SIGTERM'));

  it('binds ports through the REST client: the default group on first use, given groups, 404 for unknown ones, unbind', async () => {
    if (!service) throw new Error('security-group-manager did not start');
    const client = new RestSecurityGroupClient(service.baseUrl);
    const api = apiClient(service.baseUrl);
    const project = `p-${randomUUID()}`;
    const [p1, p2] = [randomUUID(), randomUUID()];

    const first = await client.bindPorts(project, [{ portId: p1, revisionNumber: 1 }]);
    const def = (await api.get<{ security_group: Group }>(`/project/${project}/security-groups/default/${project}`)).body.security_group;
    expect(def.name).toBe('default');
    expect(def.security_group_rules).toHaveLength(4);
    expect(first).toEqual([{ portId: p1, securityGroupIds: [def.id] }]);

    const web = (await api.post<{ security_group: Group }>(`/project/${project}/security-groups`, { security_group: { name: 'web' } })).body.security_group;
    expect(await client.bindPorts(project, [{ portId: p2, revisionNumber: 1, securityGroupIds: [web.id, def.id] }])).toEqual([{ portId: p2, securityGroupIds: [web.id, def.id] }]);
    const missing = randomUUID();
    const refused = await client.bindPorts(project, [{ portId: p1, revisionNumber: 2, securityGroupIds: [missing] }]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NeutronError);
    expect(refused).toMatchObject({ status: 404, type: 'SecurityGroupNotFound', message: `Security group ${missing} does not exist` });

    expect((await api.delete(`/project/${project}/security-groups/${web.id}`)).status).toBe(409);
    await client.unbindPorts(project, [{ portId: p2, revisionNumber: 2 }]);
    await client.unbindPorts(project, [{ portId: p2, revisionNumber: 2 }]);
    expect((await api.delete(`/project/${project}/security-groups/${web.id}`)).status).toBe(200);

    const doc = await api.get<{ paths: Record<string, unknown> }>('/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/v2.0/security-groups', '/v2.0/security-group-rules', '/project/{projectId}/security-groups/default/{tenantId}', '/project/{projectId}/port-security-groups']),
    );
  });

  it('stops cleanly on SIGTERM', async () => {
    await service?.stop('SIGTERM');
    expect(service?.child.exitCode === 0 || service?.child.signalCode === 'SIGTERM').toBe(true);
    service = undefined;
  });
});
