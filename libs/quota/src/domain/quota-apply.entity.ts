import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface ResourceDelta {
  resource: string;
  amount: number;
}

/**
 * A usage change made for a manager in another process (Alcor's ApplyInfo): kept so that manager
 * can undo it, exactly once, when its own transaction fails. Rows older than a day are dropped.
 */
@Entity({ name: 'quota_applies' })
export class QuotaApplyEntity {
  @PrimaryColumn({ name: 'apply_id', type: 'varchar', length: 64 })
  applyId!: string;

  @Column({ name: 'project_id', type: 'varchar', length: 255 })
  projectId!: string;

  @Column({ name: 'resource_deltas', type: 'jsonb' })
  resourceDeltas!: ResourceDelta[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
