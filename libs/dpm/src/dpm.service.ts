import { AsyncResource } from 'node:async_hooks';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { decodeJson, MESSAGE_BUS, MessageBus, publishJson, ReceivedMessage, Subscription } from '@alcor/bus';
import { Environment, managerUrls } from '@alcor/config';
import { FloatingIpStatusEvent, INTERNAL_SERVICE_HEADERS, PortStatusEvent, ResourceEvent, TOPICS } from '@alcor/contracts';
import { ENVIRONMENT } from '@alcor/platform';
import { DataPlane } from './data-plane';
import { createAgentTransport } from './delivery/pulsar-southbound';
import { DPM_OPTIONS, DpmOptions } from './dpm.options';
import { NcmServer } from './ncm/ncm-server';
import { ListingGet, loadTopology } from './rebuild/topology-loader';
import { DpmReplication } from './shared-cache/dpm-replication';

/** The DPM's one durable subscription per topic; failover: one active DPM at a time, in order. */
export const DPM_SUBSCRIPTION = 'data-plane-manager';

/** Resource topics the DPM programs (floating IPs: into the router state of their fixed port's host). */
export function dpmTopics(): string[] {
  const topics: Record<string, string> = TOPICS;
  return ['networkEvents', 'subnetEvents', 'portEvents', 'nodeEvents', 'securityGroupEvents', 'routerEvents', 'floatingIpEvents']
    .map((name) => topics[name])
    .filter((topic): topic is string => typeof topic === 'string');
}

/**
 * Runs the DPM in a Nest process: subscribes first (events wait), rebuilds the index from the
 * managers' listings, then applies events; pushes goal states to host agents and serves the NCM
 * role's gRPC. Generations and nb_cfg restart with the process, so every host gets a FULL state.
 */
@Injectable()
export class DpmService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DataPlaneManager');
  readonly dataPlane: DataPlane;
  readonly ncm: NcmServer;
  private readonly subscriptions: Subscription[] = [];
  private rebuilt = false;
  /** KV=ignite: the replicas' shared cache and leader lease; undefined otherwise. */
  private replication?: DpmReplication;
  private readonly ready: Promise<void>;
  private markReady!: () => void;
  private stopping = false;
  /** Handlers run detached from the publisher's async context (the in-process bus keeps it: the relay's transaction). */
  private readonly detached = new AsyncResource('DataPlaneManager');

  constructor(
    @Inject(ENVIRONMENT) private readonly environment: Environment,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(DPM_OPTIONS) private readonly options: DpmOptions,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.dataPlane = new DataPlane(
      createAgentTransport(environment, (address) => this.dataPlane.delivery.hosts().find((link) => link.address === address)?.hostId),
      {
        pushTimeoutMs: environment.DPM_PUSH_TIMEOUT_MS,
        heartbeatMs: environment.DPM_HEARTBEAT_MS,
        heartbeatMisses: environment.DPM_HEARTBEAT_MISSES,
        retryMaxMs: environment.DPM_RETRY_MAX_MS,
      },
      (event) => this.publishStatus(event),
      (event) => this.publishFloatingIpStatus(event),
    );
    this.ncm = new NcmServer(this.dataPlane);
  }

  get isRebuilt(): boolean {
    return this.rebuilt;
  }

  /** For sync-status: where the index came from and this replica's role (KV=ignite only). */
  replicaStatus(): Record<string, unknown> {
    const r = this.replication;
    return r ? { rebuilt_from: r.source ?? null, replica: { id: r.replicaId, role: r.role } } : {};
  }

  async onApplicationBootstrap(): Promise<void> {
    const { DPM_GRPC_HOST: host, DPM_GRPC_PORT: grpcPort } = this.environment;
    try {
      const port = await this.ncm.start(host, grpcPort);
      this.logger.log(`GoalStateProvisioner (NCM role) on ${host}:${port}`);
    } catch (error) {
      // Pushing goal states does not need it; agents' restart and on-demand requests do.
      this.logger.error(`NCM role disabled: cannot listen on ${host}:${grpcPort}: ${String(error)}`);
    }
    this.replication = await DpmReplication.open(this.environment, this.dataPlane, this.logger);
    const initialPosition = DpmReplication.initialPosition(this.environment);
    const options = { mode: 'failover', initialPosition, nackRedeliveryDelayMs: 500 } as const;
    const subscription = DpmReplication.subscriptionName(DPM_SUBSCRIPTION, this.environment);
    for (const topic of dpmTopics()) {
      const handler = (message: ReceivedMessage) => this.detached.runInAsyncScope(() => this.onEvent(topic, message));
      this.subscriptions.push(await this.bus.subscribe(topic, subscription, options, handler));
    }
    // Not awaited: in standalone the listings are this process's own routes, served once it is up.
    void this.rebuild();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const subscription of this.subscriptions.splice(0)) await subscription.close().catch(() => undefined);
    this.dataPlane.stop();
    await this.replication?.stop();
    await this.ncm.stop();
  }

  private async onEvent(topic: string, message: ReceivedMessage): Promise<void> {
    await this.ready;
    try {
      this.dataPlane.handle(decodeJson(message) as ResourceEvent<unknown>);
    } catch (error) {
      // A change the builder cannot take would otherwise be redelivered forever.
      this.logger.error(`dropping event ${message.messageId} on ${topic}: ${String(error)}`);
    }
    await message.ack();
  }

  private async rebuild(): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        await new Promise((resolve) => setImmediate(resolve));
        const started = Date.now();
        if (this.replication && attempt === 1) await this.replication.startLease();
        const cached = await this.replication?.loadFromCache();
        const listed = cached ?? (await loadTopology((resource) => this.listingGet(resource)));
        this.dataPlane.load(listed);
        await this.replication?.loaded(listed, cached ? 'cache' : 'listings');
        this.dataPlane.delivery.start();
        this.rebuilt = true;
        this.markReady();
        this.logger.log(`index rebuilt from ${listed.length} resources (${cached ? 'shared cache' : 'listings'}) in ${Date.now() - started} ms`);
        return;
      } catch (error) {
        this.logger.warn(`rebuild attempt ${attempt} failed, retrying: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 200 * attempt)));
      }
    }
  }

  private listingGet(resource: string): ListingGet {
    if (this.options.topologySource === 'in-process') {
      const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
      return async (path) => {
        const response = await fastify.inject({ method: 'GET', url: path, headers: { ...INTERNAL_SERVICE_HEADERS } });
        return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : undefined };
      };
    }
    const urls: Record<string, string | undefined> = managerUrls(this.environment);
    const base = { node: urls['node'], network: urls['vpc'], subnet: urls['subnet'], port: urls['port'], security_group: urls['securityGroup'], router: urls['route'], floatingip: urls['elasticIp'] }[resource];
    if (!base) return async () => ({ status: 404, body: undefined });
    return async (path) => {
      const response = await fetch(`${base.replace(/\/$/, '')}${path}`, { headers: { ...INTERNAL_SERVICE_HEADERS } });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    };
  }

  private publishStatus(event: PortStatusEvent): void {
    publishJson(this.bus, TOPICS.portStatusEvents, event, { key: event.portId }).catch((error: unknown) =>
      // Lost only until the next restart: the rebuild starts from the stored status and re-derives it.
      this.logger.warn(`port status ${event.portId} ${event.status} not published: ${String(error)}`),
    );
  }

  private publishFloatingIpStatus(event: FloatingIpStatusEvent): void {
    publishJson(this.bus, TOPICS.floatingIpStatusEvents, event, { key: event.floatingIpId }).catch((error: unknown) =>
      // As for ports: the rebuild re-derives it from the stored status.
      this.logger.warn(`floating IP status ${event.floatingIpId} ${event.status} not published: ${String(error)}`),
    );
  }
}
