import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { badRequest, UUID_PATTERN } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { allocateFromPools, claimAddress } from '../../allocation/address-allocator';
import { poolSpaceOf } from '../../allocation/pool-space';
import { readIpAddress, readUuid } from '../../domain/address-input';
import { IpRangeEntity } from '../../domain/ip-range.entity';
import { IpRangeRepository } from '../../domain/ip-range.repository';
import { invalidIpForSubnet, ipAddressAlreadyAllocated, ipAddressGenerationFailure, subnetNotFound } from '../../domain/ipam-errors';
import { recordAllocationChange } from '../../events/ip-events';
import { formatIp, IpAddress, isUsableAddress, parseCidr } from '@alcor/netaddr';

export interface IpAllocationRequest {
  subnetId: string;
  /** Null for Alcor's POST /ips, which names no port. */
  portId: string | null;
  /** A specific address; absent or null: the next free one of the subnet's pools. */
  ipAddress?: string | null;
  /** Alcor's ip_version: when given, it must be the subnet's. */
  ipVersion?: 4 | 6;
}

export interface AllocatedIp {
  subnetId: string;
  networkId: string;
  ipVersion: 4 | 6;
  portId: string | null;
  ipAddress: string;
}

interface Planned {
  index: number;
  subnetId: string;
  portId: string | null;
  address?: IpAddress;
  given?: string;
  ipVersion?: 4 | 6;
}

/**
 * Allocates addresses, all or none (Neutron semantics). Explicit addresses: inside the CIDR,
 * not its network or IPv4 broadcast address, free (the gateway may be asked for: a router
 * interface takes it). Automatic: from the pools only. No in-process lock anywhere: the primary
 * key of ip_allocations arbitrates, so replicas and concurrent requests are safe. Called inside
 * another unit of work (in-process), it joins it.
 */
@Injectable()
export class AllocateIps {
  constructor(private readonly database: Database) {}

  async execute(requests: IpAllocationRequest[]): Promise<AllocatedIp[]> {
    if (requests.length === 0) return [];
    const planned = requests.map(plan);
    return this.database.transaction(async (tx) => {
      const ranges = await lockRanges(tx, planned);
      const allocated: AllocatedIp[] = new Array(planned.length);
      // Explicit requests first, so an automatic pick in the same call cannot take them.
      for (const request of planned.filter((p) => p.address)) allocated[request.index] = await allocateExplicit(tx, ranges, request);
      for (const [subnetId, requests] of groupBySubnet(planned.filter((p) => !p.address))) {
        for (const allocation of await allocateAutomatic(tx, ranges.get(subnetId) as IpRangeEntity, requests)) allocated[allocation.index] = allocation.ip;
      }
      for (const range of ranges.values()) {
        const mine = allocated.filter((a) => a.subnetId === range.subnetId).map((a) => ({ ip_address: a.ipAddress, port_id: a.portId }));
        await recordAllocationChange(tx, 'created', range, mine);
      }
      return allocated;
    });
  }
}

/** Input checks that need no store, before any transaction opens. */
function plan(request: IpAllocationRequest, index: number): Planned {
  if (!UUID_PATTERN.test(request.subnetId ?? '')) throw subnetNotFound(String(request.subnetId));
  const given = request.ipAddress ?? undefined;
  return {
    index,
    subnetId: request.subnetId.toLowerCase(),
    portId: request.portId === null ? null : readUuid(request.portId, 'port_id'),
    address: given === undefined ? undefined : readIpAddress(given),
    given,
    ipVersion: request.ipVersion,
  };
}

/** Locks each subnet's range once, in id order (a stable order cannot deadlock with another call). */
async function lockRanges(tx: EntityManager, planned: Planned[]): Promise<Map<string, IpRangeEntity>> {
  const ranges = new Map<string, IpRangeEntity>();
  for (const subnetId of [...new Set(planned.map((p) => p.subnetId))].sort()) {
    ranges.set(subnetId, await IpRangeRepository.lockForAllocation(tx, subnetId));
  }
  return ranges;
}

async function allocateExplicit(tx: EntityManager, ranges: Map<string, IpRangeEntity>, request: Planned): Promise<AllocatedIp> {
  const range = ranges.get(request.subnetId) as IpRangeEntity;
  const address = request.address as IpAddress;
  const cidr = parseCidr(range.cidr);
  if (!cidr || !isUsableAddress(cidr, address)) throw invalidIpForSubnet(request.given ?? formatIp(address));
  const ipAddress = formatIp(address);
  if (!(await claimAddress(tx, range.subnetId, ipAddress, address.value, request.portId))) {
    throw ipAddressAlreadyAllocated(ipAddress, range.subnetId);
  }
  return result(range, request.portId, ipAddress);
}

/** Automatic addresses for several requests on one subnet, all claimed together. */
async function allocateAutomatic(tx: EntityManager, range: IpRangeEntity, requests: Planned[]): Promise<{ index: number; ip: AllocatedIp }[]> {
  for (const request of requests) {
    if (request.ipVersion !== undefined && request.ipVersion !== range.ipVersion) {
      throw badRequest(`ip_version ${request.ipVersion} does not match subnet ${range.subnetId} (IPv${range.ipVersion})`);
    }
  }
  const addresses = await allocateFromPools(tx, poolSpaceOf(range), requests.map((r) => r.portId));
  if (addresses.some((a) => a === undefined)) throw ipAddressGenerationFailure(range.networkId);
  return requests.map((request, i) => ({ index: request.index, ip: result(range, request.portId, addresses[i] as string) }));
}

function groupBySubnet(requests: Planned[]): Map<string, Planned[]> {
  const groups = new Map<string, Planned[]>();
  for (const request of requests) {
    const group = groups.get(request.subnetId);
    if (group) group.push(request);
    else groups.set(request.subnetId, [request]);
  }
  return groups;
}

function result(range: IpRangeEntity, portId: string | null, ipAddress: string): AllocatedIp {
  return { subnetId: range.subnetId, networkId: range.networkId, ipVersion: range.ipVersion, portId, ipAddress };
}
