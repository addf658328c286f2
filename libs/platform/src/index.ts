export * from './core.module';
export * from './health.controller';
export * from './http-service';
export * from './tokens';
export * from './remote-clients.module';
