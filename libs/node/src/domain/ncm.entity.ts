import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A Network Configuration Manager instance hosts are assigned to (Alcor's NcmInfo). */
@Entity({ name: 'ncms' })
export class NcmEntity {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  id!: string;

  /** Where the NCM is reached, e.g. http://ncm-0:9014. */
  @Column({ type: 'varchar', length: 2048 })
  uri!: string;

  /** How many hosts it is meant to serve. */
  @Column({ type: 'integer', default: 0 })
  cap!: number;

  @Column({ name: 'revision_number', type: 'integer', default: 1 })
  revisionNumber!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
