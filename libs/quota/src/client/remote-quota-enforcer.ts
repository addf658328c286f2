import { INTERNAL_SERVICE_HEADERS, QUOTA_ENFORCER } from '@alcor/contracts';
import { RemoteClient } from '@alcor/platform';
import { RestQuotaEnforcer } from './rest-quota-enforcer';

/**
 * Split mode: the managers that create counted resources reach the quota manager at
 * QUOTA_MANAGER_URL. Opt-in: without it no quota is enforced, so a split deployment without a
 * quota manager keeps working (standalone always enforces).
 */
export const remoteQuotaEnforcer: RemoteClient = {
  token: QUOTA_ENFORCER,
  create: (env) => (env.QUOTA_MANAGER_URL ? new RestQuotaEnforcer(env.QUOTA_MANAGER_URL, { ...INTERNAL_SERVICE_HEADERS }) : undefined),
};
