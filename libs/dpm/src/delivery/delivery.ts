import { PushKind } from '@alcor/contracts';
import type { HostDelta } from '@alcor/goal-state';
import { GoalStateOperationReply, GoalStateV2 } from '@alcor/proto';
import { AgentTransport } from './agent-transport';
import { DeliveryTimings, HostLink, HostLinkEvents } from './host-link';

/** Where a host's agent listens: the node's local_ip and server_port. */
export interface HostEndpoint {
  hostId: string;
  ip: string;
  port: number;
}

export interface DeliveryFigures {
  messages: number;
  bytes: number;
  heartbeats: number;
  fullPushes: number;
}

export interface DeliveryListener {
  acked(hostId: string, generation: number, sent: GoalStateV2, reply: GoalStateOperationReply, full: boolean): void;
  down(hostId: string, generation: number): void;
}

/** Back from "ip:port" / "[ip]:port" (hold() keeps only endpoints). */
function endpointOf(link: HostLink): HostEndpoint | undefined {
  const match = /^\[?(.*?)\]?:(\d+)$/.exec(link.address);
  return match ? { hostId: link.hostId, ip: match[1], port: Number(match[2]) } : undefined;
}

const formatAddress = (ip: string, port: number) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

/**
 * Versioned goal-state delivery to every known host: one HostLink per node, deltas batched per
 * host, heartbeats for idle hosts (an empty GoalStateV2 push: the same call a stock ACA already
 * answers, so liveness needs nothing new on the agent).
 */
export class Delivery {
  private readonly links = new Map<string, HostLink>();
  private ticker?: NodeJS.Timeout;
  /** Standby replica: hosts are remembered but nothing is pushed until release() (leader lease). */
  private held?: Map<string, HostEndpoint>;
  readonly figures: DeliveryFigures = { messages: 0, bytes: 0, heartbeats: 0, fullPushes: 0 };

  constructor(
    private readonly transport: AgentTransport,
    private readonly timings: DeliveryTimings,
    private readonly fullState: (hostId: string) => { goalState: GoalStateV2 | undefined; seq: number },
    private readonly listener: DeliveryListener,
  ) {}

  start(): void {
    const tick = Math.max(20, Math.floor(this.timings.heartbeatMs / 4));
    this.ticker = setInterval(() => {
      const now = Date.now();
      for (const link of this.links.values()) link.heartbeatDue(now);
    }, tick);
    this.ticker.unref();
  }

  /** A node appeared or moved: (re)create its link and send it everything. */
  upsertHost(endpoint: HostEndpoint): void {
    if (this.held) return void this.held.set(endpoint.hostId, endpoint);
    const address = formatAddress(endpoint.ip, endpoint.port);
    const existing = this.links.get(endpoint.hostId);
    if (existing && existing.address === address) return;
    if (existing) {
      this.transport.forget(existing.address);
      existing.address = address;
      existing.requestFull();
      return;
    }
    const events: HostLinkEvents = {
      acked: (...args) => this.listener.acked(...args),
      down: (...args) => this.listener.down(...args),
      up: () => undefined,
      sent: (bytes, kind) => this.count(bytes, kind),
    };
    const link = new HostLink(endpoint.hostId, address, this.transport, this.timings, events, this.fullState);
    this.links.set(endpoint.hostId, link);
    link.requestFull();
  }

  removeHost(hostId: string): void {
    this.held?.delete(hostId);
    const link = this.links.get(hostId);
    if (!link) return;
    link.close();
    this.transport.forget(link.address);
    this.links.delete(hostId);
  }

  /** Hands each host its delta; hosts without a link (no node yet) get theirs in the full state later. */
  deliver(deltas: HostDelta[], seq: number): void {
    for (const delta of deltas) this.links.get(delta.hostId)?.enqueue(delta.goalState, seq);
  }

  /** Pushes `goalState` to the host and resolves once acked (on-demand answers). */
  async pushAndWait(hostId: string, goalState: GoalStateV2, seq: number, timeoutMs: number): Promise<void> {
    const link = this.mustLink(hostId);
    await link.waitForAck(link.enqueue(goalState, seq), timeoutMs);
  }

  /** Full resync of one host (AGENT_RESTARTED); resolves once acked. */
  async resync(hostId: string, timeoutMs: number): Promise<void> {
    const link = this.mustLink(hostId);
    await link.waitForAck(link.requestFull(), timeoutMs);
  }

  /** Stops pushing (standby): links close, their endpoints are kept for release(). */
  hold(): void {
    if (this.held) return;
    const held = new Map<string, HostEndpoint>();
    for (const link of this.links.values()) {
      const endpoint = endpointOf(link);
      if (endpoint) held.set(link.hostId, endpoint);
      link.close();
      this.transport.forget(link.address);
    }
    this.links.clear();
    this.held = held;
  }

  /** Starts pushing (became leader): every remembered host gets its FULL goal state. */
  release(): void {
    const held = this.held;
    this.held = undefined;
    for (const endpoint of held?.values() ?? []) this.upsertHost(endpoint);
  }

  get isHeld(): boolean {
    return this.held !== undefined;
  }

  link(hostId: string): HostLink | undefined {
    return this.links.get(hostId);
  }

  hosts(): HostLink[] {
    return [...this.links.values()];
  }

  stop(): void {
    clearInterval(this.ticker);
    for (const link of this.links.values()) link.close();
    this.links.clear();
    this.transport.close();
  }

  private mustLink(hostId: string): HostLink {
    const link = this.links.get(hostId);
    if (!link) throw new Error(`unknown host ${hostId}`);
    return link;
  }

  private count(bytes: number, kind: PushKind): void {
    this.figures.messages += 1;
    this.figures.bytes += bytes;
    if (kind === 'heartbeat') this.figures.heartbeats += 1;
    if (kind === 'full') this.figures.fullPushes += 1;
  }
}
