import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMacAllocations1764000003000 implements MigrationInterface {
  name = 'CreateMacAllocations1764000003000';

  async up(q: QueryRunner): Promise<void> {
    // The default range (range0) is written at start, from MAC_OUI.
    await q.query(`
      CREATE TABLE mac_ranges (
        id varchar(255) PRIMARY KEY,
        from_mac varchar(17) NOT NULL,
        to_mac varchar(17) NOT NULL,
        state varchar(16) NOT NULL DEFAULT 'Active',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (from_mac COLLATE "C" <= to_mac COLLATE "C")
      )`);
    await q.query(`
      CREATE TABLE mac_allocations (
        scope varchar(255) NOT NULL,
        mac_address varchar(17) NOT NULL,
        port_id varchar(255),
        project_id varchar(255) NOT NULL,
        range_id varchar(255) REFERENCES mac_ranges (id) ON DELETE RESTRICT,
        state varchar(16) NOT NULL DEFAULT 'Active',
        created_at timestamptz NOT NULL,
        PRIMARY KEY (scope, mac_address)
      )`);
    await q.query('CREATE INDEX mac_allocations_range_id_idx ON mac_allocations (range_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE mac_allocations');
    await q.query('DROP TABLE mac_ranges');
  }
}
