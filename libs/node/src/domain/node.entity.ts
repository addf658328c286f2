import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A compute host (Alcor's NodeInfo) as stored; mapped to API shapes in http/node.mapper.ts, never
 * returned directly. Columns are named id/name so the shared keyset paging (ordered by id) applies.
 */
@Entity({ name: 'nodes' })
export class NodeEntity {
  /** node_id: chosen by the caller (any short token) or a generated UUID. */
  @PrimaryColumn({ type: 'varchar', length: 255 })
  id!: string;

  /** node_name: what a port's binding:host_id names. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** Canonical text of the host's IP (IPv4 dotted quad or compressed lower-case IPv6). */
  @Index({ unique: true })
  @Column({ name: 'local_ip', type: 'varchar', length: 45 })
  localIp!: string;

  /** Lower-case, colon-separated. */
  @Index()
  @Column({ name: 'mac_address', type: 'varchar', length: 17 })
  macAddress!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  veth!: string;

  /** The host agent's goal-state gRPC port. */
  @Column({ name: 'server_port', type: 'integer', default: 50001 })
  serverPort!: number;

  @Column({ name: 'host_dvr_mac', type: 'varchar', length: 17, nullable: true })
  hostDvrMac!: string | null;

  @Index()
  @Column({ name: 'ncm_id', type: 'varchar', length: 255, nullable: true })
  ncmId!: string | null;

  @Column({ name: 'revision_number', type: 'integer', default: 1 })
  revisionNumber!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
