export * from './address';
export * from './subnet-defaults';
