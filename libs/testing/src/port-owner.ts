import { readdir, readFile, readlink } from 'node:fs/promises';

/**
 * Whether process `pid` holds the TCP listener on 127.0.0.1:`port` (Linux /proc; true elsewhere).
 * A readiness probe alone can be answered by another suite's server that took the port first.
 */
export async function listensOn(pid: number, port: number): Promise<boolean> {
  const table = await readFile('/proc/net/tcp', 'utf8').catch(() => undefined);
  if (table === undefined) return true;
  const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const inodes = new Set(
    table
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((f) => f[1] === local && f[3] === '0A') // 0A: LISTEN
      .map((f) => f[9]),
  );
  if (inodes.size === 0) return false;
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
  for (const fd of fds) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    if (inodes.has(target.replace(/^socket:\[(\d+)\]$/, '$1'))) return true;
  }
  return false;
}
