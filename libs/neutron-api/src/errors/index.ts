export * from './neutron-error';
