import { randomBytes } from 'node:crypto';
import { PulsarWebSocketMessageBus } from '@alcor/bus';
import { pulsarAgents, type FleetOptions } from '@alcor/fleet';

export type FanoutTransport = 'grpc' | 'pulsar';

export interface FanoutSouthbound {
  /** Environment of the control plane process. */
  env: Record<string, string>;
  fleet: Pick<FleetOptions, 'createAgent'>;
  /** Closes the agents' Pulsar connection and deletes the run's namespace (its topics and subscriptions). */
  close(): Promise<void>;
}

/**
 * How the fanout bench's DPM reaches its agents: gRPC (default) or DPM_SOUTHBOUND=pulsar with a
 * namespace of this run's own on PULSAR_WS_URL, deleted afterwards.
 */
export async function fanoutSouthbound(transport: FanoutTransport): Promise<FanoutSouthbound> {
  if (transport === 'grpc') return { env: { DPM_SOUTHBOUND: 'grpc' }, fleet: {}, close: async () => undefined };
  const wsUrl = process.env.PULSAR_WS_URL;
  if (!wsUrl) throw new Error('--transport pulsar needs PULSAR_WS_URL (deploy/local/pulsar.sh up prints it)');
  const httpUrl = process.env.PULSAR_HTTP_URL ?? wsUrl.replace(/^ws(s?):/, 'http$1:');
  const namespace = `alcor-bench/fanout-${randomBytes(4).toString('hex')}`;
  const bus = await PulsarWebSocketMessageBus.connect({ wsUrl, httpUrl, connectTimeoutMs: 10_000 });
  return {
    env: { DPM_SOUTHBOUND: 'pulsar', DPM_SOUTHBOUND_NAMESPACE: namespace, PULSAR_WS_URL: wsUrl, PULSAR_HTTP_URL: httpUrl },
    fleet: { createAgent: pulsarAgents({ bus, namespace }) },
    close: async () => {
      await bus.close();
      const res = await fetch(`${httpUrl.replace(/\/+$/, '')}/admin/v2/namespaces/${namespace}?force=true`, { method: 'DELETE' }).catch((error: unknown) => error);
      if (!(res instanceof Response) || !res.ok) process.stderr.write(`[bench] could not delete Pulsar namespace ${namespace}: ${res instanceof Response ? res.status : String(res)}\n`);
    },
  };
}
