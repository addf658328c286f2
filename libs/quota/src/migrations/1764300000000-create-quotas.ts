import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateQuotas1764300000000 implements MigrationInterface {
  name = 'CreateQuotas1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quota_limits (
        project_id varchar(255) NOT NULL,
        resource varchar(64) NOT NULL,
        hard_limit integer NOT NULL CHECK (hard_limit >= -1),
        PRIMARY KEY (project_id, resource)
      )`);
    await q.query(`
      CREATE TABLE quota_usages (
        project_id varchar(255) NOT NULL,
        resource varchar(64) NOT NULL,
        in_use integer NOT NULL DEFAULT 0 CHECK (in_use >= 0),
        PRIMARY KEY (project_id, resource)
      )`);
    await q.query(`
      CREATE TABLE quota_applies (
        apply_id varchar(64) PRIMARY KEY,
        project_id varchar(255) NOT NULL,
        resource_deltas jsonb NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX quota_applies_created_at_idx ON quota_applies (created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE quota_applies');
    await q.query('DROP TABLE quota_usages');
    await q.query('DROP TABLE quota_limits');
  }
}
