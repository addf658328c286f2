import { Logger } from '@nestjs/common';
import { PulsarWebSocketMessageBus } from '@alcor/bus';
import { Environment } from '@alcor/config';
import { AgentTransport, GrpcAgentTransport } from './agent-transport';
import { PulsarAgentTransport } from './pulsar-agent-transport';

/**
 * The southbound the DPM pushes goal states over: gRPC to each agent (default, ACA-compatible) or,
 * with DPM_SOUTHBOUND=pulsar, Pulsar topics per host on its own connection to PULSAR_WS_URL
 * (whatever BUS is: the resource events may stay in process).
 */
export function createAgentTransport(environment: Environment, hostOf: (address: string) => string | undefined): AgentTransport {
  if (environment.DPM_SOUTHBOUND !== 'pulsar') return new GrpcAgentTransport(environment.DPM_MAX_INFLIGHT_PUSHES);
  if (!environment.PULSAR_WS_URL) throw new Error('DPM_SOUTHBOUND=pulsar needs PULSAR_WS_URL (deploy/local/pulsar.sh up prints it)');
  const logger = new Logger('PulsarSouthbound');
  const bus = new PulsarWebSocketMessageBus({
    wsUrl: environment.PULSAR_WS_URL,
    httpUrl: environment.PULSAR_HTTP_URL,
    onError: (error) => logger.warn(`pulsar: ${String(error)}`),
  });
  return new PulsarAgentTransport(bus, { hostOf, namespace: environment.DPM_SOUTHBOUND_NAMESPACE, maxInFlight: environment.DPM_MAX_INFLIGHT_PUSHES, ownsBus: true });
}
