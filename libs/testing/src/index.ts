export * from './stores';

export * from './http-client';
export * from './wait-for';
export * from './process-service';
