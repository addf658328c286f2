import { randomBytes } from 'node:crypto';
import type { MessageBus, ReceivedMessage, Subscription } from '@alcor/bus';
import { hostGoalStateTopic, hostReplyTopic, packGoalState, PULSAR_SOUTHBOUND_PROPERTIES as P, PushKind } from '@alcor/contracts';
import { encodeGoalState } from '@alcor/goal-state';
import { GoalStateOperationReply, GoalStateV2 } from '@alcor/proto';
import { AgentTransport, PushOutcome } from './agent-transport';

export interface PulsarAgentTransportOptions {
  /** The host id behind a link's address (the DPM's links know it); the topic is named after it. */
  hostOf: (address: string) => string | undefined;
  /** Tenant/namespace of the host and reply topics (default alcor/hosts). */
  namespace?: string;
  /** The DPM's subscription on the reply topic (failover: one active DPM replica reads the replies). */
  replySubscription?: string;
  /** Pushes awaiting a reply at once over all hosts, as GrpcAgentTransport's bound. */
  maxInFlight?: number;
  /** Close the bus with the transport (it was made for it). */
  ownsBus?: boolean;
}

interface Waiting {
  resolve: (reply: GoalStateOperationReply) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * AgentTransport over Apache Pulsar: each push is published on its host's topic
 * (`persistent://alcor/hosts/<host id>`, key = host id, generation and push kind as properties,
 * gzip + chunks for big states); the agent's reply comes back on the shared reply topic, matched
 * by push id. No reply within the deadline fails the push, as a gRPC deadline does; the agent
 * skips a push whose deadline has passed, so a backlog is never applied late.
 */
export class PulsarAgentTransport implements AgentTransport {
  private readonly waiting = new Map<string, Waiting>();
  private readonly hosts = new Map<string, string>();
  private readonly instance = randomBytes(6).toString('hex');
  private sequence = 0;
  private running = 0;
  private readonly queue: (() => void)[] = [];
  private replies?: Promise<Subscription>;
  private closed = false;

  constructor(
    private readonly bus: MessageBus,
    private readonly options: PulsarAgentTransportOptions,
  ) {}

  async push(address: string, goalState: GoalStateV2, generation: number, kind: PushKind, timeoutMs: number): Promise<PushOutcome> {
    if (this.closed) throw new Error('southbound transport closed');
    const hostId = this.hostId(address);
    await this.listen();
    if (this.running >= (this.options.maxInFlight ?? 256)) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running += 1;
    try {
      return await this.send(hostId, goalState, generation, kind, timeoutMs);
    } finally {
      this.running -= 1;
      this.queue.shift()?.();
    }
  }

  forget(address: string): void {
    this.hosts.delete(address);
  }

  close(): void {
    this.closed = true;
    for (const [id, waiting] of this.waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error('southbound transport closed'));
      this.waiting.delete(id);
    }
    const replies = this.replies;
    this.replies = undefined;
    void (async () => {
      await (await replies?.catch(() => undefined))?.close().catch(() => undefined);
      if (this.options.ownsBus) await this.bus.close().catch(() => undefined);
    })();
  }

  private async send(hostId: string, goalState: GoalStateV2, generation: number, kind: PushKind, timeoutMs: number): Promise<PushOutcome> {
    const pushId = `${this.instance}-${++this.sequence}`;
    const deadline = Date.now() + timeoutMs;
    const { encoding, chunks } = packGoalState(encodeGoalState(goalState));
    const reply = new Promise<GoalStateOperationReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(pushId);
        reject(new Error(`${hostId}: no reply within ${timeoutMs} ms (generation ${generation}, ${kind})`));
      }, timeoutMs);
      this.waiting.set(pushId, { resolve, reject, timer });
    });
    reply.catch(() => undefined); // awaited below; a publish failure must not leave it unhandled
    const topic = hostGoalStateTopic(hostId, this.options.namespace);
    const properties: Record<string, string> = {
      [P.generation]: String(generation),
      [P.pushKind]: kind,
      [P.hostId]: hostId,
      [P.pushId]: pushId,
      [P.deadline]: String(deadline),
      ...(encoding ? { [P.encoding]: encoding } : {}),
    };
    try {
      // In order on one topic: the agent reassembles the chunks of a push id.
      for (let i = 0; i < chunks.length; i++) {
        await this.bus.publish(topic, { key: hostId, payload: chunks[i], properties: chunks.length > 1 ? { ...properties, [P.chunk]: `${i}/${chunks.length}` } : properties });
      }
    } catch (error) {
      this.settle(pushId)?.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return { reply: await reply, bytes: chunks.reduce((sum, chunk) => sum + chunk.length, 0) };
  }

  private listen(): Promise<Subscription> {
    this.replies ??= this.bus.subscribe(
      hostReplyTopic(this.options.namespace),
      this.options.replySubscription ?? 'data-plane-manager',
      { mode: 'failover', initialPosition: 'latest', autoAck: true },
      (message) => this.onReply(message),
    );
    // A failed subscribe is retried by the next push (the host link retries with backoff).
    this.replies.catch(() => (this.replies = undefined));
    return this.replies;
  }

  private onReply(message: ReceivedMessage): void {
    // Replies to another DPM instance's (or an earlier process's) pushes are not ours.
    const waiting = this.settle(message.properties[P.pushId] ?? '');
    if (!waiting) return;
    try {
      waiting.resolve(GoalStateOperationReply.decode(message.payload));
    } catch (error) {
      waiting.reject(new Error(`undecodable reply from ${message.key ?? 'unknown host'}: ${String(error)}`));
    }
  }

  private settle(pushId: string): Waiting | undefined {
    const waiting = this.waiting.get(pushId);
    if (!waiting) return undefined;
    clearTimeout(waiting.timer);
    this.waiting.delete(pushId);
    return waiting;
  }

  private hostId(address: string): string {
    let hostId = this.hosts.get(address);
    if (!hostId) {
      hostId = this.options.hostOf(address);
      if (!hostId) throw new Error(`no host known at ${address}`);
      this.hosts.set(address, hostId);
    }
    return hostId;
  }
}
