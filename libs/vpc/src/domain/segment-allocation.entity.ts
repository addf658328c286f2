import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per segmentation id in use. The primary key makes a double allocation impossible,
 * whatever the concurrency (Alcor's overlapping VNI partitions could hand one VNI to two VPCs).
 */
@Entity({ name: 'segment_allocations' })
export class SegmentAllocationEntity {
  @PrimaryColumn({ name: 'network_type', type: 'varchar', length: 32 })
  networkType!: string;

  /** '' for overlay types, which have no physical network. */
  @PrimaryColumn({ name: 'physical_network', type: 'varchar', length: 64 })
  physicalNetwork!: string;

  /** 0 for flat networks: at most one per physical network. */
  @PrimaryColumn({ name: 'segmentation_id', type: 'integer' })
  segmentationId!: number;

  @Column({ name: 'network_id', type: 'uuid', unique: true })
  networkId!: string;
}
