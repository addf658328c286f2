export * from './vpc.module';
export * from './vpc.schema';
