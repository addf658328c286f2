import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A floating IP as stored. Its address is held by a port on the external network
 * (device_owner network:floatingip, as Neutron does), so IPAM and MAC allocation stay the port
 * manager's. One floating IP per (external network, fixed port, fixed IP): floating_ips_fixed_ip_key.
 */
@Entity({ name: 'floating_ips' })
export class FloatingIpEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index()
  @Column({ name: 'project_id', type: 'varchar', length: 255 })
  projectId!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  description!: string;

  @Column({ name: 'floating_network_id', type: 'uuid' })
  floatingNetworkId!: string;

  @Column({ name: 'floating_subnet_id', type: 'uuid' })
  floatingSubnetId!: string;

  @Column({ name: 'floating_ip_address', type: 'varchar', length: 64 })
  floatingIpAddress!: string;

  @Column({ name: 'floating_port_id', type: 'uuid' })
  floatingPortId!: string;

  /** The associated (internal) port, null when unassociated. */
  @Column({ name: 'port_id', type: 'uuid', nullable: true })
  portId!: string | null;

  @Column({ name: 'fixed_ip_address', type: 'varchar', length: 64, nullable: true })
  fixedIpAddress!: string | null;

  @Column({ name: 'router_id', type: 'uuid', nullable: true })
  routerId!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'DOWN' })
  status!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ name: 'revision_number', type: 'integer', default: 0 })
  revisionNumber!: number;

  /** revision_number at which the association last changed: data-plane reports about older ones are dropped. */
  @Column({ name: 'association_revision', type: 'integer', default: 0 })
  associationRevision!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
