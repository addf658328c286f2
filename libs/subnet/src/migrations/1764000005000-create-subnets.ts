import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSubnets1764000005000 implements MigrationInterface {
  name = 'CreateSubnets1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subnets (
        id uuid PRIMARY KEY,
        project_id varchar(255) NOT NULL,
        network_id uuid NOT NULL,
        name varchar(255) NOT NULL DEFAULT '',
        description varchar(255) NOT NULL DEFAULT '',
        ip_version integer NOT NULL,
        cidr varchar(64) NOT NULL,
        gateway_ip varchar(64),
        allocation_pools jsonb NOT NULL,
        enable_dhcp boolean NOT NULL DEFAULT true,
        dns_nameservers jsonb NOT NULL DEFAULT '[]',
        host_routes jsonb NOT NULL DEFAULT '[]',
        ipv6_ra_mode varchar(32),
        ipv6_address_mode varchar(32),
        service_types jsonb NOT NULL DEFAULT '[]',
        tags text[] NOT NULL DEFAULT '{}',
        revision_number integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX subnets_project_id_idx ON subnets (project_id, id)');
    await q.query('CREATE INDEX subnets_network_id_idx ON subnets (network_id)');
    await q.query('CREATE INDEX subnets_name_idx ON subnets (name)');
    await q.query('CREATE INDEX subnets_tags_idx ON subnets USING gin (tags)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE subnets');
  }
}
