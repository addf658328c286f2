import { Inject, Injectable } from '@nestjs/common';
import { QUOTA_RESOURCES } from '@alcor/contracts';
import { Database } from '@alcor/persistence';
import { QUOTA_DEFAULTS, QuotaLimits } from '../../domain/quota-defaults';
import { QuotaRepository } from '../../domain/quota.repository';

export interface QuotaDetail {
  limit: number;
  used: number;
  reserved: number;
}

/** Reads limits (a project's own, else the defaults) and usage. */
@Injectable()
export class QueryQuotas {
  constructor(
    private readonly database: Database,
    @Inject(QUOTA_DEFAULTS) readonly defaults: QuotaLimits,
  ) {}

  async limitsOf(projectId: string): Promise<QuotaLimits> {
    const rows = await this.database.read((em) => QuotaRepository.limits(em, [projectId]));
    return { ...this.defaults, ...Object.fromEntries(rows.map((r) => [r.resource, r.hardLimit])) };
  }

  /** Neutron's GET /quotas: every project with at least one limit of its own, defaults filled in. */
  async projectsWithLimits(): Promise<{ projectId: string; limits: QuotaLimits }[]> {
    const rows = await this.database.read((em) => QuotaRepository.limits(em));
    const byProject = new Map<string, QuotaLimits>();
    for (const row of rows) {
      const limits = byProject.get(row.projectId) ?? { ...this.defaults };
      (limits as Record<string, number>)[row.resource] = row.hardLimit;
      byProject.set(row.projectId, limits);
    }
    return [...byProject].map(([projectId, limits]) => ({ projectId, limits }));
  }

  async usageOf(projectId: string): Promise<Record<string, number>> {
    const rows = await this.database.read((em) => QuotaRepository.usages(em, projectId));
    return Object.fromEntries(rows.map((r) => [r.resource, r.inUse]));
  }

  /** Neutron's quota_details: reservations are never held past a transaction here, so reserved is 0. */
  async detailsOf(projectId: string): Promise<Record<string, QuotaDetail>> {
    const [limits, usage] = await Promise.all([this.limitsOf(projectId), this.usageOf(projectId)]);
    return Object.fromEntries(QUOTA_RESOURCES.map((r) => [r, { limit: limits[r], used: usage[r] ?? 0, reserved: 0 }]));
  }
}
