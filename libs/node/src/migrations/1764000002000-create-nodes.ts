import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNodes1764000002000 implements MigrationInterface {
  name = 'CreateNodes1764000002000';

  async up(q: QueryRunner): Promise<void> {
    // Names and host IPs identify a host (ports bind by node name, goal states go to the IP):
    // the unique constraints, not a lookup before insert, keep them unique under concurrency.
    await q.query(`
      CREATE TABLE nodes (
        id varchar(255) NOT NULL,
        name varchar(255) NOT NULL,
        local_ip varchar(45) NOT NULL,
        mac_address varchar(17) NOT NULL,
        veth varchar(255) NOT NULL DEFAULT '',
        server_port integer NOT NULL DEFAULT 50001,
        host_dvr_mac varchar(17),
        ncm_id varchar(255),
        revision_number integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT nodes_pkey PRIMARY KEY (id),
        CONSTRAINT nodes_name_key UNIQUE (name),
        CONSTRAINT nodes_local_ip_key UNIQUE (local_ip)
      )`);
    await q.query('CREATE INDEX nodes_mac_address_idx ON nodes (mac_address)');
    await q.query('CREATE INDEX nodes_ncm_id_idx ON nodes (ncm_id)');
    // The NCM registry; nodes name their NCM loosely (ncm_id), as hosts may register first.
    await q.query(`
      CREATE TABLE ncms (
        id varchar(255) NOT NULL,
        uri varchar(2048) NOT NULL,
        cap integer NOT NULL DEFAULT 0,
        revision_number integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT ncms_pkey PRIMARY KEY (id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ncms');
    await q.query('DROP TABLE nodes');
  }
}
