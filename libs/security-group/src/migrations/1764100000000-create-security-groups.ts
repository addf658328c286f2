import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSecurityGroups1764100000000 implements MigrationInterface {
  name = 'CreateSecurityGroups1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE security_groups (
        id uuid PRIMARY KEY,
        project_id varchar(255) NOT NULL,
        name varchar(255) NOT NULL DEFAULT '',
        description varchar(255) NOT NULL DEFAULT '',
        stateful boolean NOT NULL DEFAULT true,
        is_default boolean NOT NULL DEFAULT false,
        tags text[] NOT NULL DEFAULT '{}',
        revision_number integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX security_groups_project_id_idx ON security_groups (project_id, id)');
    await q.query('CREATE INDEX security_groups_name_idx ON security_groups (name)');
    await q.query('CREATE INDEX security_groups_tags_idx ON security_groups USING gin (tags)');
    // Exactly one default group per project, even when its first uses race.
    await q.query('CREATE UNIQUE INDEX security_groups_one_default_key ON security_groups (project_id) WHERE is_default');
    await q.query(`
      CREATE TABLE security_group_rules (
        id uuid PRIMARY KEY,
        project_id varchar(255) NOT NULL,
        security_group_id uuid NOT NULL REFERENCES security_groups (id) ON DELETE CASCADE,
        direction varchar(16) NOT NULL,
        ethertype varchar(8) NOT NULL,
        protocol varchar(40),
        port_range_min integer,
        port_range_max integer,
        remote_ip_prefix varchar(64),
        remote_group_id uuid REFERENCES security_groups (id) ON DELETE CASCADE,
        rule_key varchar(512) NOT NULL,
        description varchar(255) NOT NULL DEFAULT '',
        revision_number integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT security_group_rules_key UNIQUE (security_group_id, rule_key)
      )`);
    await q.query('CREATE INDEX security_group_rules_project_id_idx ON security_group_rules (project_id, id)');
    await q.query('CREATE INDEX security_group_rules_remote_group_idx ON security_group_rules (remote_group_id)');
    await q.query(`
      CREATE TABLE security_group_port_bindings (
        port_id uuid NOT NULL,
        security_group_id uuid NOT NULL REFERENCES security_groups (id),
        project_id varchar(255) NOT NULL,
        position integer NOT NULL DEFAULT 0,
        PRIMARY KEY (port_id, security_group_id)
      )`);
    await q.query('CREATE INDEX security_group_port_bindings_group_idx ON security_group_port_bindings (security_group_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE security_group_port_bindings');
    await q.query('DROP TABLE security_group_rules');
    await q.query('DROP TABLE security_groups');
  }
}
