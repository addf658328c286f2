import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many of one resource a project holds. Every create and delete changes it in the resource's
 * own transaction, with a conditional UPDATE: the row lock makes concurrent creates take turns,
 * so the limit holds at any concurrency (Neutron's quotausages, without its dirty/resync dance).
 */
@Entity({ name: 'quota_usages' })
export class QuotaUsageEntity {
  @PrimaryColumn({ name: 'project_id', type: 'varchar', length: 255 })
  projectId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  resource!: string;

  @Column({ name: 'in_use', type: 'integer' })
  inUse!: number;
}
