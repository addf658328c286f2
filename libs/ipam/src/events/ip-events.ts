import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ChangeKind, eventType, ResourceEvent } from '@alcor/contracts';
import { enqueueOutbox } from '@alcor/persistence';
import { IpRangeEntity } from '../domain/ip-range.entity';
import { IpRangeRecord, toIpRangeRecord } from '../http/ip.mapper';

/**
 * The IPAM manager's topic (to join TOPICS in @alcor/contracts as `ipEvents`). Keyed by subnet
 * id, so a range's definition changes and its allocations reach consumers in commit order.
 */
export const IPAM_EVENTS_TOPIC = 'persistent://alcor/events/ip-allocations';
export const IP_RANGE_RESOURCE = 'ip_range';
export const IP_ALLOCATION_RESOURCE = 'ip_allocation';

/** Addresses allocated ('created') or released ('deleted') in one subnet by one call. */
export interface IpAllocationsChange {
  subnet_id: string;
  network_id: string;
  allocations: { ip_address: string; port_id: string | null }[];
}

/** Records a range definition change in the outbox, in the transaction that made it. */
export function recordRangeChange(tx: EntityManager, change: ChangeKind, range: IpRangeEntity): Promise<void> {
  return record<IpRangeRecord>(tx, IP_RANGE_RESOURCE, change, range, toIpRangeRecord(range));
}

/**
 * Records allocations or releases of one subnet: one event per call and subnet (not per address),
 * so a bulk port create costs one outbox row per subnet. revisionNumber is the range's, which
 * allocations do not change: order allocation events by their key, not by revision.
 */
export function recordAllocationChange(
  tx: EntityManager,
  change: 'created' | 'deleted',
  range: IpRangeEntity,
  allocations: IpAllocationsChange['allocations'],
): Promise<void> {
  return record<IpAllocationsChange>(tx, IP_ALLOCATION_RESOURCE, change, range, {
    subnet_id: range.subnetId,
    network_id: range.networkId,
    allocations,
  });
}

async function record<T>(tx: EntityManager, resource: string, change: ChangeKind, range: IpRangeEntity, data: T): Promise<void> {
  const event: ResourceEvent<T> = {
    schemaVersion: 1,
    eventId: randomUUID(),
    type: eventType(resource, change),
    resource,
    resourceId: range.subnetId,
    projectId: range.projectId,
    revisionNumber: range.revisionNumber,
    occurredAt: new Date().toISOString(),
    data,
  };
  await enqueueOutbox(tx, { topic: IPAM_EVENTS_TOPIC, key: range.subnetId, eventType: event.type, eventId: event.eventId, payload: event });
}
