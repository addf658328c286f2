import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per allocated MAC. The primary key (scope, mac_address) is what makes a MAC unique per
 * network whatever the concurrency (Neutron's rule), instead of Alcor's lock-and-putIfAbsent.
 */
@Entity({ name: 'mac_allocations' })
export class MacAllocationEntity {
  /** The network (VPC) id, or '' for MACs allocated through Alcor's API without a vpc_id. */
  @PrimaryColumn({ type: 'varchar', length: 255 })
  scope!: string;

  /** Lower-case, colon-separated: aa:bb:cc:dd:ee:ff. */
  @PrimaryColumn({ name: 'mac_address', type: 'varchar', length: 17 })
  macAddress!: string;

  @Column({ name: 'port_id', type: 'varchar', length: 255, nullable: true })
  portId!: string | null;

  @Column({ name: 'project_id', type: 'varchar', length: 255 })
  projectId!: string;

  /** The range a generated MAC was drawn from; null for a MAC the caller chose. */
  @Column({ name: 'range_id', type: 'varchar', length: 255, nullable: true })
  rangeId!: string | null;

  /** Alcor's MacState state: Active or Inactive. */
  @Column({ type: 'varchar', length: 16 })
  state!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
