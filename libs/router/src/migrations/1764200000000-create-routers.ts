import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRouters1764200000000 implements MigrationInterface {
  name = 'CreateRouters1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE routers (
        id uuid PRIMARY KEY,
        project_id varchar(255) NOT NULL,
        name varchar(255) NOT NULL DEFAULT '',
        description varchar(255) NOT NULL DEFAULT '',
        admin_state_up boolean NOT NULL DEFAULT true,
        status varchar(16) NOT NULL DEFAULT 'ACTIVE',
        gw_port_id uuid,
        gw_network_id uuid,
        enable_snat boolean NOT NULL DEFAULT true,
        gw_fixed_ips jsonb NOT NULL DEFAULT '[]',
        routes jsonb NOT NULL DEFAULT '[]',
        availability_zone_hints jsonb NOT NULL DEFAULT '[]',
        tags text[] NOT NULL DEFAULT '{}',
        revision_number integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX routers_project_id_idx ON routers (project_id, id)');
    await q.query('CREATE INDEX routers_name_idx ON routers (name)');
    await q.query('CREATE INDEX routers_gw_network_id_idx ON routers (gw_network_id)');
    await q.query('CREATE INDEX routers_tags_idx ON routers USING gin (tags)');
    await q.query(`
      CREATE TABLE router_interfaces (
        port_id uuid PRIMARY KEY,
        router_id uuid NOT NULL REFERENCES routers (id),
        subnet_id uuid NOT NULL CONSTRAINT router_interfaces_subnet_key UNIQUE,
        network_id uuid NOT NULL,
        ip_address varchar(64) NOT NULL,
        cidr varchar(64) NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX router_interfaces_router_id_idx ON router_interfaces (router_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE router_interfaces');
    await q.query('DROP TABLE routers');
  }
}
