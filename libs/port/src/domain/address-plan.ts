import { IpRequest, Subnet } from '@alcor/contracts';
import { canonicalIp, cidrContains, eui64Address, parseCidr, parseIp } from '@alcor/netaddr';
import { badRequest, invalidInput } from '@alcor/neutron-api';
import { FixedIpRequest } from '../http/port-attributes';

const AUTO_ADDRESS_MODES = new Set(['slaac', 'dhcpv6-stateless']);

const isAutoAddressed = (s: Subnet) => s.ip_version === 6 && AUTO_ADDRESS_MODES.has(s.ipv6_address_mode ?? '');

/** The SLAAC address a port gets on an auto-addressed IPv6 subnet. */
function slaacAddress(subnet: Subnet, mac: string): string {
  return eui64Address(subnet.cidr, mac);
}

/**
 * Which addresses a port asks IPAM for (pure). Neutron's rules: with no fixed_ips, one address
 * from the IPv4 subnets, one from the IPv6 subnets that are not auto-addressed (stateful or no
 * mode), and the SLAAC address of every auto-addressed IPv6 subnet. Within each group the
 * subnets are tried in turn, so only a network whose subnets of that group are all full fails.
 * With fixed_ips: exactly those, each resolved to a subnet of the port's network.
 */
export function planAddresses(networkId: string, portId: string, requested: FixedIpRequest[] | undefined, subnets: Subnet[], mac: string): IpRequest[] {
  if (requested === undefined) {
    const fromGroup = (group: Subnet[]): IpRequest[] =>
      group.length === 0 ? [] : [{ subnetId: group[0].id, portId, ...(group.length > 1 ? { alternatives: group.slice(1).map((s) => s.id) } : {}) }];
    const auto = subnets.filter(isAutoAddressed).map((s) => ({ subnetId: s.id, portId, ipAddress: slaacAddress(s, mac) }));
    return [
      ...fromGroup(subnets.filter((s) => s.ip_version === 4)),
      ...fromGroup(subnets.filter((s) => s.ip_version === 6 && !isAutoAddressed(s))),
      ...auto,
    ];
  }
  const plan = requested.map((r) => resolveOne(networkId, portId, r, subnets, mac));
  const seen = new Set<string>();
  for (const p of plan) {
    const key = p.ipAddress ? `${p.subnetId}/${p.ipAddress}` : undefined;
    if (key && seen.has(key)) throw invalidInput(`Duplicate IP address '${p.ipAddress}' in fixed_ips.`);
    if (key) seen.add(key);
  }
  return plan;
}

function resolveOne(networkId: string, portId: string, r: FixedIpRequest, subnets: Subnet[], mac: string): IpRequest {
  const address = r.ip_address === undefined ? undefined : canonicalIp(r.ip_address);
  if (r.ip_address !== undefined && !address) throw invalidInput(`'${r.ip_address}' is not a valid IP address.`);
  if (r.subnet_id !== undefined) {
    const subnet = subnets.find((s) => s.id === r.subnet_id);
    if (!subnet) {
      throw badRequest(`Invalid input for operation: Failed to create port on network ${networkId}, because fixed_ips included invalid subnet ${r.subnet_id}.`, 'InvalidInput');
    }
    if (address) return { subnetId: subnet.id, portId, ipAddress: address };
    return isAutoAddressed(subnet) ? { subnetId: subnet.id, portId, ipAddress: slaacAddress(subnet, mac) } : { subnetId: subnet.id, portId };
  }
  const owner = subnets.find((s) => {
    const cidr = parseCidr(s.cidr);
    const parsed = address === undefined ? undefined : parseIp(address);
    return cidr !== undefined && parsed !== undefined && cidrContains(cidr, parsed);
  });
  if (!owner || !address) {
    throw badRequest(`IP address ${r.ip_address} is not a valid IP for any of the subnets on the specified network.`, 'InvalidIpForNetwork');
  }
  return { subnetId: owner.id, portId, ipAddress: address };
}
