import { randomUUID } from 'node:crypto';
import { storeKinds } from '@alcor/testing';
import { createGroup, createRule, ErrorBody, GroupBody, RuleBody, ruleShape } from './security-group-fixture';
import { startStandalone, StandaloneFixture } from './standalone-fixture';

describe.each(storeKinds())('security groups and rules on %s', (kind) => {
  let f: StandaloneFixture;
  beforeAll(async () => (f = await startStandalone(kind, { QUOTA_SECURITY_GROUP: 100, QUOTA_SECURITY_GROUP_RULE: 1000 })));
  afterAll(() => f?.service.close());

  it('creates the project default group once, with Neutron’s four rules, and new groups with two egress rules', async () => {
    const first = await f.api.get<{ security_groups: GroupBody[] }>('/v2.0/security-groups');
    const again = await f.api.get<{ security_groups: GroupBody[] }>('/v2.0/security-groups');
    const defaults = again.body.security_groups.filter((g) => g.name === 'default');
    expect(first.body.security_groups.filter((g) => g.name === 'default')).toHaveLength(1);
    expect(defaults).toHaveLength(1);
    const [def] = defaults;
    expect(def.project_id).toBe('fake_project_id');
    expect(def.security_group_rules.map(ruleShape).sort()).toEqual(
      [`ingress/IPv4/*/*-*/*/${def.id}`, `ingress/IPv6/*/*-*/*/${def.id}`, 'egress/IPv4/*/*-*/*/*', 'egress/IPv6/*/*-*/*/*'].sort(),
    );

    const web = await createGroup(f.api, 'web');
    expect(web).toMatchObject({ name: 'web', stateful: true, revision_number: 1, tags: [], tenant_id: 'fake_project_id' });
    expect(web.security_group_rules.map(ruleShape).sort()).toEqual(['egress/IPv4/*/*-*/*/*', 'egress/IPv6/*/*-*/*/*']);
    const shown = await f.api.get<{ security_group: GroupBody }>(`/v2.0/security-groups/${web.id}?fields=id&fields=name`);
    expect(shown.body.security_group).toEqual({ id: web.id, name: 'web' });
  });

  it('refuses the name "default", renaming or (as non-admin) deleting the default group', async () => {
    const named = await f.api.post<ErrorBody>('/v2.0/security-groups', { security_group: { name: 'Default' } });
    expect(named.status).toBe(409);
    expect(named.body.NeutronError).toEqual({ type: 'SecurityGroupDefaultAlreadyExists', message: 'Default security group already exists.', detail: '' });
    const [def] = (await f.api.get<{ security_groups: GroupBody[] }>('/v2.0/security-groups?name=default')).body.security_groups;
    const rename = await f.api.put<ErrorBody>(`/v2.0/security-groups/${def.id}`, { security_group: { name: 'other' } });
    expect(rename.status).toBe(409);
    expect(rename.body.NeutronError.type).toBe('SecurityGroupCannotUpdateDefault');
    const described = await f.api.put<{ security_group: GroupBody }>(`/v2.0/security-groups/${def.id}`, { security_group: { description: 'mine' } });
    expect(described.status).toBe(200);
    expect(described.body.security_group.revision_number).toBe(def.revision_number + 1);
  });

  it('validates rules as Neutron does', async () => {
    const g = await createGroup(f.api, 'rules');
    const base = { security_group_id: g.id, direction: 'ingress' };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ protocol: 'tcp', port_range_min: 90, port_range_max: 80 }, 400, 'SecurityGroupInvalidPortRange'],
      [{ protocol: 'tcp', port_range_min: 0, port_range_max: 80 }, 400, 'SecurityGroupInvalidPortValue'],
      [{ protocol: 'udp', port_range_min: 1, port_range_max: 70000 }, 400, 'SecurityGroupInvalidPortValue'],
      [{ port_range_min: 22, port_range_max: 22 }, 400, 'SecurityGroupProtocolRequiredWithPorts'],
      [{ protocol: 'icmp', port_range_min: 256 }, 400, 'SecurityGroupInvalidIcmpValue'],
      [{ protocol: 'icmp', port_range_max: 0 }, 400, 'SecurityGroupMissingIcmpType'],
      [{ protocol: 'gre', port_range_min: 1, port_range_max: 2 }, 400, 'SecurityGroupInvalidProtocolForPort'],
      [{ protocol: 'bogus' }, 400, 'SecurityGroupRuleInvalidProtocol'],
      [{ protocol: 256 }, 400, 'SecurityGroupRuleInvalidProtocol'],
      [{ ethertype: 'IPv6', remote_ip_prefix: '10.0.0.0/8' }, 400, 'SecurityGroupRuleParameterConflict'],
      [{ ethertype: 'IPv4', remote_ip_prefix: 'fd00::/64' }, 400, 'SecurityGroupRuleParameterConflict'],
      [{ remote_ip_prefix: 'nonsense' }, 400, 'InvalidCIDR'],
      [{ ethertype: 'IPv5' }, 400, 'InvalidInput'],
      [{ direction: 'sideways' }, 400, 'InvalidInput'],
      [{ protocol: 'ipv6-icmp', ethertype: 'IPv4' }, 400, 'SecurityGroupEthertypeConflictWithProtocol'],
      [{ remote_ip_prefix: '10.0.0.0/8', remote_group_id: g.id }, 400, 'SecurityGroupRemoteGroupAndRemoteIpPrefix'],
      [{ remote_group_id: randomUUID() }, 404, 'SecurityGroupNotFound'],
      [{ security_group_id: randomUUID() }, 404, 'SecurityGroupNotFound'],
    ];
    for (const [extra, status, type] of cases) {
      const res = await createRule(f.api, { ...base, ...extra });
      expect([JSON.stringify(extra), res.status, res.body.NeutronError?.type]).toEqual([JSON.stringify(extra), status, type]);
    }
    // Nothing was added by the refused requests.
    const after = (await f.api.get<{ security_group: GroupBody }>(`/v2.0/security-groups/${g.id}`)).body.security_group;
    expect(after.security_group_rules).toHaveLength(2);
    expect(after.revision_number).toBe(g.revision_number);
  });

  it('normalises protocols and prefixes, refuses duplicates with Neutron’s message, deletes rules and bumps the group revision', async () => {
    const g = await createGroup(f.api, 'norm');
    const ssh = await createRule(f.api, { security_group_id: g.id, direction: 'ingress', protocol: 'TCP', port_range_min: '22', port_range_max: 22, remote_ip_prefix: '10.1.2.3/16' });
    expect(ssh.status).toBe(201);
    expect(ssh.body.security_group_rule).toMatchObject({ protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '10.1.0.0/16', normalized_cidr: '10.1.0.0/16', ethertype: 'IPv4' });
    const host = await createRule(f.api, { security_group_id: g.id, direction: 'ingress', protocol: 'udp', port_range_min: 53, port_range_max: 53, remote_ip_prefix: '192.0.2.7' });
    expect(host.body.security_group_rule.remote_ip_prefix).toBe('192.0.2.7/32');
    // The same rule spelled with the protocol number is a duplicate.
    const dup = await createRule(f.api, { security_group_id: g.id, direction: 'ingress', protocol: '6', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '10.1.0.0/16' });
    expect(dup.status).toBe(409);
    expect(dup.body.NeutronError).toEqual({ type: 'SecurityGroupRuleExists', message: `Security group rule already exists. Rule id is ${ssh.body.security_group_rule.id}.`, detail: '' });
    // An any-address prefix equals no prefix: the default egress rule already allows it.
    expect((await createRule(f.api, { security_group_id: g.id, direction: 'egress', remote_ip_prefix: '0.0.0.0/0' })).status).toBe(409);
    // Legacy IPv6 ICMP names become ipv6-icmp.
    const icmp6 = await createRule(f.api, { security_group_id: g.id, direction: 'ingress', ethertype: 'ipv6', protocol: 'icmp', port_range_min: 128, port_range_max: 0 });
    expect(icmp6.body.security_group_rule).toMatchObject({ protocol: 'ipv6-icmp', ethertype: 'IPv6', port_range_min: 128, port_range_max: 0 });
    const any = await createRule(f.api, { security_group_id: g.id, direction: 'ingress', protocol: 'any', remote_group_id: g.id });
    expect(any.body.security_group_rule).toMatchObject({ protocol: null, remote_group_id: g.id, remote_ip_prefix: null });

    let current = (await f.api.get<{ security_group: GroupBody }>(`/v2.0/security-groups/${g.id}`)).body.security_group;
    expect(current.security_group_rules).toHaveLength(6);
    expect(current.revision_number).toBe(g.revision_number + 4);

    const shown = await f.api.get<{ security_group_rule: RuleBody }>(`/v2.0/security-group-rules/${ssh.body.security_group_rule.id}`);
    expect(shown.body.security_group_rule.id).toBe(ssh.body.security_group_rule.id);
    expect((await f.api.put(`/v2.0/security-group-rules/${ssh.body.security_group_rule.id}`, { security_group_rule: { protocol: 'udp' } })).status).toBe(404);
    expect((await f.api.delete(`/v2.0/security-group-rules/${ssh.body.security_group_rule.id}`, { 'if-match': 'revision_number=7' })).status).toBe(412);
    expect((await f.api.delete(`/v2.0/security-group-rules/${ssh.body.security_group_rule.id}`, { 'if-match': 'revision_number=1' })).status).toBe(204);
    const gone = await f.api.get<ErrorBody>(`/v2.0/security-group-rules/${ssh.body.security_group_rule.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.NeutronError.type).toBe('SecurityGroupRuleNotFound');
    current = (await f.api.get<{ security_group: GroupBody }>(`/v2.0/security-groups/${g.id}`)).body.security_group;
    expect(current.security_group_rules).toHaveLength(5);
    expect(current.revision_number).toBe(g.revision_number + 5);
    // Now it may be created again.
    expect((await createRule(f.api, { security_group_id: g.id, direction: 'ingress', protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '10.1.0.0/16' })).status).toBe(201);
  });

  it('creates rule bulks atomically, of one group only, refusing duplicates within the request', async () => {
    const g = await createGroup(f.api, 'bulk');
    const other = await createGroup(f.api, 'bulk-other');
    const rule = (port: number, group = g.id) => ({ security_group_id: group, direction: 'ingress', protocol: 'tcp', port_range_min: port, port_range_max: port });
    const ok = await f.api.post<{ security_group_rules: RuleBody[] }>('/v2.0/security-group-rules', { security_group_rules: [rule(80), rule(443)] });
    expect(ok.status).toBe(201);
    expect(ok.body.security_group_rules.map((r) => r.port_range_min)).toEqual([80, 443]);
    const mixed = await f.api.post<ErrorBody>('/v2.0/security-group-rules', { security_group_rules: [rule(81), rule(82, other.id)] });
    expect([mixed.status, mixed.body.NeutronError.type]).toEqual([400, 'SecurityGroupNotSingleGroupRules']);
    const twice = await f.api.post<ErrorBody>('/v2.0/security-group-rules', { security_group_rules: [rule(83), rule(83)] });
    expect([twice.status, twice.body.NeutronError.type]).toEqual([409, 'DuplicateSecurityGroupRuleInPost']);
    const oneBad = await f.api.post<ErrorBody>('/v2.0/security-group-rules', { security_group_rules: [rule(84), { ...rule(85), port_range_max: 1 }] });
    expect(oneBad.status).toBe(400);
    const rules = (await f.api.get<{ security_group_rules: RuleBody[] }>(`/v2.0/security-group-rules?security_group_id=${g.id}`)).body.security_group_rules;
    expect(rules.map((r) => r.port_range_min).filter((p) => p !== null).sort()).toEqual([443, 80]);
    // Bulk groups too, atomically.
    const groups = await f.api.post<{ security_groups: GroupBody[] }>('/v2.0/security-groups', { security_groups: [{ name: 'b1' }, { name: 'b2' }] });
    expect(groups.status).toBe(201);
    expect(groups.body.security_groups.map((x) => x.name)).toEqual(['b1', 'b2']);
    const bad = await f.api.post('/v2.0/security-groups', { security_groups: [{ name: 'b3' }, { name: 'default' }] });
    expect(bad.status).toBe(409);
    expect((await f.api.get<{ security_groups: GroupBody[] }>('/v2.0/security-groups?name=b3')).body.security_groups).toHaveLength(0);
  });

  it('deleting a group removes rules that named it as remote group, and updates their group', async () => {
    const a = await createGroup(f.api, 'remote-a');
    const b = await createGroup(f.api, 'remote-b');
    expect((await createRule(f.api, { security_group_id: a.id, direction: 'ingress', remote_group_id: b.id })).status).toBe(201);
    const before = (await f.api.get<{ security_group: GroupBody }>(`/v2.0/security-groups/${a.id}`)).body.security_group;
    expect(before.security_group_rules).toHaveLength(3);
    expect((await f.api.delete(`/v2.0/security-groups/${b.id}`)).status).toBe(204);
    const after = (await f.api.get<{ security_group: GroupBody }>(`/v2.0/security-groups/${a.id}`)).body.security_group;
    expect(after.security_group_rules).toHaveLength(2);
    expect(after.revision_number).toBe(before.revision_number + 1);
    const missing = await f.api.get<ErrorBody>(`/v2.0/security-groups/${b.id}`);
    expect(missing.body.NeutronError).toEqual({ type: 'SecurityGroupNotFound', message: `Security group ${b.id} does not exist`, detail: '' });
  });

  it('filters, pages with links, sorts, tags and honours If-Match', async () => {
    for (const name of ['pg-1', 'pg-2', 'pg-3']) await createGroup(f.api, name);
    const page1 = await f.api.get<{ security_groups: GroupBody[]; security_groups_links: { rel: string; href: string }[] }>('/v2.0/security-groups?name=pg-1&name=pg-2&name=pg-3&limit=2&sort_key=name&sort_dir=desc');
    expect(page1.body.security_groups.map((g) => g.name)).toEqual(['pg-3', 'pg-2']);
    const next = page1.body.security_groups_links.find((l) => l.rel === 'next');
    expect(next?.href).toContain('/v2.0/security-groups?');
    const page2 = await f.api.get<{ security_groups: GroupBody[] }>(new URL(next?.href as string).pathname + new URL(next?.href as string).search);
    expect(page2.body.security_groups.map((g) => g.name)).toEqual(['pg-1']);
    expect((await f.api.get('/v2.0/security-groups?bogus=1')).status).toBe(400);

    const g = await createGroup(f.api, 'tagged');
    expect((await f.api.put(`/v2.0/security-groups/${g.id}/tags/red`)).status).toBe(201);
    expect((await f.api.get<{ security_groups: GroupBody[] }>('/v2.0/security-groups?tags=red')).body.security_groups.map((x) => x.id)).toEqual([g.id]);
    const stale = await f.api.put<ErrorBody>(`/v2.0/security-groups/${g.id}`, { security_group: { description: 'x' } }, { 'if-match': 'revision_number=1' });
    expect([stale.status, stale.body.NeutronError.type]).toEqual([412, 'RevisionNumberConstraintFailed']);
    const fresh = await f.api.put(`/v2.0/security-groups/${g.id}`, { security_group: { description: 'x' } }, { 'if-match': 'revision_number=2' });
    expect(fresh.status).toBe(200);
    expect((await f.api.delete(`/v2.0/security-groups/${g.id}`, { 'if-match': 'revision_number=2' })).status).toBe(412);
    expect((await f.api.delete(`/v2.0/security-groups/${g.id}`, { 'if-match': 'revision_number=3' })).status).toBe(204);

    const rulesPage = await f.api.get<{ security_group_rules: RuleBody[]; security_group_rules_links: { rel: string; href: string }[] }>('/v2.0/security-group-rules?limit=1&direction=egress');
    expect(rulesPage.body.security_group_rules).toHaveLength(1);
    expect(rulesPage.body.security_group_rules_links[0].href).toContain('/v2.0/security-group-rules?');
  });

  it('counts groups and rules against the project quotas', async () => {
    const project = `quota-${randomUUID()}`;
    const admin = { 'x-project-id': 'ops', 'x-roles': 'admin' };
    expect((await f.api.put(`/v2.0/quotas/${project}`, { quota: { security_group: 2, security_group_rule: 7 } }, admin)).status).toBe(200);
    // The default group (1 group, 4 rules) comes first, then one more group (2 rules): 2 groups, 6 rules.
    const mine = await f.api.post<{ security_group: GroupBody }>('/v2.0/security-groups', { security_group: { name: 'q1', project_id: project } });
    expect(mine.status).toBe(201);
    const over = await f.api.post<ErrorBody>('/v2.0/security-groups', { security_group: { name: 'q2', project_id: project } });
    expect([over.status, over.body.NeutronError.type]).toEqual([409, 'OverQuota']);
    const rule = (port: number) => ({ security_group_id: mine.body.security_group.id, direction: 'ingress', protocol: 'tcp', port_range_min: port, port_range_max: port, project_id: project });
    expect((await createRule(f.api, rule(1))).status).toBe(201);
    const tooMany = await createRule(f.api, rule(2));
    expect([tooMany.status, tooMany.body.NeutronError?.type]).toEqual([409, 'OverQuota']);
    // Deleting frees the quota again.
    const id = (await f.api.get<{ security_group_rules: RuleBody[] }>(`/v2.0/security-group-rules?security_group_id=${mine.body.security_group.id}&port_range_min=1`)).body.security_group_rules[0].id;
    expect((await f.api.delete(`/v2.0/security-group-rules/${id}`)).status).toBe(204);
    expect((await createRule(f.api, rule(2))).status).toBe(201);
  });

  it('lists the extensions it serves', async () => {
    const { body } = await f.api.get<{ extensions: { alias: string }[] }>('/v2.0/extensions');
    const aliases = body.extensions.map((e) => e.alias);
    expect(aliases).toEqual(expect.arrayContaining(['security-group', 'stateful-security-group', 'standard-attr-description']));
  });
});
