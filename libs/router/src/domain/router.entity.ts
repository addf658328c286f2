import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ExtraRoute } from '@alcor/contracts';

/** One address of the gateway port, with its subnet's CIDR (extra-route nexthops may use it). */
export interface GatewayFixedIp {
  subnet_id: string;
  ip_address: string;
  cidr: string;
}

/** A router as stored; its interfaces live in router_interfaces. Mapped to API shapes in http/router.mapper.ts. */
@Entity({ name: 'routers' })
export class RouterEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index()
  @Column({ name: 'project_id', type: 'varchar', length: 255 })
  projectId!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  name!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  description!: string;

  @Column({ name: 'admin_state_up', type: 'boolean', default: true })
  adminStateUp!: boolean;

  @Column({ type: 'varchar', length: 16, default: 'ACTIVE' })
  status!: string;

  /** The port on the external network (device_owner network:router_gateway), null without a gateway. */
  @Column({ name: 'gw_port_id', type: 'uuid', nullable: true })
  gwPortId!: string | null;

  @Column({ name: 'gw_network_id', type: 'uuid', nullable: true })
  gwNetworkId!: string | null;

  @Column({ name: 'enable_snat', type: 'boolean', default: true })
  enableSnat!: boolean;

  @Column({ name: 'gw_fixed_ips', type: 'jsonb', default: () => "'[]'" })
  gwFixedIps!: GatewayFixedIp[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  routes!: ExtraRoute[];

  @Column({ name: 'availability_zone_hints', type: 'jsonb', default: () => "'[]'" })
  availabilityZoneHints!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ name: 'revision_number', type: 'integer', default: 1 })
  revisionNumber!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
