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
  /** Automatic requests: subnets to fall back on, in order, when the pools of `subnetId` are full. */
  alternatives?: string[];
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
  /** subnetId first, then the alternatives: where an automatic address may come from. */
  candidates: string[];
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
      for (const { index, ip } of await allocateAutomatic(tx, ranges, planned.filter((p) => !p.address))) allocated[index] = ip;
      for (const range of ranges.values()) {
        const mine = allocated.filter((a) => a.subnetId === range.subnetId).map((a) => ({ ip_address: a.ipAddress, port_id: a.portId }));
        if (mine.length > 0) await recordAllocationChange(tx, 'created', range, mine);
      }
      return allocated;
    });
  }
}

/** Input checks that need no store, before any transaction opens. */
function plan(request: IpAllocationRequest, index: number): Planned {
  if (!UUID_PATTERN.test(request.subnetId ?? '')) throw subnetNotFound(String(request.subnetId));
  const given = request.ipAddress ?? undefined;
  const subnetId = request.subnetId.toLowerCase();
  const alternatives = given === undefined ? (request.alternatives ?? []) : [];
  for (const alternative of alternatives) if (!UUID_PATTERN.test(alternative ?? '')) throw subnetNotFound(String(alternative));
  return {
    index,
    subnetId,
    candidates: [...new Set([subnetId, ...alternatives.map((a) => a.toLowerCase())])],
    portId: request.portId === null ? null : readUuid(request.portId, 'port_id'),
    address: given === undefined ? undefined : readIpAddress(given),
    given,
    ipVersion: request.ipVersion,
  };
}

/**
 * Locks each requested subnet's range once, in id order (a stable order cannot deadlock with
 * another call). Alternatives are locked when first needed: the lock is shared (FOR KEY SHARE),
 * so allocators never wait for each other, whatever the order.
 */
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

/**
 * Automatic addresses, claimed together per subnet. A request whose subnet is full moves on to its
 * next candidate subnet; IpAddressGenerationFailure only when a request has none left.
 */
async function allocateAutomatic(tx: EntityManager, ranges: Map<string, IpRangeEntity>, requests: Planned[]): Promise<{ index: number; ip: AllocatedIp }[]> {
  const allocated: { index: number; ip: AllocatedIp }[] = [];
  let pending = requests.map((request) => ({ request, candidate: 0 }));
  while (pending.length > 0) {
    const unfilled: typeof pending = [];
    for (const [subnetId, group] of groupBy(pending, (p) => p.request.candidates[p.candidate])) {
      const range = await rangeOf(tx, ranges, subnetId);
      for (const { request } of group) {
        if (request.ipVersion !== undefined && request.ipVersion !== range.ipVersion) {
          throw badRequest(`ip_version ${request.ipVersion} does not match subnet ${range.subnetId} (IPv${range.ipVersion})`);
        }
      }
      const addresses = await allocateFromPools(tx, poolSpaceOf(range), group.map((p) => p.request.portId));
      group.forEach((p, i) => {
        const address = addresses[i];
        if (address !== undefined) allocated.push({ index: p.request.index, ip: result(range, p.request.portId, address) });
        else if (p.candidate + 1 < p.request.candidates.length) unfilled.push({ request: p.request, candidate: p.candidate + 1 });
        else throw ipAddressGenerationFailure(range.networkId);
      });
    }
    pending = unfilled;
  }
  return allocated;
}

async function rangeOf(tx: EntityManager, ranges: Map<string, IpRangeEntity>, subnetId: string): Promise<IpRangeEntity> {
  const known = ranges.get(subnetId);
  if (known) return known;
  const range = await IpRangeRepository.lockForAllocation(tx, subnetId);
  ranges.set(subnetId, range);
  return range;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function result(range: IpRangeEntity, portId: string | null, ipAddress: string): AllocatedIp {
  return { subnetId: range.subnetId, networkId: range.networkId, ipVersion: range.ipVersion, portId, ipAddress };
}
