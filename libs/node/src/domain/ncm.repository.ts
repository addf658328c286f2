import { EntityManager } from 'typeorm';
import { applyListQuery, columnValues, conflict, ListQuery, NeutronError, notFound } from '@alcor/neutron-api';
import { isUniqueViolation } from '@alcor/persistence';
import { NcmEntity } from './ncm.entity';

const ALIAS = 'c';

export const ncmNotFound = (id: string) => notFound('NcmNotFound', `NCM ${id} could not be found.`);

/** The 409 for a second NCM with one id, or undefined for any other error. */
export function ncmConflict(error: unknown, id: string): NeutronError | undefined {
  return isUniqueViolation(error, 'ncms_pkey') ? conflict('NcmAlreadyExists', `A NCM with id ${id} already exists.`) : undefined;
}

export class NcmRepository {
  static async get(em: EntityManager, id: string): Promise<NcmEntity> {
    const found = await em.getRepository(NcmEntity).findOneBy({ id });
    if (!found) throw ncmNotFound(id);
    return found;
  }

  static async lock(tx: EntityManager, id: string): Promise<NcmEntity> {
    const found = await tx.getRepository(NcmEntity).createQueryBuilder(ALIAS).setLock('pessimistic_write').where(`${ALIAS}.id = :id`, { id }).getOne();
    if (!found) throw ncmNotFound(id);
    return found;
  }

  static list(em: EntityManager, query: ListQuery, marker?: NcmEntity): Promise<NcmEntity[]> {
    const qb = em.getRepository(NcmEntity).createQueryBuilder(ALIAS);
    return applyListQuery(qb, ALIAS, query, marker ? columnValues(em, NcmEntity, marker) : undefined).getMany();
  }
}
