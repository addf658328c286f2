import { randomUUID } from 'node:crypto';
import { decodeJson, MESSAGE_BUS, MessageBus } from '@alcor/bus';
import { PortSecurityGroupsEventData, ResourceEvent, SecurityGroupEventData, SecurityGroupRuleEventData as RuleEvent, TOPICS } from '@alcor/contracts';
import { storeKinds, waitFor } from '@alcor/testing';
import { createGroup, createRule, defaultGroups, ErrorBody, GroupBody } from './security-group-fixture';
import { networkWithSubnet, startStandalone, StandaloneFixture } from './standalone-fixture';

type PortBody = { id: string; security_groups: string[]; port_security_enabled: boolean; revision_number: number };

describe.each(storeKinds())('ports and security groups on %s', (kind) => {
  let f: StandaloneFixture;
  const events: ResourceEvent<SecurityGroupEventData | RuleEvent | PortSecurityGroupsEventData>[] = [];
  beforeAll(async () => {
    f = await startStandalone(kind, { QUOTA_PORT: -1, QUOTA_SECURITY_GROUP: -1, QUOTA_SECURITY_GROUP_RULE: -1 });
    const bus = f.service.app.get<MessageBus>(MESSAGE_BUS);
    await bus.subscribe(TOPICS.securityGroupEvents, `sg-observer-${Date.now()}`, { mode: 'exclusive', autoAck: true, initialPosition: 'earliest' }, (m) => {
      events.push(decodeJson(m) as ResourceEvent<SecurityGroupEventData | RuleEvent | PortSecurityGroupsEventData>);
    });
  });
  afterAll(() => f?.service.close());

  it('50 concurrent first port creates in a fresh project make exactly one default group, bound to all 50', async () => {
    const project = `fresh-${randomUUID()}`;
    const network = (await f.api.post<{ network: { id: string } }>('/v2.0/networks', { network: { name: 'fresh', project_id: project } })).body.network;
    expect((await f.api.post('/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 4, cidr: '10.60.0.0/24', project_id: project } })).status).toBe(201);
    const created = await Promise.all(Array.from({ length: 50 }, () => f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, project_id: project } })));
    expect(created.map((r) => r.status)).toEqual(Array(50).fill(201));
    const defaults = await defaultGroups(f.api, project);
    expect(defaults).toHaveLength(1);
    expect(new Set(created.map((r) => r.body.port.security_groups.join()))).toEqual(new Set([defaults[0].id]));
    // The binding table agrees: the group is in use by the 50 ports.
    const inUse = await f.api.delete<ErrorBody>(`/v2.0/security-groups/${defaults[0].id}`);
    expect([inUse.status, inUse.body.NeutronError.type]).toEqual([409, 'SecurityGroupInUse']);
    const membership = await waitFor(() => {
      const bound = events.filter((e) => e.type === 'port_security_groups.updated' && e.projectId === project);
      return bound.length >= 50 && bound;
    }, 10_000, '50 membership events');
    expect(new Set(membership.map((e) => e.resourceId)).size).toBe(50);
    expect(events.filter((e) => e.type === 'security_group.created' && e.projectId === project)).toHaveLength(1);
  });

  it('binds given groups, refuses unknown or foreign ones, updates and clears them on PUT, unbinds on delete', async () => {
    const { network } = await networkWithSubnet(f.api, '10.61.0.0/24');
    const a = await createGroup(f.api, 'pa');
    const b = await createGroup(f.api, 'pb');
    const port = (await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, security_groups: [a.id, b.id, a.id] } })).body.port;
    expect(port.security_groups).toEqual([a.id, b.id]);
    const foreign = (await f.api.post<{ security_group: GroupBody }>('/v2.0/security-groups', { security_group: { name: 'theirs', project_id: 'someone-else' } })).body.security_group;
    const refused = await f.api.post<ErrorBody>('/v2.0/ports', { port: { network_id: network.id, security_groups: [a.id, foreign.id] } });
    expect(refused.status).toBe(404);
    expect(refused.body.NeutronError).toEqual({ type: 'SecurityGroupNotFound', message: `Security group ${foreign.id} does not exist`, detail: '' });
    expect((await f.api.get<{ ports: PortBody[] }>(`/v2.0/ports?network_id=${network.id}`)).body.ports).toHaveLength(1);

    const onlyB = await f.api.put<{ port: PortBody }>(`/v2.0/ports/${port.id}`, { port: { security_groups: [b.id] } });
    expect(onlyB.body.port).toMatchObject({ security_groups: [b.id], revision_number: 2 });
    expect((await f.api.delete(`/v2.0/security-groups/${a.id}`)).status).toBe(204);
    const same = await f.api.put<{ port: PortBody }>(`/v2.0/ports/${port.id}`, { port: { security_groups: [b.id] } });
    expect(same.body.port.revision_number).toBe(2);
    const cleared = await f.api.put<{ port: PortBody }>(`/v2.0/ports/${port.id}`, { port: { security_groups: [] } });
    expect(cleared.body.port.security_groups).toEqual([]);
    expect((await f.api.put<{ port: PortBody }>(`/v2.0/ports/${port.id}`, { port: { security_groups: [b.id] } })).body.port.security_groups).toEqual([b.id]);
    expect((await f.api.delete(`/v2.0/security-groups/${b.id}`)).status).toBe(409);
    const stateless = await f.api.put<ErrorBody>(`/v2.0/security-groups/${b.id}`, { security_group: { stateful: false } });
    expect([stateless.status, stateless.body.NeutronError.type]).toEqual([409, 'SecurityGroupInUse']);
    expect((await f.api.delete(`/v2.0/ports/${port.id}`)).status).toBe(204);
    expect((await f.api.put<{ security_group: GroupBody }>(`/v2.0/security-groups/${b.id}`, { security_group: { stateful: false } })).body.security_group.stateful).toBe(false);
    expect((await f.api.delete(`/v2.0/security-groups/${b.id}`)).status).toBe(204);
    await waitFor(() => events.some((e) => e.resourceId === port.id && e.type === 'port_security_groups.deleted'), 5000, 'an unbind event');
    const history = events.filter((e) => e.resourceId === port.id).map((e) => [e.type, (e.data as PortSecurityGroupsEventData).security_group_ids]);
    expect(history).toEqual([
      ['port_security_groups.updated', [a.id, b.id]],
      ['port_security_groups.updated', [b.id]],
      ['port_security_groups.updated', []],
      ['port_security_groups.updated', [b.id]],
      ['port_security_groups.deleted', [b.id]],
    ]);
  });

  it('follows port security: no groups when it is off, refuses groups then, and refuses disabling it while groups remain', async () => {
    const { network } = await networkWithSubnet(f.api, '10.62.0.0/24');
    const g = await createGroup(f.api, 'psec');
    const open = await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, port_security_enabled: false } });
    expect(open.body.port).toMatchObject({ port_security_enabled: false, security_groups: [] });
    const both = await f.api.post<ErrorBody>('/v2.0/ports', { port: { network_id: network.id, port_security_enabled: false, security_groups: [g.id] } });
    expect([both.status, both.body.NeutronError.type]).toEqual([400, 'PortSecurityAndIPRequiredForSecurityGroups']);
    const router = await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, device_owner: 'network:dhcp' } });
    expect(router.body.port.security_groups).toEqual([]);

    const guarded = (await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, security_groups: [g.id] } })).body.port;
    const disable = await f.api.put<ErrorBody>(`/v2.0/ports/${guarded.id}`, { port: { port_security_enabled: false } });
    expect([disable.status, disable.body.NeutronError.type]).toEqual([409, 'PortSecurityPortHasSecurityGroup']);
    const disableAndClear = await f.api.put<{ port: PortBody }>(`/v2.0/ports/${guarded.id}`, { port: { port_security_enabled: false, security_groups: [] } });
    expect(disableAndClear.body.port).toMatchObject({ port_security_enabled: false, security_groups: [] });
    const groupsWithoutSecurity = await f.api.put<ErrorBody>(`/v2.0/ports/${guarded.id}`, { port: { security_groups: [g.id] } });
    expect(groupsWithoutSecurity.status).toBe(400);
    expect((await f.api.delete(`/v2.0/security-groups/${g.id}`)).status).toBe(204);
  });

  it('announces groups with their rules and members, and rule changes as deltas under the group’s next revision', async () => {
    const { network } = await networkWithSubnet(f.api, '10.63.0.0/24');
    const g = await createGroup(f.api, 'announced');
    const remote = await createGroup(f.api, 'announced-remote');
    const port = (await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, security_groups: [g.id] } })).body.port;
    const rule = (await createRule(f.api, { security_group_id: g.id, direction: 'ingress', protocol: 'tcp', port_range_min: 22, port_range_max: 22 })).body.security_group_rule;
    const fromRemote = (await createRule(f.api, { security_group_id: g.id, direction: 'ingress', remote_group_id: remote.id })).body.security_group_rule;
    expect((await f.api.delete(`/v2.0/security-group-rules/${rule.id}`)).status).toBe(204);
    expect((await createRule(f.api, { security_group_id: g.id, direction: 'ingress', protocol: 'bogus' })).status).toBe(400);
    expect((await f.api.put(`/v2.0/security-groups/${g.id}`, { security_group: { name: 'renamed' } })).status).toBe(200);
    // Deleting the remote group removes g's rule that named it.
    expect((await f.api.delete(`/v2.0/security-groups/${remote.id}`)).status).toBe(204);

    const ofGroup = (e: ResourceEvent<unknown>) => e.resourceId === g.id || (e.resource === 'security_group_rule' && (e.data as RuleEvent).security_group_id === g.id);
    const mine = await waitFor(() => {
      const list = events.filter(ofGroup);
      return list.length >= 6 && list;
    }, 5000, 'six events of the group');
    expect(mine.map((e) => [e.type, e.resourceId, e.revisionNumber])).toEqual([
      ['security_group.created', g.id, 1],
      ['security_group_rule.created', rule.id, 2],
      ['security_group_rule.created', fromRemote.id, 3],
      ['security_group_rule.deleted', rule.id, 4],
      ['security_group.updated', g.id, 5],
      ['security_group_rule.deleted', fromRemote.id, 6],
    ]);
    const created = mine[0].data as SecurityGroupEventData;
    expect(created.security_group_rules).toHaveLength(2);
    expect(mine[1].data).toMatchObject({ port_range_min: 22, security_group_revision_number: 2 });
    const renamed = mine[4].data as SecurityGroupEventData;
    expect(renamed).toMatchObject({ name: 'renamed', member_port_ids: [port.id] });
    expect(renamed.security_group_rules.map((r) => r.id)).toContain(fromRemote.id);
    expect((await f.api.get<{ security_group: GroupBody }>(`/v2.0/security-groups/${g.id}`)).body.security_group.revision_number).toBe(6);
    const bound = events.find((e) => e.resourceId === port.id && e.type === 'port_security_groups.updated');
    expect(bound?.data).toMatchObject({ port_id: port.id, security_group_ids: [g.id], revision_number: 1 });
  });

  it('serves Alcor’s SG manager API: default group endpoint, bulk, bind/unbind', async () => {
    const project = `alcor-${randomUUID()}`;
    const def = await f.api.get<{ security_group: GroupBody }>(`/project/${project}/security-groups/default/${project}`);
    expect(def.status).toBe(200);
    expect(def.body.security_group).toMatchObject({ name: 'default', project_id: project });
    const again = await f.api.get<{ security_group: GroupBody }>(`/project/${project}/security-groups/default/${project}`);
    expect(again.body.security_group.id).toBe(def.body.security_group.id);
    const bulk = await f.api.post<{ security_groups: GroupBody[] }>(`/project/${project}/security-groups/bulk`, { security_groups: [{ name: 'x' }, { name: 'y' }] });
    expect(bulk.status).toBe(201);
    const [x] = bulk.body.security_groups;
    const rules = await f.api.post<{ security_group_rules: { id: string }[] }>(`/project/${project}/security-group-rules/bulk`, {
      security_group_rules: [{ security_group_id: x.id, direction: 'ingress', protocol: 'icmp' }],
    });
    expect(rules.status).toBe(201);
    const portId = randomUUID();
    const bind = await f.api.post(`/project/${project}/bind-security-groups`, { port_binding_security_groups: [{ port_id: portId, security_group_id: x.id }] });
    expect(bind.status).toBe(201);
    expect((await f.api.delete(`/project/${project}/security-groups/${x.id}`)).status).toBe(409);
    expect((await f.api.post(`/project/${project}/unbind-security-groups`, { port_binding_security_groups: [{ port_id: portId, security_group_id: x.id }] })).status).toBe(201);
    expect((await f.api.delete(`/project/${project}/security-group-rules/${rules.body.security_group_rules[0].id}`)).body).toEqual({ id: rules.body.security_group_rules[0].id });
    expect((await f.api.delete(`/project/${project}/security-groups/${x.id}`)).status).toBe(200);
    const listed = await f.api.get<{ security_groups: GroupBody[] }>(`/project/${project}/security-groups`);
    expect(listed.body.security_groups.map((g) => g.name).sort()).toEqual(['default', 'y']);
  });
});
