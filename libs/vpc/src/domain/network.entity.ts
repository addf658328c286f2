import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A network (VPC) as stored; mapped to API shapes in http/network.mapper.ts, never returned directly. */
@Entity({ name: 'networks' })
export class NetworkEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index()
  @Column({ name: 'project_id', type: 'varchar', length: 255 })
  projectId!: string;

  @Index()
  @Column({ type: 'varchar', length: 255, default: '' })
  name!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  description!: string;

  @Column({ name: 'admin_state_up', type: 'boolean', default: true })
  adminStateUp!: boolean;

  @Column({ type: 'varchar', length: 16, default: 'ACTIVE' })
  status!: string;

  @Column({ type: 'boolean', default: false })
  shared!: boolean;

  @Column({ name: 'router_external', type: 'boolean', default: false })
  routerExternal!: boolean;

  @Column({ type: 'integer' })
  mtu!: number;

  @Column({ name: 'port_security_enabled', type: 'boolean', default: true })
  portSecurityEnabled!: boolean;

  @Column({ name: 'network_type', type: 'varchar', length: 32 })
  networkType!: string;

  @Column({ name: 'physical_network', type: 'varchar', length: 64, nullable: true })
  physicalNetwork!: string | null;

  @Column({ name: 'segmentation_id', type: 'integer', nullable: true })
  segmentationId!: number | null;

  /** Alcor VPC attribute; not on the Neutron surface. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  cidr!: string | null;

  @Column({ name: 'availability_zone_hints', type: 'jsonb', default: () => "'[]'" })
  availabilityZoneHints!: string[];

  /** Subnet ids, maintained by the subnet manager through the VPC API (Alcor's contract). */
  @Column({ name: 'subnet_ids', type: 'jsonb', default: () => "'[]'" })
  subnetIds!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ name: 'revision_number', type: 'integer', default: 1 })
  revisionNumber!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
