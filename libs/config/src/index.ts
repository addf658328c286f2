export * from './env';
export * from './ranges';
export * from './manager-urls';
