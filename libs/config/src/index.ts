export * from './env';
export * from './ranges';
