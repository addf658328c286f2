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
    const port = (await PortRepository.lockMany(tx, [id])).get(id.toLowerCase());
    if (!port || !PortRepository.owns(ctx, port)) throw portNotFound(id);
    return port;
  }

  /**
   * Ports by id with their addresses, their rows locked FOR UPDATE for the rest of the transaction,
   * in one statement. Locked in id order, so two transactions locking overlapping sets cannot
   * deadlock. Ids that are not UUIDs or name no port are simply absent from the answer.
   */
  static async lockMany(tx: EntityManager, ids: string[]): Promise<Map<string, PortEntity>> {
    const wanted = [...new Set(ids.filter((id) => UUID_PATTERN.test(id)).map((id) => id.toLowerCase()))].sort();
    if (wanted.length === 0) return new Map();
    const ports = await tx
      .getRepository(PortEntity)
      .createQueryBuilder(ALIAS)
      .leftJoinAndSelect(`${ALIAS}.fixedIps`, 'ip')
      .where(`${ALIAS}.id IN (:...ids)`, { ids: wanted })
      .orderBy(`${ALIAS}.id`)
      .setLock('pessimistic_write', undefined, [ALIAS]) // the port rows only: the join's side may be empty
      .getMany();
    return new Map(ports.map((p) => [p.id, p]));
  }

  /** Whether the caller may act on the port (an admin on any, others on their project's). */
  static owns(ctx: RequestContext, port: PortEntity): boolean {
    const project = scopeProject(ctx);
    return project === undefined || port.projectId === project;
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
