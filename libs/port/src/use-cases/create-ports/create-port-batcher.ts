import { Injectable } from '@nestjs/common';
import { RequestContext } from '@alcor/neutron-api';
import { Database, GroupCommit } from '@alcor/persistence';
import { PortDraft } from '../../domain/port-draft';
import { PortEntity } from '../../domain/port.entity';
import { CreatePorts } from './create-ports';

/**
 * Neutron's single port create joins a group commit (one MAC call, one IP call and multi-row
 * inserts for every create that waited); a bulk request stays its own all-or-none transaction.
 */
@Injectable()
export class PortCreateBatcher {
  private readonly group: GroupCommit<{ ctx: RequestContext; draft: PortDraft }, PortEntity>;

  constructor(
    private readonly create: CreatePorts,
    database: Database,
  ) {
    // Each draft carries its own project, so one context serves the whole batch.
    this.group = new GroupCommit(database, (items) => create.execute(items[0].ctx, items.map((i) => i.draft)));
  }

  async execute(ctx: RequestContext, drafts: PortDraft[]): Promise<PortEntity[]> {
    if (drafts.length !== 1) return this.create.execute(ctx, drafts);
    return [await this.createOne(ctx, drafts[0])];
  }

  createOne(ctx: RequestContext, draft: PortDraft): Promise<PortEntity> {
    return this.group.submit({ ctx, draft });
  }
}
