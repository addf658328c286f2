import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A rule of a security group as stored (rules cascade with their group and with their remote group). */
@Entity({ name: 'security_group_rules' })
export class SecurityGroupRuleEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'project_id', type: 'varchar', length: 255 })
  projectId!: string;

  @Column({ name: 'security_group_id', type: 'uuid' })
  securityGroupId!: string;

  @Column({ type: 'varchar', length: 16 })
  direction!: 'ingress' | 'egress';

  @Column({ type: 'varchar', length: 8 })
  ethertype!: 'IPv4' | 'IPv6';

  @Column({ type: 'varchar', length: 40, nullable: true })
  protocol!: string | null;

  @Column({ name: 'port_range_min', type: 'integer', nullable: true })
  portRangeMin!: number | null;

  @Column({ name: 'port_range_max', type: 'integer', nullable: true })
  portRangeMax!: number | null;

  @Column({ name: 'remote_ip_prefix', type: 'varchar', length: 64, nullable: true })
  remoteIpPrefix!: string | null;

  @Column({ name: 'remote_group_id', type: 'uuid', nullable: true })
  remoteGroupId!: string | null;

  /** What makes two rules the same (Neutron's _rule_to_key); unique per group. */
  @Column({ name: 'rule_key', type: 'varchar', length: 512 })
  ruleKey!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  description!: string;

  @Column({ name: 'revision_number', type: 'integer', default: 1 })
  revisionNumber!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
