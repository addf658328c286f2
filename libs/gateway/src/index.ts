export * from './api-gateway.module';
export * from './register-proxies';
export * from './routes';
