import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A MAC range of Alcor's ranges API: generated MACs are drawn from [from, to]. */
@Entity({ name: 'mac_ranges' })
export class MacRangeEntity {
  /** Alcor's range_id (e.g. range0, the default range). */
  @PrimaryColumn({ type: 'varchar', length: 255 })
  id!: string;

  @Column({ name: 'from_mac', type: 'varchar', length: 17 })
  from!: string;

  @Column({ name: 'to_mac', type: 'varchar', length: 17 })
  to!: string;

  /** Active, Inactive or Exclude (Alcor's range states); only Active ranges hand out MACs. */
  @Column({ type: 'varchar', length: 16 })
  state!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
