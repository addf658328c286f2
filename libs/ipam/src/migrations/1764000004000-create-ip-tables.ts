import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIpTables1764000004000 implements MigrationInterface {
  name = 'CreateIpTables1764000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ip_ranges (
        subnet_id uuid PRIMARY KEY,
        network_id uuid NOT NULL,
        project_id varchar(255) NOT NULL,
        ip_version smallint NOT NULL CHECK (ip_version IN (4, 6)),
        cidr varchar(64) NOT NULL,
        gateway_ip varchar(64),
        allocation_pools jsonb NOT NULL DEFAULT '[]',
        first_ip varchar(64) NOT NULL,
        last_ip varchar(64) NOT NULL,
        total_ips numeric(39, 0) NOT NULL,
        revision_number integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX ip_ranges_network_id_idx ON ip_ranges (network_id)');
    // No row for the gateway: it is kept out of automatic allocation by the pools, and a router
    // interface may still claim it explicitly.
    await q.query(`
      CREATE TABLE ip_allocations (
        subnet_id uuid NOT NULL REFERENCES ip_ranges (subnet_id),
        ip_address varchar(64) NOT NULL,
        ip_number numeric(39, 0) NOT NULL,
        port_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subnet_id, ip_address)
      )`);
    // The free-address search walks this index in address order.
    await q.query('CREATE UNIQUE INDEX ip_allocations_subnet_number_key ON ip_allocations (subnet_id, ip_number)');
    await q.query('CREATE INDEX ip_allocations_port_id_idx ON ip_allocations (port_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ip_allocations');
    await q.query('DROP TABLE ip_ranges');
  }
}
