import { releaseLease, tryAcquireLease, type KvStore } from '@alcor/kv';

/** The one lease of all DPM replicas: its holder pushes goal states to the agents. */
export const LEADER_LEASE_KEY = '_meta/leader';

export interface LeaderLeaseOptions {
  holder: string;
  ttlMs: number;
  /** Called on every change of role (and once with the first outcome). */
  onRole: (leader: boolean) => void;
  onError: (error: unknown) => void;
}

/**
 * Leader election over a KvStore lease: every ttl/3 each replica tries to take or renew it; the
 * holder leads, the others stand by. A leader that stops renewing (crashed, partitioned) loses it
 * to a standby after at most ttl + ttl/3. A failed renewal counts as "not leader", so two leaders
 * only overlap when clocks disagree by more than the ttl.
 */
export class LeaderLease {
  private timer?: NodeJS.Timeout;
  private leader?: boolean;

  constructor(private readonly store: KvStore, private readonly options: LeaderLeaseOptions) {}

  get isLeader(): boolean {
    return this.leader === true;
  }

  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), Math.max(50, Math.floor(this.options.ttlMs / 3)));
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.leader) await releaseLease(this.store, LEADER_LEASE_KEY, this.options.holder).catch(() => false);
    this.leader = false;
  }

  private async tick(): Promise<void> {
    let leader = false;
    try {
      leader = await tryAcquireLease(this.store, LEADER_LEASE_KEY, this.options.holder, this.options.ttlMs);
    } catch (error) {
      this.options.onError(error);
    }
    if (leader === this.leader) return;
    this.leader = leader;
    this.options.onRole(leader);
  }
}
