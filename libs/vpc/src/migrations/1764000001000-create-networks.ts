import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNetworks1764000001000 implements MigrationInterface {
  name = 'CreateNetworks1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE networks (
        id uuid PRIMARY KEY,
        project_id varchar(255) NOT NULL,
        name varchar(255) NOT NULL DEFAULT '',
        description varchar(255) NOT NULL DEFAULT '',
        admin_state_up boolean NOT NULL DEFAULT true,
        status varchar(16) NOT NULL DEFAULT 'ACTIVE',
        shared boolean NOT NULL DEFAULT false,
        router_external boolean NOT NULL DEFAULT false,
        mtu integer NOT NULL,
        port_security_enabled boolean NOT NULL DEFAULT true,
        network_type varchar(32) NOT NULL,
        physical_network varchar(64),
        segmentation_id integer,
        cidr varchar(64),
        availability_zone_hints jsonb NOT NULL DEFAULT '[]',
        subnet_ids jsonb NOT NULL DEFAULT '[]',
        tags text[] NOT NULL DEFAULT '{}',
        revision_number integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX networks_project_id_idx ON networks (project_id, id)');
    await q.query('CREATE INDEX networks_name_idx ON networks (name)');
    await q.query('CREATE INDEX networks_tags_idx ON networks USING gin (tags)');
    await q.query(`
      CREATE TABLE segment_allocations (
        network_type varchar(32) NOT NULL,
        physical_network varchar(64) NOT NULL,
        segmentation_id integer NOT NULL,
        network_id uuid NOT NULL UNIQUE REFERENCES networks (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        PRIMARY KEY (network_type, physical_network, segmentation_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE segment_allocations');
    await q.query('DROP TABLE networks');
  }
}
