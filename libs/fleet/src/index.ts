// @alcor/fleet: simulated host agents for tests and benchmarks (no Nest, no store).
export * from './agent-state';
export * from './fake-agent';
export * from './fleet';
export * from './push-metadata';
export * from './pulsar-fake-agent';
