import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import {
  credentials,
  Metadata,
  Server,
  ServerCredentials,
  type ServerDuplexStream,
  type ServiceDefinition,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { PushKind, SOUTHBOUND_HEADERS } from '@alcor/contracts';
import {
  GoalStateOperationReply,
  GoalStateOperationStatus,
  GoalStateProvisionerClient,
  GoalStateProvisionerService,
  GoalStateV2,
  HostRequest,
  HostRequestReply,
  OperationStatus,
  OperationType,
  RequestType,
  ResourceType,
} from '@alcor/proto';
import { AgentState } from './agent-state';
import { readPushMetadata } from './push-metadata';

export interface FakeAgentOptions {
  nodeId: string;
  nodeName: string;
  /** A loopback address of its own (127.x.y.z), so every simulated host has a distinct local_ip. */
  ip: string;
  /** Where the DPM serves GoalStateProvisioner in the NCM role (host:port), for restarts and on-demand. */
  dpmAddress?: string;
  /** Keep every push in `received` (default true); benchmarks turn it off to hold no history. */
  recordPushes?: boolean;
}

/** One goal state as the agent received and answered it. */
export interface ReceivedPush {
  generation: number;
  kind: PushKind;
  goalState: GoalStateV2;
  bytes: number;
  /** performance.now() when decoded and when the reply was written (undefined while silent). */
  receivedAt: number;
  repliedAt?: number;
  reply?: GoalStateOperationReply;
}

/**
 * A simulated host agent: a GoalStateProvisioner server (one reply per message, any number of
 * messages per stream, like this project's agent; one message per stream works too, like ACA)
 * that applies goal states in memory, idempotent by generation, and acks with per-resource
 * statuses (PORT, DHCP, ROUTER, NEIGHBOR). It can fail resources, fall silent, or restart.
 */
export class FakeAgent extends EventEmitter {
  readonly state = new AgentState();
  readonly received: ReceivedPush[] = [];
  appliedGeneration = 0;
  port = 0;
  private server?: Server;
  private silent = false;
  private silentOnly?: (push: ReceivedPush) => boolean;
  private readonly failures = new Map<string, OperationStatus>();
  private readonly held = new Set<ServerDuplexStream<GoalStateV2, GoalStateOperationReply>>();
  private dpmClient?: GoalStateProvisionerClient;

  constructor(readonly options: FakeAgentOptions) {
    super();
    this.setMaxListeners(0);
  }

  get nodeId(): string {
    return this.options.nodeId;
  }
  get nodeName(): string {
    return this.options.nodeName;
  }
  get ip(): string {
    return this.options.ip;
  }

  async start(): Promise<void> {
    const server = new Server({ 'grpc.max_receive_message_length': -1 });
    let bytes = 0;
    // Same service, with a decoder that also counts the bytes of each message.
    const definition = {
      ...GoalStateProvisionerService,
      pushGoalStatesStream: {
        ...GoalStateProvisionerService.pushGoalStatesStream,
        requestDeserialize: (buffer: Buffer) => {
          bytes = buffer.length;
          return GoalStateV2.decode(buffer);
        },
      },
    } as unknown as ServiceDefinition;
    const handlers: UntypedServiceImplementation = {
      pushGoalStatesStream: (call: ServerDuplexStream<GoalStateV2, GoalStateOperationReply>) => {
        const { generation, kind } = readPushMetadata(call.metadata);
        call.on('data', (goalState: GoalStateV2) => this.onPush(call, goalState, generation, kind, bytes));
        call.on('end', () => {
          if (!this.held.has(call)) call.end();
        });
        call.on('error', () => this.held.delete(call));
        call.on('cancelled', () => this.held.delete(call));
      },
    };
    server.addService(definition, handlers);
    this.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`${this.ip}:${this.port}`, ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))),
    );
    this.server = server;
  }

  /** The node manager's host_info for this agent (POST /nodes or /nodes/bulk). */
  hostInfo(): Record<string, unknown> {
    const octets = this.ip.split('.').map(Number);
    const mac = ['02', 'a1', ...octets.slice(1).map((o) => o.toString(16).padStart(2, '0')), '00'].slice(0, 6).join(':');
    return { node_id: this.nodeId, node_name: this.nodeName, local_ip: this.ip, mac_address: mac, veth: 'eth0', server_port: this.port };
  }

  /** Makes the agent report `status` for this resource id (a port, DHCP or router) until cleared. */
  failResource(resourceId: string, status: OperationStatus = OperationStatus.FAILURE): void {
    this.failures.set(resourceId, status);
  }

  clearFailures(): void {
    this.failures.clear();
  }

  /**
   * Silent: messages are read but never answered (the DPM's deadline expires), like a hung agent.
   * With `only`, just the pushes it matches are held and the rest (heartbeats) answered, so a test
   * can hold one change's ack without the DPM first seeing the host fall silent.
   */
  setSilent(silent: boolean, only?: (push: ReceivedPush) => boolean): void {
    this.silent = silent;
    this.silentOnly = silent ? only : undefined;
    if (!silent) {
      for (const call of this.held) call.end();
      this.held.clear();
    }
  }

  /** Forgets everything, like a restarted agent, and asks the DPM for a full resync (AGENT_RESTARTED). */
  async restart(): Promise<HostRequestReply> {
    this.state.clear();
    this.appliedGeneration = 0;
    return this.request([{ requestType: RequestType.AGENT_RESTARTED, requestId: `restart-${this.nodeId}-${Date.now()}` }]);
  }

  /** RequestGoalStates ON_DEMAND for one unknown destination, as the agent does on a flow miss. */
  requestOnDemand(tunnelId: number, destinationIp: string, requestId = `od-${this.nodeId}-${Date.now()}`): Promise<HostRequestReply> {
    return this.request([{ requestType: RequestType.ON_DEMAND, requestId, tunnelId, destinationIp }]);
  }

  /** Resolves once `predicate` holds after some push (or at once); rejects after timeoutMs. */
  waitFor(predicate: (agent: FakeAgent) => boolean, timeoutMs = 5000, what = 'a condition'): Promise<void> {
    if (predicate(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate(this)) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`agent ${this.nodeName}: timed out waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.off('applied', check);
      };
      this.on('applied', check);
    });
  }

  /** Pushes other than heartbeats. */
  pushes(): ReceivedPush[] {
    return this.received.filter((p) => p.kind !== 'heartbeat');
  }

  async stop(): Promise<void> {
    this.dpmClient?.close();
    this.dpmClient = undefined;
    for (const call of this.held) call.destroy();
    this.held.clear();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
  }

  /** Protected: PulsarFakeAgent feeds it messages from its topic, with a call that publishes the reply. */
  protected onPush(call: ServerDuplexStream<GoalStateV2, GoalStateOperationReply>, goalState: GoalStateV2, generation: number, kind: PushKind, bytes: number): void {
    const push: ReceivedPush = { generation, kind, goalState, bytes, receivedAt: performance.now() };
    if (this.options.recordPushes !== false) this.received.push(push);
    if (this.silent && (!this.silentOnly || this.silentOnly(push))) {
      this.held.add(call);
      return;
    }
    // Idempotent by generation: an older or repeated generation is acknowledged, not re-applied.
    if (kind !== 'heartbeat' && (generation === 0 || generation > this.appliedGeneration || kind === 'full')) {
      this.state.apply(goalState, kind === 'full');
      if (generation > 0) this.appliedGeneration = generation;
    }
    const reply = GoalStateOperationReply.fromPartial({ formatVersion: goalState.formatVersion, operationStatuses: this.statuses(goalState), messageTotalOperationTime: 1 });
    push.reply = reply;
    call.write(reply);
    push.repliedAt = performance.now();
    this.emit('applied', push);
  }

  /** One status per PORT, DHCP, ROUTER and NEIGHBOR state, as ACA (plus neighbors, as our agent). */
  private statuses(goalState: GoalStateV2): GoalStateOperationStatus[] {
    const out: GoalStateOperationStatus[] = [];
    const add = (states: Record<string, { operationType: OperationType }>, resourceType: ResourceType, idOf: (key: string, state: never) => string) => {
      for (const [key, state] of Object.entries(states)) {
        const resourceId = idOf(key, state as never);
        out.push({
          resourceId,
          resourceType,
          operationType: state.operationType,
          operationStatus: this.failures.get(resourceId) ?? this.failures.get(key) ?? OperationStatus.SUCCESS,
          dataplaneProgrammingTime: 1,
          networkConfigurationTime: 0,
          stateElapseTime: 1,
        });
      }
    };
    type WithId = { configuration?: { id: string } };
    const configId = (key: string, state: WithId) => state.configuration?.id || key;
    add(goalState.portStates, ResourceType.PORT, configId);
    add(goalState.dhcpStates, ResourceType.DHCP, configId);
    add(goalState.routerStates, ResourceType.ROUTER, configId);
    add(goalState.neighborStates, ResourceType.NEIGHBOR, configId);
    return out;
  }

  private request(stateRequests: Partial<HostRequest['stateRequests'][number]>[]): Promise<HostRequestReply> {
    if (!this.options.dpmAddress) return Promise.reject(new Error(`agent ${this.nodeName} has no dpmAddress`));
    const client = (this.dpmClient ??= new GoalStateProvisionerClient(this.options.dpmAddress, credentials.createInsecure()));
    const metadata = new Metadata();
    metadata.set(SOUTHBOUND_HEADERS.hostId, this.nodeId);
    const request = HostRequest.fromPartial({ formatVersion: 1, stateRequests });
    return new Promise((resolve, reject) =>
      client.requestGoalStates(request, metadata, { deadline: Date.now() + 10000 }, (error, reply) => (error || !reply ? reject(error ?? new Error('no reply')) : resolve(reply))),
    );
  }
}
