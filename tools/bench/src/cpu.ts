import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * Server CPU time per phase, from /proc/<pid>/stat (utime + stime, in clock ticks).
 *
 * Tracked processes, rediscovered at both ends of a phase:
 *  - the roots: the pids given on the command line, or else every pid holding the target's
 *    listening socket (`ss -ltnpH`); plus every descendant of a root running the same executable
 *    (/proc/<pid>/exe), e.g. Neutron's forked API, RPC and periodic workers;
 *  - database backends: the processes at the other end of the roots' established loopback TCP
 *    connections to a local listening port (`ss -tnpH`), e.g. the PostgreSQL backends serving
 *    Neutron's pool on :5433, or the project's pool on :55432, and no one else's.
 * A process found at the end but not at the start was born during the phase and counts in full;
 * one that exits during the phase is not counted (pools and workers live through a run).
 */

const TICKS_PER_SECOND = clockTicks();

export interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime, clock ticks. */
  ticks: number;
}

/** Parses /proc/<pid>/stat; comm may hold spaces and parentheses, so fields count from the last ')'. */
export function parseStat(text: string): ProcStat {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  const rest = text.slice(close + 2).split(' ');
  // rest[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
  return { pid: Number(text.slice(0, open)), comm: text.slice(open + 1, close), ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) };
}

export interface SocketRow {
  state: string;
  local: string;
  peer: string;
  pids: number[];
}

/** Rows of `ss -tnpH` / `ss -ltnpH`: State Recv-Q Send-Q Local Peer [users:(("name",pid=N,fd=M),…)]. */
export function parseSs(output: string): SocketRow[] {
  return output
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [state, , , local, peer] = line.trim().split(/\s+/);
      const pids = [...new Set([...line.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])))];
      return { state, local, peer, pids };
    });
}

export function portOf(address: string): number {
  return Number(address.slice(address.lastIndexOf(':') + 1));
}

/** Pids holding a listening socket on `port`. */
export function listenerPids(port: number, listening: readonly SocketRow[] = ss(['-ltnpH'])): number[] {
  return [...new Set(listening.filter((row) => portOf(row.local) === port).flatMap((row) => row.pids))];
}

/** "neutron-server:" → "neutron-server", "/usr/bin/python" → "python". */
function cleanName(comm: string): string {
  return basename(comm.replace(/:$/, '')) || comm;
}

function mostCommonName(stats: readonly ProcStat[]): string {
  const counts = new Map<string, number>();
  for (const s of stats) counts.set(cleanName(s.comm), (counts.get(cleanName(s.comm)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'unknown';
}

export interface CpuSnapshot {
  /** pid → [group label, ticks] */
  procs: Map<number, [string, number]>;
  bench: NodeJS.CpuUsage;
}

/** Samples the roots' process groups and their database backends. */
export function snapshot(roots: readonly number[]): CpuSnapshot {
  const all = readAllStats();
  const server = trackGroup(roots, all);
  const procs = new Map<number, [string, number]>();
  const serverLabel = mostCommonName(server);
  for (const s of server) procs.set(s.pid, [serverLabel, s.ticks]);
  for (const [port, pids] of databaseBackends(new Set(server.map((s) => s.pid)))) {
    const stats = pids.map((pid) => all.get(pid)).filter((s): s is ProcStat => s !== undefined);
    let label = mostCommonName(stats);
    if (label === serverLabel) label = `${label}:${port}`;
    for (const s of stats) procs.set(s.pid, [label, s.ticks]);
  }
  return { procs, bench: process.cpuUsage() };
}

export interface CpuDelta {
  /** label → CPU seconds during the phase; "bench" is this load generator. */
  seconds: Record<string, number>;
  /** label → number of processes counted. */
  pids: Record<string, number>;
}

export function cpuDelta(start: CpuSnapshot, end: CpuSnapshot): CpuDelta {
  const seconds: Record<string, number> = {};
  const pids: Record<string, number> = {};
  for (const [pid, [label, ticks]] of end.procs) {
    const before = start.procs.get(pid)?.[1] ?? 0;
    seconds[label] = (seconds[label] ?? 0) + Math.max(0, ticks - before) / TICKS_PER_SECOND;
    pids[label] = (pids[label] ?? 0) + 1;
  }
  seconds.bench = (end.bench.user + end.bench.system - start.bench.user - start.bench.system) / 1e6;
  for (const key of Object.keys(seconds)) seconds[key] = Math.round(seconds[key] * 100) / 100;
  return { seconds, pids };
}

/** The roots plus their descendants that run the same executable as their root. */
function trackGroup(roots: readonly number[], all: Map<number, ProcStat>): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const s of all.values()) {
    const siblings = children.get(s.ppid) ?? [];
    siblings.push(s);
    children.set(s.ppid, siblings);
  }
  const found = new Map<number, ProcStat>();
  for (const root of roots) {
    const top = all.get(root);
    if (!top) continue;
    const exe = exeOf(root);
    const stack = [top];
    for (let s = stack.pop(); s; s = stack.pop()) {
      if (found.has(s.pid) || (s !== top && exeOf(s.pid) !== exe)) continue;
      found.set(s.pid, s);
      stack.push(...(children.get(s.pid) ?? []));
    }
  }
  return [...found.values()];
}

/** listening port → pids at the far end of the server's established connections to that port. */
function databaseBackends(server: ReadonlySet<number>): Map<number, number[]> {
  const listeningPorts = new Set(ss(['-ltnH']).map((row) => portOf(row.local)));
  const established = ss(['-tnpH']).filter((row) => row.state === 'ESTAB');
  const byEnds = new Map(established.map((row) => [`${row.local} ${row.peer}`, row]));
  const result = new Map<number, number[]>();
  for (const row of established) {
    if (!row.pids.some((pid) => server.has(pid)) || !listeningPorts.has(portOf(row.peer))) continue;
    const far = byEnds.get(`${row.peer} ${row.local}`);
    const pids = (far?.pids ?? []).filter((pid) => !server.has(pid) && pid !== process.pid);
    if (pids.length) result.set(portOf(row.peer), [...new Set([...(result.get(portOf(row.peer)) ?? []), ...pids])]);
  }
  return result;
}

function readAllStats(): Map<number, ProcStat> {
  const all = new Map<number, ProcStat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      all.set(stat.pid, stat);
    } catch {
      // the process exited while we listed /proc
    }
  }
  return all;
}

function exeOf(pid: number): string {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return '?';
  }
}

function ss(args: string[]): SocketRow[] {
  try {
    return parseSs(execFileSync('ss', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return [];
  }
}

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** Server and database CPU seconds in a snapshot (the load generator left out). */
export function serverSeconds(s: CpuSnapshot): number {
  let ticks = 0;
  for (const [, t] of s.procs.values()) ticks += t;
  return ticks / TICKS_PER_SECOND;
}

/**
 * Waits until the roots (and their database backends) use at most `busyShare` of one core over an
 * `intervalMs` window, or `maxMs` passed; answers the milliseconds waited. Without it a phase
 * would also carry the previous phase's background work (a bulk's thousands of events still being
 * relayed and turned into goal states) in its latencies and CPU seconds.
 */
export async function waitForIdle(roots: () => readonly number[], maxMs: number, intervalMs = 200, busyShare = 0.1): Promise<number> {
  const started = Date.now();
  let before = serverSeconds(snapshot(roots()));
  while (Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    const now = serverSeconds(snapshot(roots()));
    if (now - before <= (busyShare * intervalMs) / 1000) break;
    before = now;
  }
  return Date.now() - started;
}
