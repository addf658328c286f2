import { IpPool } from '@alcor/netaddr';
import { IpRangeEntity } from '../domain/ip-range.entity';
import { AllocatedIp } from '../use-cases/allocate-ips/allocate-ips';

/**
 * Alcor's range shape {id, vpc_id, subnet_id, ip_version, first_ip, last_ip, used_ips,
 * total_ips}, plus the definition Alcor kept elsewhere (cidr, gateway_ip, allocation_pools).
 * id == subnet_id: one range per subnet. total_ips of a huge IPv6 pool loses precision as a
 * JSON number, as it would in any JSON client.
 */
export interface IpRangeRecord {
  id: string;
  vpc_id: string;
  subnet_id: string;
  project_id: string;
  ip_version: 4 | 6;
  cidr: string;
  gateway_ip: string | null;
  allocation_pools: IpPool[];
  first_ip: string;
  last_ip: string;
  total_ips: number;
}

export type AlcorIpRange = IpRangeRecord & { used_ips: number };

/** Alcor's IpAddrRequest as answered: state is always "activated" here (no deactivation). */
export interface AlcorIpRequest {
  ip_version: 4 | 6;
  vpc_id: string;
  subnet_id: string;
  range_id: string;
  ip: string;
  state: 'activated';
  port_id: string | null;
}

export function toIpRangeRecord(range: IpRangeEntity): IpRangeRecord {
  return {
    id: range.subnetId,
    vpc_id: range.networkId,
    subnet_id: range.subnetId,
    project_id: range.projectId,
    ip_version: range.ipVersion,
    cidr: range.cidr,
    gateway_ip: range.gatewayIp,
    allocation_pools: range.allocationPools,
    first_ip: range.firstIp,
    last_ip: range.lastIp,
    total_ips: Number(range.totalIps),
  };
}

export function toAlcorRange(range: IpRangeEntity, usedIps: number): AlcorIpRange {
  return { ...toIpRangeRecord(range), used_ips: usedIps };
}

export function toAlcorIpRequest(ip: AllocatedIp): AlcorIpRequest {
  return {
    ip_version: ip.ipVersion,
    vpc_id: ip.networkId,
    subnet_id: ip.subnetId,
    range_id: ip.subnetId,
    ip: ip.ipAddress,
    state: 'activated',
    port_id: ip.portId,
  };
}
