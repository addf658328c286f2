import { Injectable } from '@nestjs/common';
import { RequestContext, sameTags, TagStore, touch } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { PortEntity } from '../../domain/port.entity';
import { PortRepository } from '../../domain/port.repository';
import { recordPortChange } from '../../events/port-events';
import { toPort } from '../../http/port.mapper';

export const PORT_TAGS = Symbol('PortTags');

/** Neutron's standard-attr-tag on ports. */
@Injectable()
export class PortTags implements TagStore {
  constructor(private readonly database: Database) {}

  async read(ctx: RequestContext, id: string): Promise<string[]> {
    return (await this.database.read((em) => PortRepository.getVisible(em, ctx, id))).tags;
  }

  write(ctx: RequestContext, id: string, next: (tags: string[]) => string[]): Promise<string[]> {
    return this.database.transaction(async (tx) => {
      const port = await PortRepository.lockOwned(tx, ctx, id);
      const tags = next(port.tags);
      if (sameTags(tags, port.tags)) return port.tags;
      port.tags = tags;
      touch(port);
      await tx.update(PortEntity, { id: port.id }, { tags, revisionNumber: port.revisionNumber, updatedAt: port.updatedAt });
      await recordPortChange(tx, 'updated', toPort(port));
      return tags;
    });
  }
}
