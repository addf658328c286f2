import { PersistenceSchema } from '@alcor/persistence';
import { QuotaApplyEntity } from './domain/quota-apply.entity';
import { QuotaLimitEntity } from './domain/quota-limit.entity';
import { QuotaUsageEntity } from './domain/quota-usage.entity';
import { CreateQuotas1764300000000 } from './migrations/1764300000000-create-quotas';

/** The quota manager's tables (shared-nothing: no other manager reads them directly). */
export const quotaSchema: PersistenceSchema = {
  entities: [QuotaLimitEntity, QuotaUsageEntity, QuotaApplyEntity],
  migrations: [CreateQuotas1764300000000],
};
