import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keystoneUrl } from './keystone-admin';
import { describeWithTools, OperatorSetup, operatorTools, runTool, ToolRun, startBehindKeystone } from './operator-tools';

type Json = Record<string, unknown>;

/**
 * The OpenStack CLI (python3-openstackclient, unchanged) against `npm start`'s composition, the way an
 * operator runs it: a clouds.yaml with Keystone credentials, the network endpoint found in the catalog.
 */
describeWithTools('the OpenStack CLI against the standalone control plane', [operatorTools.openstack], () => {
  let setup: OperatorSetup;
  let dir: string;
  let projectId: string;

  beforeAll(async () => {
    setup = await startBehindKeystone('cli');
    const { member, region } = setup;
    dir = setup.dir;
    projectId = member.projectId;
    writeFileSync(
      join(dir, 'clouds.yaml'),
      [
        'clouds:',
        '  alcor:',
        `    region_name: ${region}`,
        '    identity_api_version: 3',
        '    auth:',
        `      auth_url: ${keystoneUrl}`,
        `      username: ${member.user}`,
        `      password: ${member.password}`,
        `      project_name: ${member.project}`,
        '      user_domain_name: Default',
        '      project_domain_name: Default',
        '',
      ].join('\n'),
    );
  }, 120_000);
  afterAll(() => setup?.close());

  const cli = (...args: string[]): Promise<ToolRun> =>
    runTool(operatorTools.openstack ?? 'openstack', args, { env: { ...process.env, OS_CLIENT_CONFIG_FILE: join(dir, 'clouds.yaml'), OS_CLOUD: 'alcor', HOME: dir }, cwd: dir });
  /** A command that must succeed, with its `-f json` output parsed. */
  const json = async <T = Json>(...args: string[]): Promise<T> => {
    const run = await cli(...args, '-f', 'json');
    if (run.code !== 0) throw new Error(`openstack ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
    return JSON.parse(run.stdout) as T;
  };
  /** A command that must fail, with what the CLI printed for it. */
  const refused = async (...args: string[]): Promise<string> => {
    const run = await cli(...args);
    expect(run.code).not.toBe(0);
    return run.stderr;
  };

  it('creates, finds, changes and deletes networks, subnets, security groups and ports; errors read as Neutron errors', async () => {
    const network = await json('network', 'create', 'cli-net');
    expect(network).toMatchObject({ name: 'cli-net', status: 'ACTIVE', mtu: 1450, project_id: projectId, admin_state_up: true });

    const v4 = await json(
      'subnet', 'create', '--network', 'cli-net', '--subnet-range', '10.60.0.0/24',
      '--allocation-pool', 'start=10.60.0.10,end=10.60.0.50', '--dns-nameserver', '10.60.0.2',
      '--host-route', 'destination=10.61.0.0/24,gateway=10.60.0.1', 'cli-v4',
    );
    expect(v4).toMatchObject({
      cidr: '10.60.0.0/24',
      gateway_ip: '10.60.0.1',
      allocation_pools: [{ start: '10.60.0.10', end: '10.60.0.50' }],
      dns_nameservers: ['10.60.0.2'],
      host_routes: [{ destination: '10.61.0.0/24', nexthop: '10.60.0.1' }],
      enable_dhcp: true,
    });
    const v6 = await json('subnet', 'create', '--network', 'cli-net', '--ip-version', '6', '--subnet-range', 'fd00:60::/64', '--gateway', 'none', 'cli-v6');
    expect(v6).toMatchObject({ ip_version: 6, gateway_ip: null });
    expect(await refused('subnet', 'create', '--network', 'cli-net', '--subnet-range', '10.60.0.128/25', 'cli-overlap')).toMatch(/BadRequestException: 400.*overlaps/s);

    const group = await json('security', 'group', 'create', 'cli-sg');
    const rule = await json('security', 'group', 'rule', 'create', '--protocol', 'tcp', '--dst-port', '22', '--remote-ip', '0.0.0.0/0', 'cli-sg');
    expect(rule).toMatchObject({ direction: 'ingress', protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0', security_group_id: group.id });

    const p1 = await json(
      'port', 'create', '--network', 'cli-net', '--fixed-ip', 'subnet=cli-v4,ip-address=10.60.0.15', '--mac-address', 'fa:16:3e:60:00:01',
      '--device-owner', 'compute:nova', '--device', 'vm-1', '--allowed-address', 'ip-address=10.60.0.200', '--security-group', 'cli-sg', '--tag', 'blue', 'p1',
    );
    expect(p1).toMatchObject({
      fixed_ips: [{ subnet_id: v4.id, ip_address: '10.60.0.15' }],
      mac_address: 'fa:16:3e:60:00:01',
      status: 'DOWN',
      device_id: 'vm-1',
      security_group_ids: [group.id],
      allowed_address_pairs: [{ ip_address: '10.60.0.200', mac_address: 'fa:16:3e:60:00:01' }],
      tags: ['blue'],
    });
    // Automatic: one address from the IPv4 pool and one from the (stateful) IPv6 subnet.
    const p2 = await json<Json & { fixed_ips: { subnet_id: string; ip_address: string }[] }>('port', 'create', '--network', 'cli-net', 'p2');
    expect(p2.fixed_ips.map((ip) => ip.subnet_id)).toEqual([v4.id, v6.id]);
    expect(p2.security_group_ids).toHaveLength(1);
    expect(p2.security_group_ids).not.toEqual([group.id]);

    expect(await refused('port', 'create', '--network', 'cli-net', '--mac-address', 'fa:16:3e:60:00:01', 'dup-mac')).toMatch(/ConflictException: 409.*mac address fa:16:3e:60:00:01 is in use/s);
    expect(await refused('port', 'create', '--network', 'cli-net', '--fixed-ip', 'ip-address=10.60.0.15', 'dup-ip')).toMatch(/ConflictException: 409.*10\.60\.0\.15 already allocated/s);
    expect(await refused('port', 'create', '--network', 'cli-net', '--fixed-ip', 'subnet=cli-v4,ip-address=10.99.0.1', 'outside')).toMatch(/BadRequestException: 400/);

    const byIp = await json<Json[]>('port', 'list', '--fixed-ip', 'ip-address=10.60.0.15');
    expect(byIp.map((p) => p.ID)).toEqual([p1.id]);
    const byDevice = await json<Json[]>('port', 'list', '--device-id', 'vm-1', '--long');
    expect(byDevice.map((p) => p.ID)).toEqual([p1.id]);
    expect((await json<Json[]>('port', 'list', '--tags', 'blue')).map((p) => p.ID)).toEqual([p1.id]);

    const set = await cli('port', 'set', '--name', 'p1-renamed', '--no-allowed-address', '--no-tag', 'p1');
    expect(set.stderr).toBe('');
    const shown = await json('port', 'show', 'p1-renamed');
    expect(shown).toMatchObject({ name: 'p1-renamed', allowed_address_pairs: [], tags: [] });
    // Neutron's policy: binding attributes are the admin's (Nova sets them), not a project member's.
    expect(await refused('port', 'set', '--binding-profile', 'rack=r1', 'p1-renamed')).toMatch(/HttpException: 403.*rule:update_port:binding:profile.*disallowed by policy/s);
    expect(shown.revision_number).toBeGreaterThan(p1.revision_number as number);

    expect(await refused('subnet', 'delete', 'cli-v4')).toMatch(/ConflictException: 409.*One or more ports have an IP allocation from this subnet/s);
    for (const args of [['port', 'delete', 'p1-renamed', 'p2'], ['subnet', 'delete', 'cli-v4', 'cli-v6'], ['security', 'group', 'delete', 'cli-sg'], ['network', 'delete', 'cli-net']]) {
      const run = await cli(...args);
      expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 0, stderr: '' });
    }
    expect(await refused('network', 'show', 'cli-net')).toMatch(/No Network found for cli-net/);
  }, 600_000);
});
