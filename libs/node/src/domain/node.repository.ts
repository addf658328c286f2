import { EntityManager, In } from 'typeorm';
import { applyListQuery, columnValues, ListQuery, notFound } from '@alcor/neutron-api';
import { NodeEntity } from './node.entity';

const ALIAS = 'n';

export const nodeNotFound = (id: string) => notFound('NodeNotFound', `Node ${id} could not be found.`);

/** Queries on nodes; callers have already passed the admin policy. */
export class NodeRepository {
  static async get(em: EntityManager, id: string): Promise<NodeEntity> {
    const found = await em.getRepository(NodeEntity).findOneBy({ id });
    if (!found) throw nodeNotFound(id);
    return found;
  }

  /** The node, row-locked for the rest of the transaction. */
  static async lock(tx: EntityManager, id: string): Promise<NodeEntity> {
    const found = await tx
      .getRepository(NodeEntity)
      .createQueryBuilder(ALIAS)
      .setLock('pessimistic_write')
      .where(`${ALIAS}.id = :id`, { id })
      .getOne();
    if (!found) throw nodeNotFound(id);
    return found;
  }

  static list(em: EntityManager, query: ListQuery, marker?: NodeEntity): Promise<NodeEntity[]> {
    const qb = em.getRepository(NodeEntity).createQueryBuilder(ALIAS);
    return applyListQuery(qb, ALIAS, query, marker ? columnValues(em, NodeEntity, marker) : undefined).getMany();
  }

  static byNames(em: EntityManager, names: string[]): Promise<NodeEntity[]> {
    return em.getRepository(NodeEntity).find({ where: { name: In(names) }, order: { name: 'ASC' } });
  }
}
