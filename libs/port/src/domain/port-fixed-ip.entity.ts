import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PortEntity } from './port.entity';

/** One address of a port: the port manager's copy of its IPAM allocation, indexed for filters. */
@Entity({ name: 'port_fixed_ips' })
export class PortFixedIpEntity {
  @PrimaryColumn({ name: 'port_id', type: 'uuid' })
  portId!: string;

  @PrimaryColumn({ name: 'subnet_id', type: 'uuid' })
  subnetId!: string;

  @PrimaryColumn({ name: 'ip_address', type: 'varchar', length: 64 })
  ipAddress!: string;

  /** Order of the address on the port (Neutron keeps the order given). */
  @Column({ type: 'integer', default: 0 })
  position!: number;

  @ManyToOne(() => PortEntity, (port) => port.fixedIps, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'port_id' })
  port!: PortEntity;
}
