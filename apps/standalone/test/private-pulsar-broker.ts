import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@alcor/testing';

const ROOT = join(__dirname, '..', '..', '..');
const SCRIPT = join(ROOT, 'deploy/local/pulsar.sh');

export interface PrivateBroker {
  wsUrl: string;
  httpUrl: string;
  /**
   * Stops the broker and starts it again on the same data: `term` = an orderly shutdown
   * (pulsar.sh stop), `kill` = a crash (SIGKILL: sockets cut without a close frame, replies lost).
   */
  restart(how: 'term' | 'kill', hooks?: { stopped?: () => void }): Promise<{ downMs: number }>;
  /** Stops the broker and deletes its root. */
  dispose(): Promise<void>;
}

/**
 * A Pulsar standalone broker of this test's own, started by deploy/local/pulsar.sh on free ports
 * under a throwaway root that links the jars of the shared install. Fault tests restart it
 * freely: suites that run in parallel on the shared broker (PULSAR_WS_URL) are not disturbed.
 */
export async function startPrivateBroker(): Promise<PrivateBroker> {
  const sharedRoot = process.env.PULSAR_ROOT ?? '/tmp/alcor-pulsar';
  const version = process.env.PULSAR_VERSION ?? '3.0.7';
  const marker = join(sharedRoot, `.installed-${version}`);
  if (!existsSync(marker)) throw new Error(`Pulsar ${version} is not installed under ${sharedRoot}: run deploy/local/pulsar.sh install`);
  const root = mkdtempSync('/tmp/alcor-pulsar-fault-');
  // pulsar.sh finds its install through the marker and jars-<ver>/ (route B) or dist-<ver>/ (route A).
  for (const dir of [`jars-${version}`, `dist-${version}`]) {
    if (existsSync(join(sharedRoot, dir))) symlinkSync(join(sharedRoot, dir), join(root, dir));
  }
  copyFileSync(marker, join(root, `.installed-${version}`));
  const [port, httpPort, bookiePort] = [await freePort(), await freePort(), await freePort()];
  const env = {
    ...process.env,
    PULSAR_ROOT: root,
    PULSAR_VERSION: version,
    PULSAR_PORT: String(port),
    PULSAR_HTTP_PORT: String(httpPort),
    PULSAR_BOOKIE_PORT: String(bookiePort),
  };
  const run = (command: 'start' | 'stop') =>
    new Promise<string>((resolve, reject) => {
      execFile('bash', [SCRIPT, command], { env, timeout: 240_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`pulsar.sh ${command} failed: ${error.message}\n${stderr}`)) : resolve(stdout),
      );
    });
  try {
    await run('start');
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    wsUrl: `ws://127.0.0.1:${httpPort}`,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    restart: async (how, hooks = {}) => {
      const stopping = Date.now();
      if (how === 'kill') await kill(Number(readFileSync(join(root, 'pulsar.pid'), 'utf8').trim()));
      else await run('stop');
      hooks.stopped?.();
      await run('start');
      return { downMs: Date.now() - stopping };
    },
    dispose: async () => {
      await run('stop').catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** SIGKILL and wait until the process is gone (pulsar.sh start then sees a stale pid file). */
async function kill(pid: number): Promise<void> {
  if (!Number.isInteger(pid) || pid <= 1) throw new Error(`no broker pid to kill: ${pid}`);
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`broker pid ${pid} still alive 10 s after SIGKILL`);
}
