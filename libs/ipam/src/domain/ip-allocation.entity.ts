import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per allocated address. The primary key (subnet, address) is the only arbiter between
 * concurrent allocators: whoever inserts first owns the address (Alcor rewrote a whole bitset
 * per allocation under a JVM lock instead).
 */
@Entity({ name: 'ip_allocations' })
@Index('ip_allocations_subnet_number_key', ['subnetId', 'ipNumber'], { unique: true })
export class IpAllocationEntity {
  @PrimaryColumn({ name: 'subnet_id', type: 'uuid' })
  subnetId!: string;

  /** Canonical text (RFC 5952 for IPv6). */
  @PrimaryColumn({ name: 'ip_address', type: 'varchar', length: 64 })
  ipAddress!: string;

  /** The address as a number, for the free-address search (numeric: IPv6 needs 128 bits). */
  @Column({ name: 'ip_number', type: 'numeric', precision: 39, scale: 0 })
  ipNumber!: string;

  /** Absent for Alcor's POST /ips, which names no port. */
  @Index()
  @Column({ name: 'port_id', type: 'uuid', nullable: true })
  portId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
