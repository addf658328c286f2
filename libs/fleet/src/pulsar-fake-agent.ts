import type { ServerDuplexStream } from '@grpc/grpc-js';
import type { MessageBus, ReceivedMessage, Subscription } from '@alcor/bus';
import { hostGoalStateTopic, hostReplyTopic, parseChunk, PULSAR_SOUTHBOUND_PROPERTIES as P, PushKind, unpackGoalState } from '@alcor/contracts';
import { GoalStateOperationReply, GoalStateV2 } from '@alcor/proto';
import { FakeAgent, type FakeAgentOptions } from './fake-agent';

export interface PulsarAgentOptions {
  /** Shared by the agents of a fleet: one producer for the reply topic. Its owner closes it. */
  bus: MessageBus;
  /** Tenant/namespace of the host and reply topics (the DPM's DPM_SOUTHBOUND_NAMESPACE). */
  namespace?: string;
}

/** The server_port a Pulsar agent registers (unused by the DPM on Pulsar; ACA's port). */
export const PULSAR_AGENT_SERVER_PORT = 50001;

type ReplyCall = ServerDuplexStream<GoalStateV2, GoalStateOperationReply>;

/**
 * A FakeAgent that takes its goal states from its Pulsar topic (`persistent://alcor/hosts/<node name>`,
 * exclusive subscription named after it) instead of a gRPC server, and publishes each
 * reply on the reply topic keyed by node name with the push's id and generation. Everything else
 * (state, failures, silence, restart and on-demand over the DPM's gRPC NCM role) is FakeAgent's.
 */
export class PulsarFakeAgent extends FakeAgent {
  private subscription?: Subscription;
  private partial?: { pushId: string; parts: Buffer[] };
  private readonly replies = new Set<Promise<unknown>>();

  constructor(
    options: FakeAgentOptions,
    private readonly pulsar: PulsarAgentOptions,
  ) {
    super(options);
  }

  override async start(): Promise<void> {
    this.port = PULSAR_AGENT_SERVER_PORT;
    // The DPM names a host by its node_name (what ports' binding:host_id holds).
    const topic = hostGoalStateTopic(this.nodeName, this.pulsar.namespace);
    // earliest: a push published before the first subscribe is still read (or skipped if expired).
    this.subscription = await this.pulsar.bus.subscribe(topic, this.nodeName, { mode: 'exclusive', initialPosition: 'earliest' }, (message) => this.onMessage(message));
  }

  override async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close().catch(() => undefined);
    await Promise.allSettled([...this.replies]);
    await super.stop();
  }

  private async onMessage(message: ReceivedMessage): Promise<void> {
    const props = message.properties;
    const pushId = props[P.pushId] ?? message.messageId;
    const { index, count } = parseChunk(props[P.chunk]);
    if (index === 0) this.partial = { pushId, parts: [] };
    if (!this.partial || this.partial.pushId !== pushId || this.partial.parts.length !== index) {
      // A chunk without its predecessors (the subscription started mid-push): nothing to apply.
      this.partial = undefined;
      await message.ack();
      return;
    }
    this.partial.parts.push(message.payload);
    if (index + 1 < count) {
      await message.ack();
      return;
    }
    const body = Buffer.concat(this.partial.parts);
    this.partial = undefined;
    const deadline = Number(props[P.deadline] ?? Infinity);
    // The DPM gave this push up already (a backlog read after a restart): skip it, as an agent
    // whose gRPC deadline expired never sees the call.
    if (Date.now() > deadline) {
      await message.ack();
      return;
    }
    const generation = Number(props[P.generation] ?? 0);
    const rawKind = props[P.pushKind];
    const kind: PushKind = rawKind === 'full' || rawKind === 'heartbeat' ? rawKind : 'delta';
    const goalState = GoalStateV2.decode(unpackGoalState(body, props[P.encoding]));
    this.onPush(this.replyCall(pushId, generation), goalState, Number.isFinite(generation) ? generation : 0, kind, body.length);
    await message.ack();
  }

  /** What onPush writes its reply to: the reply topic. A held (silent) call is never answered. */
  private replyCall(pushId: string, generation: number): ReplyCall {
    const call = {
      write: (reply: GoalStateOperationReply) => {
        const published = this.pulsar.bus
          .publish(hostReplyTopic(this.pulsar.namespace), {
            key: this.nodeName,
            payload: GoalStateOperationReply.encode(reply).finish(),
            properties: { [P.pushId]: pushId, [P.generation]: String(generation), [P.hostId]: this.nodeName },
          })
          .catch(() => undefined) // the DPM's deadline covers a lost reply
          .finally(() => this.replies.delete(published));
        this.replies.add(published);
        return true;
      },
      end: () => undefined,
      destroy: () => undefined,
    };
    return call as unknown as ReplyCall;
  }
}

/** Fleet.start option making Pulsar agents: `Fleet.start(n, { createAgent: pulsarAgents({ bus }) })`. */
export function pulsarAgents(pulsar: PulsarAgentOptions): (options: FakeAgentOptions) => FakeAgent {
  return (options) => new PulsarFakeAgent(options, pulsar);
}
