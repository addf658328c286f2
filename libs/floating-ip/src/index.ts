export * from './floating-ip.module';
export * from './floating-ip.schema';
