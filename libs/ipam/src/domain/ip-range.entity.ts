import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IpPool } from '@alcor/netaddr';

/**
 * One subnet's address space (Alcor: one IP range per subnet, and here range id == subnet id).
 * Mapped to API shapes in http/ip.mapper.ts, never returned directly.
 */
@Entity({ name: 'ip_ranges' })
export class IpRangeEntity {
  @PrimaryColumn({ name: 'subnet_id', type: 'uuid' })
  subnetId!: string;

  @Index()
  @Column({ name: 'network_id', type: 'uuid' })
  networkId!: string;

  @Column({ name: 'project_id', type: 'varchar', length: 255 })
  projectId!: string;

  @Column({ name: 'ip_version', type: 'smallint' })
  ipVersion!: 4 | 6;

  /** Canonical text; never changes after creation. */
  @Column({ type: 'varchar', length: 64 })
  cidr!: string;

  /** Reserved: never handed out automatically; a router interface may ask for it explicitly. */
  @Column({ name: 'gateway_ip', type: 'varchar', length: 64, nullable: true })
  gatewayIp!: string | null;

  /** Canonical, non-overlapping, inside the CIDR, without the gateway. */
  @Column({ name: 'allocation_pools', type: 'jsonb' })
  allocationPools!: IpPool[];

  /** Alcor's first and last usable host of the CIDR. */
  @Column({ name: 'first_ip', type: 'varchar', length: 64 })
  firstIp!: string;

  @Column({ name: 'last_ip', type: 'varchar', length: 64 })
  lastIp!: string;

  /** Addresses in the pools, as decimal text (an IPv6 /64 pool has 2^64 - 1). */
  @Column({ name: 'total_ips', type: 'numeric', precision: 39, scale: 0 })
  totalIps!: string;

  @Column({ name: 'revision_number', type: 'integer', default: 1 })
  revisionNumber!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
