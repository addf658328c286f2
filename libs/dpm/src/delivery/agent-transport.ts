import { Client, credentials, Metadata } from '@grpc/grpc-js';
import { PushKind, SOUTHBOUND_HEADERS } from '@alcor/contracts';
import { encodeGoalState } from '@alcor/goal-state';
import { GoalStateOperationReply, GoalStateProvisionerService, GoalStateV2 } from '@alcor/proto';

export interface PushOutcome {
  reply: GoalStateOperationReply;
  bytes: number;
}

/** Sends one goal state to one host agent and returns its reply (the ack of that generation). */
export interface AgentTransport {
  push(address: string, goalState: GoalStateV2, generation: number, kind: PushKind, timeoutMs: number): Promise<PushOutcome>;
  forget(address: string): void;
  close(): void;
}

const PUSH = GoalStateProvisionerService.pushGoalStatesStream;

/**
 * GoalStateProvisioner/PushGoalStatesStream over grpc-js, wire-compatible with ACA: one channel
 * per host, a new stream per message (ACA applies one message per stream and closes it), the
 * first reply is the ack. Generation and push kind travel as metadata, which ACA ignores.
 */
export class GrpcAgentTransport implements AgentTransport {
  private readonly clients = new Map<string, Client>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  /**
   * @param maxInFlight pushes on the wire at once over all hosts. The deadline starts when a push
   * leaves the queue, so a burst to many hosts is not mistaken for silent hosts (which would
   * trigger full resyncs and feed the burst).
   */
  constructor(private readonly maxInFlight = 256) {}

  async push(address: string, goalState: GoalStateV2, generation: number, kind: PushKind, timeoutMs: number): Promise<PushOutcome> {
    if (this.running >= this.maxInFlight) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await this.send(address, goalState, generation, kind, timeoutMs);
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  private send(address: string, goalState: GoalStateV2, generation: number, kind: PushKind, timeoutMs: number): Promise<PushOutcome> {
    const client = this.client(address);
    const metadata = new Metadata();
    metadata.set(SOUTHBOUND_HEADERS.generation, String(generation));
    metadata.set(SOUTHBOUND_HEADERS.pushKind, kind);
    let bytes = 0;
    // The builder's encoder: the same bytes as GoalStateV2.encode, with each configuration
    // encoded once however many hosts' messages share it (a new port's neighbor state).
    const serialize = (message: GoalStateV2) => {
      const bytes8 = encodeGoalState(message);
      const buffer = Buffer.from(bytes8.buffer, bytes8.byteOffset, bytes8.byteLength);
      bytes = buffer.length;
      return buffer;
    };
    return new Promise((resolve, reject) => {
      const call = client.makeBidiStreamRequest(PUSH.path, serialize, PUSH.responseDeserialize, metadata, { deadline: Date.now() + timeoutMs });
      let settled = false;
      call.on('data', (reply: GoalStateOperationReply) => {
        if (settled) return;
        settled = true;
        resolve({ reply, bytes });
      });
      call.on('error', (error) => {
        if (settled) return;
        settled = true;
        reject(error);
      });
      call.on('end', () => {
        if (settled) return;
        settled = true;
        reject(new Error(`${address} closed the stream without a reply`));
      });
      call.write(goalState);
      call.end();
    });
  }

  forget(address: string): void {
    this.clients.get(address)?.close();
    this.clients.delete(address);
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }

  private client(address: string): Client {
    let client = this.clients.get(address);
    if (!client) {
      client = new Client(address, credentials.createInsecure(), {
        'grpc.max_send_message_length': -1,
        'grpc.max_receive_message_length': -1,
        // Reconnect quickly after an agent restart (grpc-js default backoff starts at 1 s).
        'grpc.initial_reconnect_backoff_ms': 100,
        'grpc.max_reconnect_backoff_ms': 2000,
      });
      this.clients.set(address, client);
    }
    return client;
  }
}
