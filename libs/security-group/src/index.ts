export * from './security-group.module';
export * from './security-group.schema';
export * from './client/rest-security-group.client';
