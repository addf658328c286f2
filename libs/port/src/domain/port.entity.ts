import { Column, Entity, Index, OneToMany, PrimaryColumn } from 'typeorm';
import { PortFixedIpEntity } from './port-fixed-ip.entity';

export interface AddressPair {
  ip_address: string;
  mac_address: string;
}

export interface ExtraDhcpOpt {
  opt_name: string;
  opt_value: string;
  ip_version: 4 | 6;
}

/** A port as stored; mapped to API shapes in http/port.mapper.ts. */
@Entity({ name: 'ports' })
export class PortEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index()
  @Column({ name: 'project_id', type: 'varchar', length: 255 })
  projectId!: string;

  @Column({ name: 'network_id', type: 'uuid' })
  networkId!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  name!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  description!: string;

  @Column({ name: 'admin_state_up', type: 'boolean', default: true })
  adminStateUp!: boolean;

  @Column({ name: 'mac_address', type: 'varchar', length: 17 })
  macAddress!: string;

  @Column({ name: 'device_id', type: 'varchar', length: 255, default: '' })
  deviceId!: string;

  @Column({ name: 'device_owner', type: 'varchar', length: 255, default: '' })
  deviceOwner!: string;

  @Column({ type: 'varchar', length: 16, default: 'DOWN' })
  status!: string;

  @Column({ name: 'port_security_enabled', type: 'boolean', default: true })
  portSecurityEnabled!: boolean;

  @Column({ name: 'allowed_address_pairs', type: 'jsonb', default: () => "'[]'" })
  allowedAddressPairs!: AddressPair[];

  @Column({ name: 'extra_dhcp_opts', type: 'jsonb', default: () => "'[]'" })
  extraDhcpOpts!: ExtraDhcpOpt[];

  @Column({ name: 'security_group_ids', type: 'jsonb', default: () => "'[]'" })
  securityGroupIds!: string[];

  /** binding:host_id: a node name from the node manager, '' when unbound. */
  @Column({ name: 'host_id', type: 'varchar', length: 255, default: '' })
  hostId!: string;

  @Column({ name: 'vnic_type', type: 'varchar', length: 32, default: 'normal' })
  vnicType!: string;

  @Column({ name: 'binding_profile', type: 'jsonb', default: () => "'{}'" })
  bindingProfile!: Record<string, unknown>;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ name: 'revision_number', type: 'integer', default: 1 })
  revisionNumber!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @OneToMany(() => PortFixedIpEntity, (ip) => ip.port, { cascade: true, eager: true })
  fixedIps!: PortFixedIpEntity[];
}
