import { EntityManager } from 'typeorm';
import { applyListQuery, columnValues, ListQuery, notFound, RequestContext, scopeProject, UUID_PATTERN } from '@alcor/neutron-api';
import { PortEntity } from './port.entity';

const ALIAS = 'p';

export const portNotFound = (id: string) => notFound('PortNotFound', `Port ${id} could not be found.`);

/** Queries on ports, every one scoped to the caller's project unless it is an admin. */
export class PortRepository {
  static async getVisible(em: EntityManager, ctx: RequestContext, id: string): Promise<PortEntity> {
    const found = UUID_PATTERN.test(id) ? await PortRepository.scoped(em, ctx).andWhere(`${ALIAS}.id = :id`, { id: id.toLowerCase() }).getOne() : null;
    if (!found) throw portNotFound(id);
    return found;
  }

  /** A port the caller owns, row-locked for the rest of the transaction. */
  static async lockOwned(tx: EntityManager, ctx: RequestContext, id: string): Promise<PortEntity> {
    if (!UUID_PATTERN.test(id)) throw portNotFound(id);
    const project = scopeProject(ctx);
    const locked: { id: string }[] = await tx.query(
      `SELECT id FROM ports WHERE id = $1 ${project !== undefined ? 'AND project_id = $2' : ''} FOR UPDATE`,
      project !== undefined ? [id.toLowerCase(), project] : [id.toLowerCase()],
    );
    if (locked.length === 0) throw portNotFound(id);
    return tx.getRepository(PortEntity).findOneOrFail({ where: { id: locked[0].id } });
  }

  /** One page of ports with their addresses (two queries: the page by keyset, then its addresses). */
  static async list(em: EntityManager, ctx: RequestContext, query: ListQuery, marker?: PortEntity): Promise<PortEntity[]> {
    const qb = em.getRepository(PortEntity).createQueryBuilder(ALIAS);
    const project = scopeProject(ctx);
    if (project !== undefined) qb.where(`${ALIAS}.project_id = :project`, { project });
    const markerValues = marker ? columnValues(em, PortEntity, marker) : undefined;
    const ports = await applyListQuery(qb, ALIAS, query, markerValues).getMany();
    if (ports.length === 0) return ports;
    const byId = new Map(ports.map((p) => [p.id, Object.assign(p, { fixedIps: [] as PortEntity['fixedIps'] })]));
    const ips = await em.query('SELECT port_id, subnet_id, ip_address, position FROM port_fixed_ips WHERE port_id = ANY($1)', [[...byId.keys()]]);
    for (const row of ips as { port_id: string; subnet_id: string; ip_address: string; position: number }[]) {
      byId.get(row.port_id)?.fixedIps.push({ portId: row.port_id, subnetId: row.subnet_id, ipAddress: row.ip_address, position: row.position } as PortEntity['fixedIps'][number]);
    }
    return ports;
  }

  private static scoped(em: EntityManager, ctx: RequestContext) {
    const qb = em.getRepository(PortEntity).createQueryBuilder(ALIAS).leftJoinAndSelect(`${ALIAS}.fixedIps`, 'ip');
    const project = scopeProject(ctx);
    if (project !== undefined) qb.where(`${ALIAS}.project_id = :project`, { project });
    return qb;
  }
}
