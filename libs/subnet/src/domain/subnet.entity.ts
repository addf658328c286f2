import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AllocationPool, HostRoute } from '@alcor/contracts';

/** A subnet as stored; mapped to API shapes in http/subnet.mapper.ts. */
@Entity({ name: 'subnets' })
export class SubnetEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index()
  @Column({ name: 'project_id', type: 'varchar', length: 255 })
  projectId!: string;

  @Index()
  @Column({ name: 'network_id', type: 'uuid' })
  networkId!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  name!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  description!: string;

  @Column({ name: 'ip_version', type: 'integer' })
  ipVersion!: number;

  @Column({ type: 'varchar', length: 64 })
  cidr!: string;

  @Column({ name: 'gateway_ip', type: 'varchar', length: 64, nullable: true })
  gatewayIp!: string | null;

  @Column({ name: 'allocation_pools', type: 'jsonb' })
  allocationPools!: AllocationPool[];

  @Column({ name: 'enable_dhcp', type: 'boolean', default: true })
  enableDhcp!: boolean;

  @Column({ name: 'dns_nameservers', type: 'jsonb', default: () => "'[]'" })
  dnsNameservers!: string[];

  @Column({ name: 'host_routes', type: 'jsonb', default: () => "'[]'" })
  hostRoutes!: HostRoute[];

  @Column({ name: 'ipv6_ra_mode', type: 'varchar', length: 32, nullable: true })
  ipv6RaMode!: string | null;

  @Column({ name: 'ipv6_address_mode', type: 'varchar', length: 32, nullable: true })
  ipv6AddressMode!: string | null;

  @Column({ name: 'service_types', type: 'jsonb', default: () => "'[]'" })
  serviceTypes!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ name: 'revision_number', type: 'integer', default: 1 })
  revisionNumber!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
