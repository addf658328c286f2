export * from './address';
export * from './cidr';
export * from './pools';
export * from './eui64';
export * from './subnet';
