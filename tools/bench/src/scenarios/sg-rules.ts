import { cpuDelta, listenerPids, snapshot } from '../cpu';
import { runLoad, type OpResult } from '../load';
import { expectStatus, field, NeutronClient } from '../neutron-client';
import { toLine, warn, type PhaseLine, type RunOptions } from './crud';

const RULES = '/v2.0/security-group-rules';

/**
 * Security group rules in one group: create (one rule per POST, C in flight: they queue on the
 * group, whose full rule set every change publishes), bulk (B rules per POST), get, list by
 * group and port, delete. Rule i of `create` opens TCP port i+1, bulk rules open UDP ports, so
 * every rule is distinct. The project's security_group_rule quota is lifted for the run and
 * restored afterwards.
 */
export async function runSgRules(client: NeutronClient, run: RunOptions, emit: (line: PhaseLine) => void): Promise<PhaseLine[]> {
  const { count, concurrency, warmup, tag } = run;
  if (count + warmup > 65535) throw new Error('--count plus --warmup must stay within 65535 ports');
  const reply = await client.post('/v2.0/security-groups', { security_group: { name: `${tag}-sg` } }).catch((error: Error) => ({ status: 0, body: error.message }));
  if (reply.status !== 201) {
    warn(`${run.label} ${client.url}: security group create answered ${reply.status} ${JSON.stringify(reply.body)}; skipped`);
    return [];
  }
  const group = field(reply.body, 'security_group');
  const groupId = String(field(group, 'id'));
  const project = String(field(group, 'project_id'));
  const restoreQuota = await liftRuleQuota(client, project);
  const lines: PhaseLine[] = [];
  const phase = async (name: string, warmupOps: number, ops: number, op: (i: number) => Promise<OpResult>, inFlight = concurrency) => {
    await runLoad(warmupOps, inFlight, op);
    const url = new URL(client.url);
    const roots = run.pids ?? listenerPids(Number(url.port || (url.protocol === 'https:' ? 443 : 80)));
    const before = snapshot(roots);
    const result = await runLoad(ops, inFlight, (i) => op(warmupOps + i));
    const line = toLine(run, client.url, name, inFlight, result, cpuDelta(before, snapshot(roots)));
    lines.push(line);
    emit(line);
  };
  const rule = (protocol: string, port: number) => ({ security_group_id: groupId, direction: 'ingress', protocol, port_range_min: port, port_range_max: port, remote_ip_prefix: '10.0.0.0/8' });
  try {
    const ids: string[] = [];
    const remember = (created: unknown) => {
      const id = field(created, 'id');
      if (typeof id === 'string') ids.push(id);
    };
    await phase('create', warmup, count, async (i) => {
      const r = await client.post(RULES, { security_group_rule: rule('tcp', i + 1) });
      if (r.status === 201) remember(field(r.body, 'security_group_rule'));
      return r.status;
    });
    const measured = Array.from({ length: Math.ceil(count / run.bulkSize) }, (_, j) => Math.min(run.bulkSize, count - j * run.bulkSize));
    const sizes = warmup > 0 ? [warmup, ...measured] : measured;
    const offsets = sizes.map((_, j) => sizes.slice(0, j).reduce((a, b) => a + b, 0));
    await phase('bulk', sizes.length - measured.length, measured.length, async (j) => {
      const r = await client.post(RULES, { security_group_rules: Array.from({ length: sizes[j] }, (_, k) => rule('udp', offsets[j] + k + 1)) });
      const made = field(r.body, 'security_group_rules');
      if (r.status === 201 && Array.isArray(made)) made.forEach(remember);
      return { status: r.status, items: sizes[j] };
    }, 1);
    const pick = (i: number) => ids[i % Math.max(ids.length, 1)] ?? 'missing';
    await phase('get', warmup, count, async (i) => (await client.get(`${RULES}/${pick(i)}`)).status);
    await phase('list-port', warmup, count, async (i) => {
      const port = (i % (count + warmup)) + 1;
      const r = await client.get(`${RULES}?security_group_id=${groupId}&protocol=tcp&port_range_min=${port}`);
      const hits = field(r.body, 'security_group_rules');
      if (r.status === 200 && (!Array.isArray(hits) || hits.length !== 1)) {
        throw Object.assign(new Error('wrong hit count'), { code: `200-but-${Array.isArray(hits) ? hits.length : 'no'}-hits` });
      }
      return r.status;
    });
    const deleteWarmup = Math.min(warmup, ids.length);
    await phase('delete', deleteWarmup, ids.length - deleteWarmup, async (i) => (await client.delete(`${RULES}/${ids[i]}`)).status);
  } finally {
    await client.delete(`/v2.0/security-groups/${groupId}`).catch((error: Error) => warn(`${run.label} cleanup: ${error.message}`));
    await restoreQuota().catch((error: Error) => warn(`${run.label} quota restore: ${error.message}`));
  }
  return lines;
}

/** Unlimited rules for the run (admin only); answers how to put the previous limit back. */
async function liftRuleQuota(client: NeutronClient, project: string): Promise<() => Promise<void>> {
  const shown = await client.get(`/v2.0/quotas/${project}`);
  if (shown.status !== 200) {
    warn(`quota of ${project} not readable (${shown.status}); rules stay limited`);
    return async () => undefined;
  }
  const previous = field(field(shown.body, 'quota'), 'security_group_rule');
  expectStatus(await client.put(`/v2.0/quotas/${project}`, { quota: { security_group_rule: -1 } }), 200, 'lift the rule quota');
  return async () => void expectStatus(await client.put(`/v2.0/quotas/${project}`, { quota: { security_group_rule: previous } }), 200, 'restore the rule quota');
}
