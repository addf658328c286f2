import { Injectable } from '@nestjs/common';
import { ListQuery, RequestContext } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { PortEntity } from '../../domain/port.entity';
import { PortRepository } from '../../domain/port.repository';

@Injectable()
export class QueryPorts {
  constructor(private readonly database: Database) {}

  get(ctx: RequestContext, id: string): Promise<PortEntity> {
    return this.database.read((em) => PortRepository.getVisible(em, ctx, id));
  }

  /** Rows for one page (limit + 1, so the caller knows whether another page follows). */
  list(ctx: RequestContext, query: ListQuery): Promise<PortEntity[]> {
    return this.database.read(async (em) => {
      const marker = query.marker ? await PortRepository.getVisible(em, ctx, query.marker) : undefined;
      return PortRepository.list(em, ctx, query, marker);
    });
  }

  /** Alcor's subnet-port-count: ports holding an address of the subnet. */
  async countOnSubnet(ctx: RequestContext, subnetId: string): Promise<number> {
    return this.database.read(async (em) => {
      const project = ctx.isAdmin && !ctx.projectScoped ? undefined : ctx.projectId;
      const rows: { n: string }[] = await em.query(
        `SELECT count(DISTINCT f.port_id) AS n FROM port_fixed_ips f JOIN ports p ON p.id = f.port_id
          WHERE f.subnet_id::text = $1 ${project !== undefined ? 'AND p.project_id = $2' : ''}`,
        project !== undefined ? [subnetId, project] : [subnetId],
      );
      return Number(rows[0].n);
    });
  }
}
