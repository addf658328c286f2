import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keystoneAdmin, keystoneAuthEnvironment, projectWithUser, ProjectUser, registerNetworkEndpoint } from './keystone-admin';
import { startStandalone, StandaloneFixture } from './standalone-fixture';

/**
 * The operators' tools the compatibility suites drive (deploy/local/tooling.sh up prints their
 * paths). Unset outside CI: the suite is skipped with a warning; in CI a missing tool fails it.
 */
export const operatorTools = {
  openstack: process.env.TEST_OPENSTACK_CLI,
  terraform: process.env.TEST_TERRAFORM,
  terraformPluginDir: process.env.TEST_TERRAFORM_PLUGIN_DIR,
};

/** describe, or describe.skip with a warning when a tool or Keystone is missing outside CI. */
export function describeWithTools(name: string, needed: (string | undefined)[], body: () => void): void {
  const ready = needed.every((v) => v !== undefined) && process.env.TEST_KEYSTONE_URL !== undefined;
  if (!ready && process.env.CI !== 'true') console.warn(`SKIPPED ${name}: run deploy/local/keystone.sh up and deploy/local/tooling.sh up, and set the TEST_* paths they print`);
  (ready || process.env.CI === 'true' ? describe : describe.skip)(name, body);
}

export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a tool to completion; a non-zero exit is a result, not an exception. */
export function runTool(file: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number }): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(file, args, { env: options.env, cwd: options.cwd, timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr: error && typeof error.code !== 'number' ? `${stderr}${String(error)}` : stderr });
    });
  });
}

/** What a tool suite runs against: the server, the tool's project member, its region and work dir. */
export interface OperatorSetup {
  fixture: StandaloneFixture;
  member: ProjectUser;
  /** A region of its own whose catalog's network endpoint is the server. */
  region: string;
  dir: string;
  close(): Promise<void>;
}

/**
 * The standalone control plane behind Keystone, as a cloud runs it: a fresh project with a
 * member user, and the server registered as the network service of a region of its own.
 */
export async function startBehindKeystone(prefix: string): Promise<OperatorSetup> {
  const fixture = await startStandalone('pglite', keystoneAuthEnvironment);
  const admin = await keystoneAdmin();
  const member = await projectWithUser(admin, prefix);
  const region = `alcor-${prefix}-${randomBytes(3).toString('hex')}`;
  const unregister = await registerNetworkEndpoint(admin, region, fixture.service.baseUrl);
  const dir = mkdtempSync(join(tmpdir(), `alcor-${prefix}-`));
  return {
    fixture,
    member,
    region,
    dir,
    async close() {
      await unregister();
      await fixture.service.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
