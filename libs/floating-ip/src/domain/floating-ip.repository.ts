import { EntityManager } from 'typeorm';
import { applyListQuery, columnValues, ListQuery, notFound, RequestContext, scopeProject, UUID_PATTERN } from '@alcor/neutron-api';
import { cidrContains, parseCidr, parseIp } from '@alcor/netaddr';
import { FloatingIpEntity } from './floating-ip.entity';

const ALIAS = 'f';

export const floatingIpNotFound = (id: string) => notFound('FloatingIPNotFound', `Floating IP ${id} could not be found`);

/** Queries on floating IPs, every one scoped to the caller's project unless it is an admin. */
export class FloatingIpRepository {
  static async getVisible(em: EntityManager, ctx: RequestContext, id: string): Promise<FloatingIpEntity> {
    const found = UUID_PATTERN.test(id) ? await FloatingIpRepository.scoped(em, ctx).andWhere(`${ALIAS}.id = :id`, { id: id.toLowerCase() }).getOne() : null;
    if (!found) throw floatingIpNotFound(id);
    return found;
  }

  static async lockOwned(tx: EntityManager, ctx: RequestContext, id: string): Promise<FloatingIpEntity> {
    if (!UUID_PATTERN.test(id)) throw floatingIpNotFound(id);
    const found = await FloatingIpRepository.scoped(tx, ctx).andWhere(`${ALIAS}.id = :id`, { id: id.toLowerCase() }).setLock('pessimistic_write').getOne();
    if (!found) throw floatingIpNotFound(id);
    return found;
  }

  static list(em: EntityManager, ctx: RequestContext, query: ListQuery, marker?: FloatingIpEntity): Promise<FloatingIpEntity[]> {
    return applyListQuery(FloatingIpRepository.scoped(em, ctx), ALIAS, query, marker ? columnValues(em, FloatingIpEntity, marker) : undefined).getMany();
  }

  /** Another floating IP of the external network already on this fixed IP. */
  static associatedElsewhere(em: EntityManager, fip: FloatingIpEntity, portId: string, fixedIp: string): Promise<FloatingIpEntity | null> {
    return em
      .getRepository(FloatingIpEntity)
      .createQueryBuilder(ALIAS)
      .where(`${ALIAS}.floating_network_id = :net AND ${ALIAS}.port_id = :port AND ${ALIAS}.fixed_ip_address = :ip AND ${ALIAS}.id <> :id`, {
        net: fip.floatingNetworkId,
        port: portId,
        ip: fixedIp,
        id: fip.id,
      })
      .getOne();
  }

  /** Floating IPs associated with these ports, locked (the ports are being deleted). */
  static lockByPorts(tx: EntityManager, portIds: string[]): Promise<FloatingIpEntity[]> {
    if (portIds.length === 0) return Promise.resolve([]);
    return tx.getRepository(FloatingIpEntity).createQueryBuilder(ALIAS).where(`${ALIAS}.port_id IN (:...portIds)`, { portIds }).orderBy(`${ALIAS}.id`).setLock('pessimistic_write').getMany();
  }

  /** Floating IPs whose fixed IP is reached through the router (inside `cidr` when given). */
  static async countByRouter(em: EntityManager, routerId: string, cidr?: string): Promise<number> {
    const rows = await em.getRepository(FloatingIpEntity).find({ where: { routerId }, select: { id: true, fixedIpAddress: true } });
    const block = cidr ? parseCidr(cidr) : undefined;
    if (!block) return rows.length;
    return rows.filter((r) => {
      const ip = r.fixedIpAddress ? parseIp(r.fixedIpAddress) : undefined;
      return ip !== undefined && cidrContains(block, ip);
    }).length;
  }

  private static scoped(em: EntityManager, ctx: RequestContext) {
    const qb = em.getRepository(FloatingIpEntity).createQueryBuilder(ALIAS);
    const project = scopeProject(ctx);
    if (project !== undefined) qb.where(`${ALIAS}.project_id = :project`, { project });
    return qb;
  }
}
