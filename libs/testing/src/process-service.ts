import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { listensOn } from './port-owner';
import { waitFor } from './wait-for';

const ROOT = join(__dirname, '..', '..', '..');

export interface ServiceProcess {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  /** Output so far, for failure messages. */
  output(): string;
  /** Sends a signal and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * A port free now, for a server another process will start. Picked below Linux's ephemeral range
 * (32768-60999): a port from `listen(0)` is an ephemeral one, and any outgoing connection of a
 * parallel suite could take it as its local port before the child listens (CI saw EADDRINUSE).
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    if (await canListen(port)) return port;
    if (attempt > 50) throw new Error('no free port found in 20000-31999');
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Runs an app's main.ts as its own process, exactly as `nx serve <app>` does, and waits until
 * `readyPath` answers 200.
 */
export async function spawnService(app: string, env: Record<string, string | undefined>, readyPath = '/readyz'): Promise<ServiceProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnOnce(app, env, readyPath, await freePort());
    } catch (error) {
      // Another process took the port between the pick and the child's listen: pick again.
      if (attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

async function spawnOnce(app: string, env: Record<string, string | undefined>, readyPath: string, port: number): Promise<ServiceProcess> {
  let output = '';
  const child = spawn(process.execPath, ['-r', join(ROOT, 'tools/register.js'), join(ROOT, `apps/${app}/src/main.ts`)], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', API_HOST: '127.0.0.1', ...env, API_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}: ${output}`);
        if (!(await listensOn(child.pid as number, port))) return false;
        return (await fetch(`${baseUrl}${readyPath}`).catch(() => undefined))?.ok;
      },
      60_000,
      `${app} to become ready`,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    baseUrl,
    port,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
