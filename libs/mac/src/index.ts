export * from './mac.module';
export * from './mac.schema';
export * from './client/rest-mac.allocator';
export { MAC_RANDOM_SOURCE } from './generation/mac-random-source';
export type { MacRandomSource } from './generation/mac-random-source';
export type { AlcorMacState, AlcorMacRange } from './http/alcor-mac-shapes';
