import { QuotaLimits } from '../domain/quota-defaults';

/** One project's limits in the list shape of GET /v2.0/quotas (Neutron adds project_id and tenant_id). */
export function toProjectQuota(projectId: string, limits: QuotaLimits) {
  return { ...limits, project_id: projectId, tenant_id: projectId };
}
