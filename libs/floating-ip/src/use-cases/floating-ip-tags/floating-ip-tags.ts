import { Injectable } from '@nestjs/common';
import { RequestContext, sameTags, TagStore, touch } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { FloatingIpRepository } from '../../domain/floating-ip.repository';
import { saveFloatingIp } from '../../domain/floating-ip-store';
import { recordFloatingIpChange } from '../../events/floating-ip-events';

export const FLOATING_IP_TAGS = Symbol('FloatingIpTags');

/** Neutron's standard-attr-tag on floating IPs. */
@Injectable()
export class FloatingIpTags implements TagStore {
  constructor(private readonly database: Database) {}

  async read(ctx: RequestContext, id: string): Promise<string[]> {
    return (await this.database.read((em) => FloatingIpRepository.getVisible(em, ctx, id))).tags;
  }

  write(ctx: RequestContext, id: string, next: (tags: string[]) => string[]): Promise<string[]> {
    return this.database.transaction(async (tx) => {
      const fip = await FloatingIpRepository.lockOwned(tx, ctx, id);
      const tags = next(fip.tags);
      if (sameTags(tags, fip.tags)) return fip.tags;
      fip.tags = tags;
      touch(fip);
      await saveFloatingIp(tx, fip);
      await recordFloatingIpChange(tx, 'updated', fip);
      return tags;
    });
  }
}
