import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { recordGroupChange } from '../events/security-group-events';
import { defaultGroupRules, insertRules } from './new-rules';
import { SecurityGroupEntity } from './security-group.entity';

/**
 * The project's default group, created on first use, exactly once: a concurrent first use waits
 * on the partial unique index (one is_default row per project) and then finds the winner's row,
 * without failing its own transaction. Answers the group id and whether this call created it; with
 * `hold` the group is held FOR SHARE (a group this transaction created is held anyway).
 */
export async function ensureDefaultGroup(tx: EntityManager, projectId: string, hold = false): Promise<{ id: string; created: boolean }> {
  const existing = await findDefaultGroupId(tx, projectId, hold);
  if (existing) return { id: existing, created: false };
  const id = randomUUID();
  const now = new Date();
  const inserted: { id: string }[] = await tx.query(
    `INSERT INTO security_groups (id, project_id, name, description, stateful, is_default, tags, revision_number, created_at, updated_at)
     VALUES ($1, $2, 'default', 'Default security group', true, true, '{}', 1, $3, $3)
     ON CONFLICT (project_id) WHERE is_default DO NOTHING RETURNING id`,
    [id, projectId, now],
  );
  if (inserted.length === 0) return { id: (await findDefaultGroupId(tx, projectId, hold)) as string, created: false };
  const rules = await insertRules(tx, projectId, defaultGroupRules(id), now);
  const group = await tx.getRepository(SecurityGroupEntity).findOneByOrFail({ id });
  await recordGroupChange(tx, 'created', { id, group, rules });
  return { id, created: true };
}

/** With `hold`, the row is kept FOR SHARE until commit (a binding to it is being recorded). */
export async function findDefaultGroupId(em: EntityManager, projectId: string, hold = false): Promise<string | undefined> {
  const rows: { id: string }[] = await em.query(`SELECT id FROM security_groups WHERE project_id = $1 AND is_default${hold ? ' FOR SHARE' : ''}`, [projectId]);
  return rows[0]?.id;
}
