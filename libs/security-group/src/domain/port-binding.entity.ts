import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A port's membership of a group (Alcor's PortBindingSecurityGroup). The port lives in the port
 * manager (shared-nothing: no foreign key to it); the group reference is RESTRICT, so a group
 * cannot disappear under a committed binding.
 */
@Entity({ name: 'security_group_port_bindings' })
export class PortBindingEntity {
  @PrimaryColumn({ name: 'port_id', type: 'uuid' })
  portId!: string;

  @PrimaryColumn({ name: 'security_group_id', type: 'uuid' })
  securityGroupId!: string;

  @Column({ name: 'project_id', type: 'varchar', length: 255 })
  projectId!: string;

  /** Order of the group on the port, as the caller gave it. */
  @Column({ type: 'integer', default: 0 })
  position!: number;
}
