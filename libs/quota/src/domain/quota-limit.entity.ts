import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A project's limit for one resource, set by PUT /quotas/{project}; absent: the default applies (Neutron's quotas table). */
@Entity({ name: 'quota_limits' })
export class QuotaLimitEntity {
  @PrimaryColumn({ name: 'project_id', type: 'varchar', length: 255 })
  projectId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  resource!: string;

  /** -1 = unlimited. */
  @Column({ name: 'hard_limit', type: 'integer' })
  hardLimit!: number;
}
