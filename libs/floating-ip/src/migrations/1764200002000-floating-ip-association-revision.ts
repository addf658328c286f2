import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * association_revision: the revision_number at which (port_id, fixed_ip_address, router_id) last
 * changed. A data-plane status report about an older association (lower programmed revision) is
 * dropped, so a late ACTIVE of a previous association never wins.
 */
export class FloatingIpAssociationRevision1764200002000 implements MigrationInterface {
  name = 'FloatingIpAssociationRevision1764200002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE floating_ips ADD COLUMN association_revision integer NOT NULL DEFAULT 0');
    await q.query('UPDATE floating_ips SET association_revision = revision_number');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE floating_ips DROP COLUMN association_revision');
  }
}
