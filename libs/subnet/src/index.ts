export * from './subnet.module';
export * from './subnet.schema';
