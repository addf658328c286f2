import { Injectable } from '@nestjs/common';
import { RequestContext } from '@alcor/neutron-api';
import { Database, GroupCommit } from '@alcor/persistence';
import { PortEntity } from '../../domain/port.entity';
import { DeletePorts, PortDeleteRequest } from './delete-ports';

/**
 * Neutron's DELETE /ports/{id} joins a group commit: deletes that arrive together are one
 * transaction (one lock statement, one release per allocator, one quota update), so concurrent
 * deletes no longer queue one by one on the project's quota row.
 */
@Injectable()
export class PortDeleteBatcher {
  private readonly group: GroupCommit<PortDeleteRequest, PortEntity>;

  constructor(deletes: DeletePorts, database: Database) {
    this.group = new GroupCommit(database, (requests) => deletes.execute(requests));
  }

  execute(ctx: RequestContext, id: string, ifMatch?: number[], allowServicePorts = false): Promise<PortEntity> {
    return this.group.submit({ ctx, id, ifMatch, allowServicePorts });
  }
}
