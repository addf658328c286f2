import { hostname } from 'node:os';
import type { Logger } from '@nestjs/common';
import { createKvStore, type KvStore } from '@alcor/kv';
import type { Environment } from '@alcor/config';
import type { DataPlane, ListedResource } from '../data-plane';
import { LeaderLease } from './leader-lease';
import { TopologyCache } from './topology-cache';

export type RebuildSource = 'listings' | 'cache';

/**
 * Several DPM replicas on one shared KvStore (KV=ignite): each consumes every event on its own
 * subscription and keeps its own index, written through to the shared cache; a replica that
 * starts while the cache is populated loads from it instead of the managers' listings. Only the
 * holder of the leader lease pushes to agents; the others serve reads from their index and take
 * over (FULL pushes) when the leader stops renewing. Off (undefined) unless KV=ignite.
 */
export class DpmReplication {
  readonly replicaId: string;
  private readonly cache: TopologyCache;
  private readonly lease: LeaderLease;
  source?: RebuildSource;

  private constructor(private readonly store: KvStore, private readonly dataPlane: DataPlane, environment: Environment, private readonly logger: Logger) {
    this.replicaId = environment.DPM_REPLICA_ID ?? `${hostname()}:${process.pid}`;
    this.cache = new TopologyCache(store, (key, error) => this.logger.warn(`shared cache write ${key}: ${String(error)}`));
    this.lease = new LeaderLease(store, {
      holder: this.replicaId,
      ttlMs: environment.DPM_LEADER_LEASE_MS,
      onRole: (leader) => this.onRole(leader),
      onError: (error) => this.logger.warn(`leader lease: ${String(error)}`),
    });
  }

  static async open(environment: Environment, dataPlane: DataPlane, logger: Logger): Promise<DpmReplication | undefined> {
    if (environment.KV !== 'ignite') return undefined;
    const store = await createKvStore(environment, environment.DPM_SHARED_CACHE, (error) => logger.warn(`shared cache: ${String(error)}`));
    return new DpmReplication(store, dataPlane, environment, logger);
  }

  /** Each replica its own durable subscription, so every one sees every change. */
  static subscriptionName(base: string, environment: Environment): string {
    return environment.KV === 'ignite' && environment.DPM_REPLICA_ID ? `${base}-${environment.DPM_REPLICA_ID}` : base;
  }

  /**
   * A replica's new subscription starts at the latest message: it is created before the index is
   * loaded (listings or cache), so that load covers everything older and the replay of the topics'
   * whole history (other replicas' past) is skipped. An existing subscription resumes at its cursor.
   * Window: an event the cache's writer had not yet applied when this replica loaded is missed.
   */
  static initialPosition(environment: Environment): 'earliest' | 'latest' {
    return environment.KV === 'ignite' && environment.DPM_REPLICA_ID ? 'latest' : 'earliest';
  }

  get role(): 'leader' | 'standby' {
    return this.lease.isLeader ? 'leader' : 'standby';
  }

  /** Standby until the lease says otherwise: nothing is pushed before the role is known. */
  async startLease(): Promise<void> {
    this.dataPlane.delivery.hold();
    await this.lease.start();
  }

  /** The cached topology when another replica filled it, else undefined (list the managers). */
  async loadFromCache(): Promise<ListedResource[] | undefined> {
    if (!(await this.cache.isPopulated())) return undefined;
    return this.cache.load();
  }

  /** After the index is loaded: fill the cache if it came from the listings, then write through. */
  async loaded(listed: ListedResource[], source: RebuildSource): Promise<void> {
    this.source = source;
    if (source === 'listings') await this.cache.fill(listed);
    this.dataPlane.onApplied = (key, revision, deleted, data, unprogrammed) => this.cache.enqueue(key, revision, deleted, data, unprogrammed);
  }

  async stop(): Promise<void> {
    await this.lease.stop();
    await this.cache.flush();
    await this.store.close().catch(() => undefined);
  }

  private onRole(leader: boolean): void {
    this.logger.log(`replica ${this.replicaId}: ${leader ? 'leader, pushing to agents' : 'standby'}`);
    if (leader) this.dataPlane.delivery.release();
    else this.dataPlane.delivery.hold();
  }
}
