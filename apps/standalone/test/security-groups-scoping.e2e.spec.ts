import { Database } from '@alcor/persistence';
import { storeKinds } from '@alcor/testing';
import { createGroup, createRule, ErrorBody, GroupBody, RuleBody } from './security-group-fixture';
import { startStandalone, StandaloneFixture } from './standalone-fixture';

const as = (project: string, roles = 'member') => ({ 'x-project-id': project, 'x-roles': roles });
const admin = as('ops', 'admin');

describe.each(storeKinds())('tenant isolation of security groups on %s', (kind) => {
  let f: StandaloneFixture;
  beforeAll(async () => (f = await startStandalone(kind, { AUTH_STRATEGY: 'trusted-headers' })));
  afterAll(() => f?.service.close());

  it('keeps each project to its own groups and rules; admin sees all', async () => {
    const a = await createGroup(f.api, 'same-name', as('sg-a'));
    const b = await createGroup(f.api, 'same-name', as('sg-b'));
    const ruleA = (await createRule(f.api, { security_group_id: a.id, direction: 'ingress', protocol: 'tcp', port_range_min: 22, port_range_max: 22 }, as('sg-a'))).body.security_group_rule;

    const groupsOf = async (headers: Record<string, string>) => (await f.api.get<{ security_groups: GroupBody[] }>('/v2.0/security-groups', headers)).body.security_groups;
    const mine = await groupsOf(as('sg-a'));
    expect(mine.every((g) => g.project_id === 'sg-a')).toBe(true);
    expect(mine.map((g) => g.name).sort()).toEqual(['default', 'same-name']);
    // A member's list about another project shows nothing and creates nothing there.
    const aboutOther = (await f.api.get<{ security_groups: GroupBody[] }>('/v2.0/security-groups?project_id=sg-untouched', as('sg-a'))).body.security_groups;
    expect(aboutOther).toEqual([]);
    const database = f.service.app.get(Database);
    const stored = await database.read((em) => em.query(`SELECT id FROM security_groups WHERE project_id = 'sg-untouched'`));
    expect(stored).toEqual([]);
    // An admin's list about a project is that project's first use (as in Neutron).
    expect((await f.api.get<{ security_groups: GroupBody[] }>('/v2.0/security-groups?project_id=sg-untouched&name=default', admin)).body.security_groups).toHaveLength(1);
    const all = (await groupsOf(admin)).map((g) => g.id);
    expect(all).toEqual(expect.arrayContaining([a.id, b.id]));

    const hidden = await f.api.get<ErrorBody>(`/v2.0/security-groups/${a.id}`, as('sg-b'));
    expect([hidden.status, hidden.body.NeutronError.type]).toEqual([404, 'SecurityGroupNotFound']);
    expect((await f.api.put(`/v2.0/security-groups/${a.id}`, { security_group: { name: 'x' } }, as('sg-b'))).status).toBe(404);
    expect((await f.api.delete(`/v2.0/security-groups/${a.id}`, as('sg-b'))).status).toBe(404);
    expect((await f.api.get(`/v2.0/security-groups/${a.id}/tags`, as('sg-b'))).status).toBe(404);

    // Rules: invisible across projects; no rule in someone else's group, nor naming it as remote group.
    const rulesOfB = (await f.api.get<{ security_group_rules: RuleBody[] }>('/v2.0/security-group-rules', as('sg-b'))).body.security_group_rules;
    expect(rulesOfB.some((r) => r.security_group_id === a.id)).toBe(false);
    expect((await f.api.get(`/v2.0/security-group-rules/${ruleA.id}`, as('sg-b'))).status).toBe(404);
    expect((await f.api.delete(`/v2.0/security-group-rules/${ruleA.id}`, as('sg-b'))).status).toBe(404);
    const intoA = await createRule(f.api, { security_group_id: a.id, direction: 'ingress' }, as('sg-b'));
    expect([intoA.status, intoA.body.NeutronError.type]).toEqual([404, 'SecurityGroupNotFound']);
    const remoteA = await createRule(f.api, { security_group_id: b.id, direction: 'ingress', remote_group_id: a.id }, as('sg-b'));
    expect([remoteA.status, remoteA.body.NeutronError.type]).toEqual([404, 'SecurityGroupNotFound']);
    // Only an admin names another project.
    expect((await f.api.post('/v2.0/security-groups', { security_group: { name: 'x', project_id: 'sg-a' } }, as('sg-b'))).status).toBe(400);
    // Alcor's API: a project's path is its own.
    expect((await f.api.get(`/project/sg-a/security-groups`, as('sg-b'))).status).toBe(403);
    expect((await f.api.get<{ security_groups: GroupBody[] }>(`/project/sg-a/security-groups`, admin)).body.security_groups.every((g) => g.project_id === 'sg-a')).toBe(true);
  });

  it('lets only an admin delete a default group, and a port only use its own project’s groups', async () => {
    const [def] = (await f.api.get<{ security_groups: GroupBody[] }>('/v2.0/security-groups?name=default', as('sg-c'))).body.security_groups;
    const refused = await f.api.delete<ErrorBody>(`/v2.0/security-groups/${def.id}`, as('sg-c'));
    expect(refused.status).toBe(409);
    expect(refused.body.NeutronError).toEqual({ type: 'SecurityGroupCannotRemoveDefault', message: 'Insufficient rights for removing default security group.', detail: '' });
    expect((await f.api.delete(`/v2.0/security-groups/${def.id}`, admin)).status).toBe(204);
    // The next first use creates a new one.
    const [again] = (await f.api.get<{ security_groups: GroupBody[] }>('/v2.0/security-groups?name=default', as('sg-c'))).body.security_groups;
    expect(again.id).not.toBe(def.id);

    const other = await createGroup(f.api, 'theirs', as('sg-d'));
    const network = (await f.api.post<{ network: { id: string } }>('/v2.0/networks', { network: { name: 'n' } }, as('sg-c'))).body.network;
    expect((await f.api.post('/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 4, cidr: '10.5.0.0/24' } }, as('sg-c'))).status).toBe(201);
    const foreign = await f.api.post<ErrorBody>('/v2.0/ports', { port: { network_id: network.id, security_groups: [other.id] } }, as('sg-c'));
    expect([foreign.status, foreign.body.NeutronError.type]).toEqual([404, 'SecurityGroupNotFound']);
    const own = await f.api.post<{ port: { security_groups: string[] } }>('/v2.0/ports', { port: { network_id: network.id } }, as('sg-c'));
    expect(own.body.port.security_groups).toEqual([again.id]);
  });
});
