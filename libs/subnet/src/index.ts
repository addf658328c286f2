export * from './subnet.module';
export * from './subnet.schema';
export * from './client/rest-subnet.client';
