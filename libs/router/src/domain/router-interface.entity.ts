import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A router's port on an internal subnet. The subnet is unique across all routers
 * (router_interfaces_subnet_key): two concurrent attachments of one subnet cannot both commit.
 */
@Entity({ name: 'router_interfaces' })
export class RouterInterfaceEntity {
  @PrimaryColumn({ name: 'port_id', type: 'uuid' })
  portId!: string;

  @Column({ name: 'router_id', type: 'uuid' })
  routerId!: string;

  @Column({ name: 'subnet_id', type: 'uuid' })
  subnetId!: string;

  @Column({ name: 'network_id', type: 'uuid' })
  networkId!: string;

  @Column({ name: 'ip_address', type: 'varchar', length: 64 })
  ipAddress!: string;

  @Column({ type: 'varchar', length: 64 })
  cidr!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
