import { appendFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { goalStateCommand } from './goal-state';
import { fanoutCommand } from './fanout/fanout';
import { NeutronClient } from './neutron-client';
import { scaleCommand } from './scale/scale';
import { runCrud, warn, type PhaseLine, type RunOptions } from './scenarios/crud';
import { runL3 } from './scenarios/l3';
import { networks } from './scenarios/networks';
import { ports } from './scenarios/ports';
import { runSgRules } from './scenarios/sg-rules';
import { ratio } from './stats';

const USAGE = `usage: npm run bench -- <networks|ports|sg-rules> --target <url> [--peer <url>] [options]
  --target <url>          this project's Neutron API (reported as "project")
  --peer <url>            a real Neutron to compare with (reported as "neutron"); runs after the target
  --peer-label <name>     report the peer under another name (e.g. "base": an older tree of this project)
  --rounds R              run target and peer in turn R times (default 1); lines carry "round"
  --ports N / --networks N / --count N   resources per phase (default 100; sg-rules: rules)
  --concurrency C         requests in flight (default 16)
  --bulk-size B           resources per bulk POST (default N: one POST); B < N repeats the POST serially
  --warmup W              warm-up operations per phase, excluded from the figures (default 5)
  --settle-ms M           before each phase, wait up to M ms for the server to go idle (<10% of a core), so a
                          phase does not carry the previous one's background work (default 10000; 0: no wait)
  --target-pids p1,p2     server pids to account CPU to (default: the owners of the URL's listening port)
  --peer-pids p3,p4       same for the peer
  --out results.jsonl     also append every JSON line to this file
  --tag <prefix>          name prefix of everything created (default bench-<random>)
  --token <token>         X-Auth-Token for a Keystone-protected server
  --timeout-ms <ms>       per request (default 600000)
  --allow-remote          permit non-loopback URLs`;

type Scenario = (client: NeutronClient, run: RunOptions, emit: (line: PhaseLine) => void) => Promise<PhaseLine[]>;
const SCENARIOS: Record<string, Scenario> = {
  networks: (client, run, emit) => runCrud(networks, client, run, emit),
  ports: (client, run, emit) => runCrud(ports, client, run, emit),
  'sg-rules': (client, run, emit) => runSgRules(client, run, emit),
  l3: runL3,
};

async function main(): Promise<number> {
  // Builder-only commands (no server): their own options, one JSON line per result on stdout.
  if (process.argv[2] === 'goal-state') return goalStateCommand(process.argv.slice(3), (line) => process.stdout.write(`${JSON.stringify(line)}\n`));
  // The DPM fan-out: starts its own control plane and simulated hosts (no --target).
  if (process.argv[2] === 'fanout') return fanoutCommand(process.argv.slice(3), (line) => process.stdout.write(`${JSON.stringify(line)}\n`));
  // GET/list latency against the number of stored ports (loads its own ports through the bulk API).
  if (process.argv[2] === 'scale') return scaleCommand(process.argv.slice(3), (line) => process.stdout.write(`${JSON.stringify(line)}\n`));
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      target: { type: 'string' },
      peer: { type: 'string' },
      ports: { type: 'string' },
      networks: { type: 'string' },
      count: { type: 'string' },
      concurrency: { type: 'string', default: '16' },
      'bulk-size': { type: 'string' },
      warmup: { type: 'string', default: '5' },
      'settle-ms': { type: 'string', default: '10000' },
      'target-pids': { type: 'string' },
      'peer-pids': { type: 'string' },
      out: { type: 'string' },
      tag: { type: 'string' },
      token: { type: 'string' },
      'timeout-ms': { type: 'string', default: '600000' },
      'allow-remote': { type: 'boolean', default: false },
      'peer-label': { type: 'string', default: 'neutron' },
      rounds: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const scenario = positionals[0];
  const runScenario = Object.hasOwn(SCENARIOS, scenario ?? '') ? SCENARIOS[scenario] : undefined;
  if (values.help || !runScenario || !values.target) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const count = positiveInt('count', values.count ?? values.ports ?? values.networks ?? '100');
  const base = {
    scenario,
    count,
    concurrency: positiveInt('concurrency', values.concurrency),
    bulkSize: positiveInt('bulk-size', values['bulk-size'] ?? String(count)),
    warmup: nonNegativeInt('warmup', values.warmup),
    settleMs: nonNegativeInt('settle-ms', values['settle-ms']),
    tag: values.tag ?? `bench-${randomBytes(3).toString('hex')}`,
  };
  const timeoutMs = positiveInt('timeout-ms', values['timeout-ms']);
  const targets = [
    { label: 'project', url: values.target, pids: values['target-pids'] },
    ...(values.peer ? [{ label: values['peer-label'], url: values.peer, pids: values['peer-pids'] }] : []),
  ];
  for (const t of targets) checkUrl(t.url, values['allow-remote']);

  const rounds = positiveInt('rounds', values.rounds);
  const emitTo = (round: number) => (line: object): void => {
    // Several rounds: the first one carries the servers' JIT warm-up, later ones show the spread.
    const text = JSON.stringify(rounds > 1 ? { round, ...line } : line);
    process.stdout.write(`${text}\n`);
    if (values.out) appendFileSync(values.out, `${text}\n`);
  };
  for (let round = 1; round <= rounds; round++) {
    const emit = emitTo(round);
    const results: PhaseLine[][] = [];
    for (const t of targets) {
      const tag = rounds > 1 ? `${base.tag}-r${round}-${t.label}` : `${base.tag}-${t.label}`;
      const run: RunOptions = { ...base, label: t.label, tag, pids: t.pids?.split(',').map((p) => positiveInt('pid', p)) };
      const client = new NeutronClient(t.url, { sockets: run.concurrency, timeoutMs, token: values.token });
      warn(`${scenario} on ${t.label} (${t.url}): N=${count} C=${run.concurrency} bulk=${run.bulkSize} warmup=${run.warmup} tag=${run.tag} round ${round}/${rounds}`);
      try {
        results.push(await runScenario(client, run, emit));
      } finally {
        client.close();
      }
    }
    if (results.length === 2) {
      const [project, peer] = results;
      for (const p of project) {
        const n = peer.find((line) => line.phase === p.phase);
        if (!n) continue;
        emit({ scenario, phase: p.phase, ratio_throughput: ratio(p.throughput_per_s, n.throughput_per_s), ratio_p99: ratio(n.p99_ms, p.p99_ms) });
      }
    }
  }
  return 0;
}

function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${text}`);
  return n;
}

function nonNegativeInt(name: string, text: string): number {
  return text === '0' ? 0 : positiveInt(name, text);
}

/** A load generator should not be pointed at someone else's server by a typo. */
function checkUrl(url: string, allowRemote: boolean): void {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (!allowRemote && !(host === 'localhost' || host === '::1' || /^127\./.test(host))) {
    throw new Error(`${url} is not a loopback address; pass --allow-remote to benchmark it`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`[bench] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
