import { IpRangeSpec } from '@alcor/contracts';
import { Attributes, badRequest, invalidInput } from '@alcor/neutron-api';
import { readIpAddress } from '../domain/address-input';
import { coveringCidr, defaultAllocationPools, formatCidr, formatIp, IpAddress, parseCidr, poolBounds } from '@alcor/netaddr';

/**
 * An Alcor range request as a range definition. With `cidr` (preferred): gateway_ip defaults to
 * none and allocation_pools to Neutron's defaults. With Alcor's first_ip/last_ip only: one pool
 * first..last in the smallest CIDR that holds it with room for network and broadcast addresses.
 */
export function rangeSpecFromAlcor(a: Attributes): IpRangeSpec {
  const subnetId = a.subnet_id as string;
  if (a.id != null && a.id !== subnetId) throw badRequest(`id ${String(a.id)} must equal subnet_id ${subnetId}: one range per subnet, named by it`);
  const base = { subnetId, networkId: a.vpc_id as string, projectId: a.project_id as string };
  const cidr = a.cidr as string | null | undefined;
  if (cidr) {
    const parsed = parseCidr(cidr);
    const gatewayIp = (a.gateway_ip as string | null | undefined) ?? null;
    const pools = (a.allocation_pools as IpRangeSpec['allocationPools'] | null | undefined) ?? (parsed ? defaultAllocationPools(cidr, gatewayIp) : []);
    return { ...base, ipVersion: (a.ip_version as 4 | 6 | null) ?? parsed?.version ?? 4, cidr, gatewayIp, allocationPools: pools };
  }
  if (!a.first_ip || !a.last_ip) throw badRequest('Either cidr or both first_ip and last_ip are required');
  const first = readIpAddress(a.first_ip);
  const last = readIpAddress(a.last_ip);
  if (first.version !== last.version || first.value > last.value) throw invalidInput(`IP range ${String(a.first_ip)}-${String(a.last_ip)} is not valid.`);
  return {
    ...base,
    ipVersion: (a.ip_version as 4 | 6 | null) ?? first.version,
    cidr: enclosingCidr(first, last),
    gatewayIp: null,
    allocationPools: [{ start: formatIp(first), end: formatIp(last) }],
  };
}

function enclosingCidr(first: IpAddress, last: IpAddress): string {
  for (let prefix = coveringCidr(first, last).prefixLength; prefix > 0; prefix--) {
    const cidr = parseCidr(`${formatIp(first)}/${prefix}`);
    const bounds = cidr && poolBounds(cidr);
    if (cidr && bounds && bounds.start <= first.value && last.value <= bounds.end) return formatCidr(cidr);
  }
  return `${formatIp({ version: first.version, value: 0n })}/0`;
}
