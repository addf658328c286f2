export * from './ipam.module';
export * from './ipam.schema';
export * from './client/rest-ip-allocator';
export { IPAM_EVENTS_TOPIC, IP_ALLOCATION_RESOURCE, IP_RANGE_RESOURCE } from './events/ip-events';
export type { IpAllocationsChange } from './events/ip-events';
export type { IpRangeRecord } from './http/ip.mapper';
