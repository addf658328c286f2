import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { QUOTA_ENFORCER } from '@alcor/contracts';
import { NeutronExtensions } from '@alcor/neutron-api';
import { ENVIRONMENT } from '@alcor/platform';
import { InProcessQuotaEnforcer } from './client/in-process-quota-enforcer';
import { QUOTA_DEFAULTS, quotaDefaultsFrom } from './domain/quota-defaults';
import { AlcorQuotaAppliesController, AlcorQuotasController } from './http/alcor-quotas.controller';
import { NeutronQuotasController } from './http/neutron-quotas.controller';
import { ApplyQuota } from './use-cases/apply-quota/apply-quota';
import { EnforceQuota } from './use-cases/enforce-quota/enforce-quota';
import { QueryQuotas } from './use-cases/query-quotas/query-quotas';
import { UpdateQuotas } from './use-cases/update-quotas/update-quotas';

/**
 * The quota manager: per-project limits and usage, on Neutron's /v2.0/quotas and Alcor's API.
 * Global: its QUOTA_ENFORCER serves the other managers of the process, in their transactions.
 */
@Global()
@Module({
  controllers: [NeutronQuotasController, AlcorQuotasController, AlcorQuotaAppliesController],
  providers: [
    { provide: QUOTA_DEFAULTS, inject: [ENVIRONMENT], useFactory: quotaDefaultsFrom },
    EnforceQuota,
    ApplyQuota,
    QueryQuotas,
    UpdateQuotas,
    { provide: QUOTA_ENFORCER, useClass: InProcessQuotaEnforcer },
  ],
  exports: [QUOTA_ENFORCER],
})
export class QuotaModule implements OnModuleInit {
  constructor(@Inject(NeutronExtensions) private readonly extensions: NeutronExtensions) {}

  onModuleInit(): void {
    this.extensions.registerCollections('quotas');
    this.extensions.register(
      { alias: 'quotas', name: 'Quota management support', description: 'Expose functions for quotas management per project' },
      { alias: 'quota_details', name: 'Quota details management support', description: 'Expose functions for quotas usage statistics per project' },
      { alias: 'quota-check-limit', name: 'Quota engine limit check', description: 'Support for checking the resource usage before applying a new quota limit' },
    );
  }
}
