export * from './node.module';
export * from './node.schema';
export * from './client/in-process-node.client';
export * from './client/rest-node.client';
export type { NodeInfo } from './http/node.mapper';
export { NODE_RESOURCE } from './events/node-events';
