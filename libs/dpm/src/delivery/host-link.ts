import { PushKind } from '@alcor/contracts';
import { GoalStateOperationReply, GoalStateV2 } from '@alcor/proto';
import { emptyGoalState, mergeGoalStates } from '../topology/merge';
import { AgentTransport } from './agent-transport';

export interface DeliveryTimings {
  pushTimeoutMs: number;
  heartbeatMs: number;
  heartbeatMisses: number;
  retryMaxMs: number;
}

/** What a link tells the rest of the DPM. */
export interface HostLinkEvents {
  /** The host answered the message of `generation`; `sent` is what it was asked to apply. */
  acked(hostId: string, generation: number, sent: GoalStateV2, reply: GoalStateOperationReply, full: boolean): void;
  down(hostId: string, generation: number): void;
  up(hostId: string): void;
  /** Bytes of one pushed message, for the figures. */
  sent(bytes: number, kind: PushKind): void;
}

export type HostLinkState = 'up' | 'down';

interface AckWaiter {
  generation: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * The delivery state of one host: a generation counter (one step per batch of deltas), what is
 * pending, what the host acked. At most one push is in flight; deltas queued meanwhile are merged
 * into the next message. A failed push keeps its content pending; the host is probed with
 * backoff and, once it answers, gets its FULL goal state (plus pending deletes). Missing
 * `heartbeatMisses` answers in a row (pushes or heartbeats) turns the host down.
 */
export class HostLink {
  state: HostLinkState = 'down';
  /** Desired generation: the last one handed out. */
  generation = 0;
  acked = 0;
  /** nb_cfg covered by the last acked message (see hvCfg). */
  private ackedSeq = 0;
  private pending?: GoalStateV2;
  private pendingSeq = 0;
  private needsFull = false;
  private inFlight = false;
  private failing = false;
  private failures = 0;
  private timer?: NodeJS.Timeout;
  private scheduled = false;
  private lastContact = 0;
  private closed = false;
  /** `down` was reported and no answer came since (also for a host that never answered). */
  private downReported = false;
  private readonly waiters: AckWaiter[] = [];

  constructor(
    readonly hostId: string,
    public address: string,
    private readonly transport: AgentTransport,
    private readonly timings: DeliveryTimings,
    private readonly events: HostLinkEvents,
    /** The host's whole goal state now, and the nb_cfg it reflects. */
    private readonly fullState: (hostId: string) => { goalState: GoalStateV2 | undefined; seq: number },
  ) {}

  /** Queues a delta; returns the generation that will carry it. */
  enqueue(delta: GoalStateV2, seq: number): number {
    this.pending = mergeGoalStates(this.pending ?? emptyGoalState(), delta);
    this.pendingSeq = Math.max(this.pendingSeq, seq);
    this.generation += 1;
    this.schedule();
    return this.generation;
  }

  /** Queues a full resync (start, agent restart, address change); returns its generation. */
  requestFull(): number {
    this.needsFull = true;
    this.generation += 1;
    this.schedule();
    return this.generation;
  }

  /** Resolves once `generation` (or a later one) is acked; rejects after timeoutMs. */
  waitForAck(generation: number, timeoutMs: number): Promise<void> {
    if (this.acked >= generation) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: AckWaiter = { generation, resolve, reject };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`host ${this.hostId} did not ack generation ${generation} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiter.resolve = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(waiter);
    });
  }

  /** Nothing queued, in flight or failing: the host has everything handed out so far. */
  get settled(): boolean {
    return !this.pending && !this.needsFull && !this.inFlight && !this.failing && this.acked === this.generation;
  }

  /** OVN's hv_cfg: the nb_cfg this host has caught up with. */
  hvCfg(nbCfg: number): number {
    return this.settled ? nbCfg : this.ackedSeq;
  }

  /** Called by the delivery's ticker: an idle, healthy host gets an empty push once per heartbeat. */
  heartbeatDue(now: number): void {
    if (this.closed || this.inFlight || this.failing || this.scheduled || this.pending || this.needsFull) return;
    if (now - this.lastContact < this.timings.heartbeatMs) return;
    void this.send(emptyGoalState(), this.acked, 'heartbeat', this.ackedSeq);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error(`host ${this.hostId} removed`));
  }

  private schedule(): void {
    if (this.closed || this.inFlight || this.scheduled || this.failing) return;
    this.scheduled = true;
    // Same-tick deltas (one bus event fans out into many) travel in one message.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.closed || this.inFlight || this.failing || (!this.pending && !this.needsFull)) return;
    const full = this.needsFull;
    let message = this.pending ?? emptyGoalState();
    let seq = this.pendingSeq;
    if (full) {
      const current = this.fullState(this.hostId);
      if (current.goalState) message = mergeGoalStates(message, current.goalState);
      seq = Math.max(seq, current.seq);
    }
    this.pending = undefined;
    this.needsFull = false;
    void this.send(message, this.generation, full ? 'full' : 'delta', seq);
  }

  private async send(message: GoalStateV2, generation: number, kind: PushKind, seq: number): Promise<void> {
    this.inFlight = true;
    try {
      const { reply, bytes } = await this.transport.push(this.address, message, generation, kind, this.timings.pushTimeoutMs);
      this.events.sent(bytes, kind);
      this.onAnswer();
      if (kind !== 'heartbeat') {
        this.acked = Math.max(this.acked, generation);
        this.ackedSeq = Math.max(this.ackedSeq, seq);
        this.events.acked(this.hostId, generation, message, reply, kind === 'full');
        for (const waiter of this.waiters.filter((w) => w.generation <= this.acked)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    } catch {
      if (kind !== 'heartbeat') this.pending = this.pending ? mergeGoalStates(message, this.pending) : message;
      this.onSilence();
    } finally {
      this.inFlight = false;
    }
    if (!this.failing) this.schedule();
  }

  private onAnswer(): void {
    this.lastContact = Date.now();
    this.failures = 0;
    this.downReported = false;
    if (this.state === 'down') {
      this.state = 'up';
      this.events.up(this.hostId);
    }
  }

  private onSilence(): void {
    this.failures += 1;
    // Whatever the host has now is unknown: when it answers again it gets everything.
    this.needsFull = true;
    if (!this.failing) this.failing = true;
    if (this.failures >= this.timings.heartbeatMisses && !this.downReported) {
      this.state = 'down';
      this.downReported = true;
      this.events.down(this.hostId, this.generation);
    }
    const delay = Math.min(this.timings.retryMaxMs, 100 * 2 ** Math.min(this.failures - 1, 10)) * (0.75 + Math.random() * 0.5);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.probe(), delay);
  }

  /** While failing: an empty push; an answer ends the failure and sends the full state. */
  private async probe(): Promise<void> {
    if (this.closed) return;
    this.inFlight = true;
    let answered = false;
    try {
      await this.transport.push(this.address, emptyGoalState(), this.acked, 'heartbeat', this.timings.pushTimeoutMs);
      answered = true;
    } catch {
      // counted below
    } finally {
      this.inFlight = false;
    }
    if (this.closed) return;
    if (!answered) return this.onSilence();
    this.failing = false;
    this.onAnswer();
    this.schedule();
  }
}
