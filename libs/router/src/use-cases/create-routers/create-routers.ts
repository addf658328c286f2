import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { conflict, RequestContext } from '@alcor/neutron-api';
import { Database, isUniqueViolation, transactionWithCompensation } from '@alcor/persistence';
import { RouterDraft } from '../../domain/router-draft';
import { RouterEntity } from '../../domain/router.entity';
import { recordRouterChange } from '../../events/router-events';
import { RouterDependencies } from '../router-dependencies';
import { RouterGateway } from '../router-gateway';

/** Creates one or many routers atomically (bulk is all-or-none), each with its gateway port if asked. */
@Injectable()
export class CreateRouters {
  private readonly logger = new Logger(CreateRouters.name);

  constructor(
    private readonly database: Database,
    private readonly deps: RouterDependencies,
    private readonly gateway: RouterGateway,
  ) {}

  async execute(ctx: RequestContext, drafts: RouterDraft[]): Promise<RouterEntity[]> {
    try {
      return await transactionWithCompensation(
        this.database,
        async (tx, onFailure) => {
          const perProject = new Map<string, number>();
          for (const d of drafts) perProject.set(d.projectId, (perProject.get(d.projectId) ?? 0) + 1);
          for (const [projectId, count] of perProject) await this.deps.consumeQuota(projectId, count, onFailure);
          const created: RouterEntity[] = [];
          for (const draft of drafts) {
            const now = new Date();
            const router = tx.create(RouterEntity, {
              id: draft.id ?? randomUUID(),
              projectId: draft.projectId,
              name: draft.name,
              description: draft.description,
              adminStateUp: draft.adminStateUp,
              status: 'ACTIVE',
              gwPortId: null,
              gwNetworkId: null,
              enableSnat: true,
              gwFixedIps: [],
              routes: [],
              availabilityZoneHints: draft.availabilityZoneHints,
              tags: [...new Set(draft.tags)],
              revisionNumber: 1,
              createdAt: now,
              updatedAt: now,
            });
            // The id exists before the row: the gateway port's device_id names it.
            if (draft.gateway) await this.gateway.apply(ctx, 'create', router, draft.gateway, [], onFailure);
            await tx.insert(RouterEntity, router);
            await recordRouterChange(tx, 'created', router);
            created.push(router);
          }
          return created;
        },
        (error) => this.logger.warn(`undo after a failed router create failed: ${String(error)}`),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'routers_pkey')) throw conflict('RouterIdInUse', 'A router with this id already exists.');
      throw error;
    }
  }
}
