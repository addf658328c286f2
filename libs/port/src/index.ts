export * from './port.module';
export * from './port.schema';
