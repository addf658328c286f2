import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiClient, ApiClient } from '@alcor/testing';
import { keystoneAdminPassword, keystoneLogin, keystoneUrl } from './keystone-admin';
import { describeWithTools, OperatorSetup, operatorTools, runTool, ToolRun, startBehindKeystone } from './operator-tools';
import { Body } from './standalone-fixture';

type PortBody = Body & { fixed_ips: { subnet_id: string; ip_address: string }[]; revision_number: number };

/**
 * One project's network as Terraform users write it: networks, subnets, a host route, a security
 * group, ports, and L3 (a router with a gateway on the cloud's external network, an interface, a
 * static route, a floating IP on a port). The external network is the cloud admin's, through a
 * second provider, as in a real cloud where tenants cannot create one.
 */
function configuration(region: string, member: { user: string; password: string; project: string }): string {
  return `
terraform {
  required_providers {
    openstack = { source = "terraform-provider-openstack/openstack" }
  }
}
variable "port_name" { default = "tf-port" }
provider "openstack" {
  auth_url            = "${keystoneUrl}"
  region              = "${region}"
  user_name           = "${member.user}"
  password            = "${member.password}"
  tenant_name         = "${member.project}"
  user_domain_name    = "Default"
  project_domain_name = "Default"
}
provider "openstack" {
  alias               = "admin"
  auth_url            = "${keystoneUrl}"
  region              = "${region}"
  user_name           = "admin"
  password            = "${keystoneAdminPassword}"
  tenant_name         = "admin"
  user_domain_name    = "Default"
  project_domain_name = "Default"
}
resource "openstack_networking_network_v2" "public" {
  provider = openstack.admin
  name     = "tf-public"
  external = true
}
resource "openstack_networking_subnet_v2" "public" {
  provider    = openstack.admin
  network_id  = openstack_networking_network_v2.public.id
  cidr        = "203.0.113.0/24"
  enable_dhcp = false
}
resource "openstack_networking_network_v2" "net" {
  name           = "tf-net"
  admin_state_up = true
}
resource "openstack_networking_subnet_v2" "v4" {
  name            = "tf-v4"
  network_id      = openstack_networking_network_v2.net.id
  cidr            = "10.40.0.0/24"
  ip_version      = 4
  dns_nameservers = ["10.40.0.2"]
  allocation_pool {
    start = "10.40.0.10"
    end   = "10.40.0.100"
  }
}
resource "openstack_networking_subnet_route_v2" "route" {
  subnet_id        = openstack_networking_subnet_v2.v4.id
  destination_cidr = "10.41.0.0/24"
  next_hop         = "10.40.0.1"
}
resource "openstack_networking_subnet_v2" "v6" {
  name       = "tf-v6"
  network_id = openstack_networking_network_v2.net.id
  cidr       = "fd00:40::/64"
  ip_version = 6
  no_gateway = true
}
resource "openstack_networking_secgroup_v2" "sg" {
  name        = "tf-sg"
  description = "ssh in"
}
resource "openstack_networking_secgroup_rule_v2" "ssh" {
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 22
  port_range_max    = 22
  remote_ip_prefix  = "0.0.0.0/0"
  security_group_id = openstack_networking_secgroup_v2.sg.id
}
resource "openstack_networking_port_v2" "port" {
  name               = var.port_name
  network_id         = openstack_networking_network_v2.net.id
  security_group_ids = [openstack_networking_secgroup_v2.sg.id]
  device_owner       = "compute:nova"
  tags               = ["tf"]
  fixed_ip {
    subnet_id  = openstack_networking_subnet_v2.v4.id
    ip_address = "10.40.0.10"
  }
  allowed_address_pairs {
    ip_address = "10.40.0.200"
  }
}
resource "openstack_networking_port_v2" "auto" {
  name       = "tf-auto"
  network_id = openstack_networking_network_v2.net.id
  depends_on = [openstack_networking_subnet_v2.v4, openstack_networking_subnet_v2.v6]
}
resource "openstack_networking_router_v2" "router" {
  name                = "tf-router"
  external_network_id = openstack_networking_network_v2.public.id
  depends_on          = [openstack_networking_subnet_v2.public]
}
resource "openstack_networking_router_interface_v2" "v4" {
  router_id = openstack_networking_router_v2.router.id
  subnet_id = openstack_networking_subnet_v2.v4.id
}
resource "openstack_networking_router_route_v2" "onward" {
  router_id        = openstack_networking_router_v2.router.id
  destination_cidr = "10.42.0.0/24"
  next_hop         = "10.40.0.254"
  depends_on       = [openstack_networking_router_interface_v2.v4]
}
resource "openstack_networking_floatingip_v2" "fip" {
  pool       = openstack_networking_network_v2.public.name
  depends_on = [openstack_networking_subnet_v2.public]
}
resource "openstack_networking_floatingip_associate_v2" "fip" {
  floating_ip = openstack_networking_floatingip_v2.fip.address
  port_id     = openstack_networking_port_v2.port.id
  depends_on  = [openstack_networking_router_interface_v2.v4]
}
output "router_id" { value = openstack_networking_router_v2.router.id }
output "fip_id" { value = openstack_networking_floatingip_v2.fip.id }
output "port_id" { value = openstack_networking_port_v2.port.id }
output "auto_ips" { value = openstack_networking_port_v2.auto.all_fixed_ips }
output "network_id" { value = openstack_networking_network_v2.net.id }
output "v4_id" { value = openstack_networking_subnet_v2.v4.id }
output "sg_id" { value = openstack_networking_secgroup_v2.sg.id }
`;
}

/**
 * Terraform's OpenStack provider (terraform-provider-openstack, unchanged) against the standalone
 * control plane, found through Keystone's catalog: apply, a plan that must find no drift (every
 * attribute read back as written), the result checked through the API, an in-place update, and
 * destroy leaving nothing behind.
 */
describeWithTools('Terraform with the OpenStack provider against the standalone control plane', [operatorTools.terraform, operatorTools.terraformPluginDir], () => {
  let setup: OperatorSetup;
  let dir: string;
  let api: ApiClient;

  beforeAll(async () => {
    setup = await startBehindKeystone('tf');
    const { member, region } = setup;
    dir = setup.dir;
    api = apiClient(setup.fixture.service.baseUrl, { 'x-auth-token': await keystoneLogin(member.user, member.password, member.project) });
    writeFileSync(join(dir, 'main.tf'), configuration(region, member));
    // The provider comes from deploy/local/tooling.sh's build, not the registry (out of reach here).
    writeFileSync(
      join(dir, 'cli.tfrc'),
      `provider_installation {\n  dev_overrides {\n    "terraform-provider-openstack/openstack" = "${operatorTools.terraformPluginDir}"\n  }\n  direct {}\n}\n`,
    );
  }, 120_000);
  afterAll(async () => {
    // Whatever a failed step left: destroy is idempotent.
    if (dir) await terraform('destroy', '-auto-approve');
    await setup?.close();
  }, 300_000);

  function terraform(...args: string[]): Promise<ToolRun> {
    const env = { ...process.env, TF_CLI_CONFIG_FILE: join(dir, 'cli.tfrc'), TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1', HOME: dir };
    return runTool(operatorTools.terraform ?? 'terraform', [args[0], '-no-color', ...args.slice(1)], { env, cwd: dir, timeoutMs: 240_000 });
  }
  const succeeded = (run: ToolRun) => ({ code: run.code, errors: run.stderr.split('\n').filter((l) => l.startsWith('Error')) });

  it('applies networks, subnets, a host route, a security group, ports, a router and a floating IP; plans no drift; updates in place; destroys everything', async () => {
    expect(succeeded(await terraform('apply', '-auto-approve'))).toEqual({ code: 0, errors: [] });
    const noDrift = await terraform('plan', '-detailed-exitcode');
    expect({ code: noDrift.code, plan: noDrift.code === 0 ? '' : noDrift.stdout }).toEqual({ code: 0, plan: '' });

    const outputs = JSON.parse((await terraform('output', '-json')).stdout) as Record<string, { value: unknown }>;
    const out = (name: string) => outputs[name].value;
    const port = (await api.get<{ port: PortBody & Record<string, unknown> }>(`/v2.0/ports/${String(out('port_id'))}`)).body.port;
    expect(port).toMatchObject({
      name: 'tf-port',
      device_owner: 'compute:nova',
      fixed_ips: [{ subnet_id: out('v4_id'), ip_address: '10.40.0.10' }],
      security_groups: [out('sg_id')],
      allowed_address_pairs: [{ ip_address: '10.40.0.200', mac_address: port.mac_address }],
      tags: ['tf'],
    });
    const autoIps = out('auto_ips') as string[];
    expect(autoIps).toHaveLength(2);
    expect(autoIps[0]).toMatch(/^10\.40\.0\./);
    expect(autoIps[1]).toMatch(/^fd00:40::/);
    const subnet = (await api.get<{ subnet: Body }>(`/v2.0/subnets/${String(out('v4_id'))}`)).body.subnet;
    expect(subnet.host_routes).toEqual([{ destination: '10.41.0.0/24', nexthop: '10.40.0.1' }]);
    const router = (await api.get<{ router: Body }>(`/v2.0/routers/${String(out('router_id'))}`)).body.router;
    expect(router).toMatchObject({ routes: [{ destination: '10.42.0.0/24', nexthop: '10.40.0.254' }], external_gateway_info: { network_id: expect.any(String) } });
    const fip = (await api.get<{ floatingip: Body }>(`/v2.0/floatingips/${String(out('fip_id'))}`)).body.floatingip;
    expect(fip).toMatchObject({ port_id: port.id, fixed_ip_address: '10.40.0.10', router_id: router.id, floating_ip_address: expect.stringMatching(/^203\.0\.113\./) });

    expect(succeeded(await terraform('apply', '-auto-approve', '-var', 'port_name=tf-renamed'))).toEqual({ code: 0, errors: [] });
    const renamed = (await api.get<{ port: PortBody }>(`/v2.0/ports/${String(out('port_id'))}`)).body.port;
    expect(renamed).toMatchObject({ id: port.id, name: 'tf-renamed' });
    expect(renamed.revision_number).toBeGreaterThan(port.revision_number);
    expect((await terraform('plan', '-detailed-exitcode', '-var', 'port_name=tf-renamed')).code).toBe(0);

    expect(succeeded(await terraform('destroy', '-auto-approve'))).toEqual({ code: 0, errors: [] });
    expect((await api.get(`/v2.0/networks/${String(out('network_id'))}`)).status).toBe(404);
    expect((await api.get<{ ports: Body[] }>('/v2.0/ports')).body.ports).toEqual([]);
    expect((await api.get<{ routers: Body[] }>('/v2.0/routers')).body.routers).toEqual([]);
    expect((await api.get<{ floatingips: Body[] }>('/v2.0/floatingips')).body.floatingips).toEqual([]);
    const groups = (await api.get<{ security_groups: Body[] }>('/v2.0/security-groups')).body.security_groups;
    expect(groups.map((g) => g.name)).toEqual(['default']);
  }, 600_000);
});
