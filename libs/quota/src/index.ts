export * from './quota.module';
export * from './quota.schema';
export * from './client/rest-quota-enforcer';
export { NEUTRON_DEFAULT_QUOTAS, quotaDefaultsFrom } from './domain/quota-defaults';
export * from './client/remote-quota-enforcer';
