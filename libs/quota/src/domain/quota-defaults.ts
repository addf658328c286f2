import { Environment } from '@alcor/config';
import { QUOTA_RESOURCES, QuotaResource } from '@alcor/contracts';

export type QuotaLimits = Record<QuotaResource, number>;

/** Neutron's [quotas] defaults (neutron/conf/quota.py). */
export const NEUTRON_DEFAULT_QUOTAS: QuotaLimits = {
  network: 100,
  subnet: 100,
  port: 500,
  router: 10,
  floatingip: 50,
  security_group: 10,
  security_group_rule: 100,
};

export const QUOTA_DEFAULTS = Symbol('QuotaDefaults');

/** The defaults of this deployment: QUOTA_<RESOURCE> overrides Neutron's value (-1 = unlimited). */
export function quotaDefaultsFrom(environment: Partial<Environment>): QuotaLimits {
  const limits = { ...NEUTRON_DEFAULT_QUOTAS };
  for (const resource of QUOTA_RESOURCES) {
    const value = environment[`QUOTA_${resource.toUpperCase()}` as keyof Environment];
    if (typeof value === 'number') limits[resource] = value;
  }
  return limits;
}
