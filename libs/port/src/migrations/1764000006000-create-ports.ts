import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePorts1764000006000 implements MigrationInterface {
  name = 'CreatePorts1764000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ports (
        id uuid PRIMARY KEY,
        project_id varchar(255) NOT NULL,
        network_id uuid NOT NULL,
        name varchar(255) NOT NULL DEFAULT '',
        description varchar(255) NOT NULL DEFAULT '',
        admin_state_up boolean NOT NULL DEFAULT true,
        mac_address varchar(17) NOT NULL,
        device_id varchar(255) NOT NULL DEFAULT '',
        device_owner varchar(255) NOT NULL DEFAULT '',
        status varchar(16) NOT NULL DEFAULT 'DOWN',
        port_security_enabled boolean NOT NULL DEFAULT true,
        allowed_address_pairs jsonb NOT NULL DEFAULT '[]',
        extra_dhcp_opts jsonb NOT NULL DEFAULT '[]',
        security_group_ids jsonb NOT NULL DEFAULT '[]',
        host_id varchar(255) NOT NULL DEFAULT '',
        vnic_type varchar(32) NOT NULL DEFAULT 'normal',
        binding_profile jsonb NOT NULL DEFAULT '{}',
        tags text[] NOT NULL DEFAULT '{}',
        revision_number integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        -- Neutron: a MAC is unique within its network (the MAC manager enforces it too).
        CONSTRAINT ports_network_mac_key UNIQUE (network_id, mac_address)
      )`);
    // Every attribute Neutron users filter by has an index (Nova lists by device_id, the CLI by host).
    for (const column of ['project_id, id', 'network_id', 'device_id', 'device_owner', 'host_id', 'name', 'mac_address']) {
      await q.query(`CREATE INDEX ports_${column.split(',')[0]}_idx ON ports (${column})`);
    }
    await q.query('CREATE INDEX ports_tags_idx ON ports USING gin (tags)');
    await q.query(`
      CREATE TABLE port_fixed_ips (
        port_id uuid NOT NULL REFERENCES ports (id) ON DELETE CASCADE,
        subnet_id uuid NOT NULL,
        ip_address varchar(64) NOT NULL,
        position integer NOT NULL DEFAULT 0,
        PRIMARY KEY (port_id, subnet_id, ip_address),
        -- The IPAM manager owns allocation; this keeps the port table honest as well.
        CONSTRAINT port_fixed_ips_subnet_ip_key UNIQUE (subnet_id, ip_address)
      )`);
    await q.query('CREATE INDEX port_fixed_ips_ip_address_idx ON port_fixed_ips (ip_address)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE port_fixed_ips');
    await q.query('DROP TABLE ports');
  }
}
