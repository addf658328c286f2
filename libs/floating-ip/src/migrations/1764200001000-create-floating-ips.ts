import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFloatingIps1764200001000 implements MigrationInterface {
  name = 'CreateFloatingIps1764200001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE floating_ips (
        id uuid PRIMARY KEY,
        project_id varchar(255) NOT NULL,
        description varchar(255) NOT NULL DEFAULT '',
        floating_network_id uuid NOT NULL,
        floating_subnet_id uuid NOT NULL,
        floating_ip_address varchar(64) NOT NULL,
        floating_port_id uuid NOT NULL CONSTRAINT floating_ips_floating_port_key UNIQUE,
        port_id uuid,
        fixed_ip_address varchar(64),
        router_id uuid,
        status varchar(16) NOT NULL DEFAULT 'DOWN',
        tags text[] NOT NULL DEFAULT '{}',
        revision_number integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT floating_ips_fixed_ip_key UNIQUE (floating_network_id, port_id, fixed_ip_address)
      )`);
    await q.query('CREATE INDEX floating_ips_project_id_idx ON floating_ips (project_id, id)');
    await q.query('CREATE INDEX floating_ips_port_id_idx ON floating_ips (port_id)');
    await q.query('CREATE INDEX floating_ips_router_id_idx ON floating_ips (router_id)');
    await q.query('CREATE INDEX floating_ips_tags_idx ON floating_ips USING gin (tags)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE floating_ips');
  }
}
