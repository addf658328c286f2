export * from './events/resource-event';
export * from './events/topics';
export * from './vpc/network';
export * from './vpc/vpc-client';
export * from './vpc/rest-vpc-client';
