import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { conflict } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { MacAllocationEntity } from '../../domain/mac-allocation.entity';
import { MacAllocationRepository } from '../../domain/mac-allocation.repository';
import { MacClaim } from '../../domain/mac-claim';
import { macAddressInUse, macGenerationFailure, macRangeNotFound } from '../../domain/mac-errors';
import { MacRangeRepository } from '../../domain/mac-range.repository';
import { MAC_RANDOM_SOURCE, MacRandomSource } from '../../generation/mac-random-source';
import { DEFAULT_RANGE_ID, MAC_SETTINGS, MacSettings } from '../../generation/mac-settings';
import { MacSpan, randomMacIn, spanOf } from '../../generation/random-mac';

/**
 * Allocates MACs all-or-none in one transaction (the caller's, when called inside one). A chosen
 * MAC is claimed or refused with MacAddressInUse; otherwise random MACs of the range are tried
 * until an insert wins its primary key. No lock and no read-then-write: concurrent allocators
 * (any number of replicas) race on the key and a loser simply draws again.
 */
@Injectable()
export class AllocateMacs {
  constructor(
    private readonly database: Database,
    @Inject(MAC_SETTINGS) private readonly settings: MacSettings,
    @Inject(MAC_RANDOM_SOURCE) private readonly random: MacRandomSource,
  ) {}

  async execute(claims: MacClaim[]): Promise<MacAllocationEntity[]> {
    try {
      return await this.database.transaction(async (tx) => {
        const spans = new Map<string, MacSpan>();
        const allocated: MacAllocationEntity[] = new Array(claims.length);
        for (const i of claimOrder(claims)) allocated[i] = await this.allocateOne(tx, claims[i], spans);
        return allocated;
      });
    } catch (error) {
      // The range was deleted between our read and our insert: as if it had never been there.
      if (isForeignKeyViolation(error)) throw macRangeNotFound(claims.find((c) => c.rangeId)?.rangeId ?? DEFAULT_RANGE_ID);
      throw error;
    }
  }

  private async allocateOne(tx: EntityManager, claim: MacClaim, spans: Map<string, MacSpan>): Promise<MacAllocationEntity> {
    const span = await this.spanFor(tx, claim.rangeId, spans);
    const row = (macAddress: string, rangeId: string | null) =>
      tx.create(MacAllocationEntity, {
        scope: claim.scope,
        macAddress,
        portId: claim.portId,
        projectId: claim.projectId,
        rangeId,
        state: claim.state,
        createdAt: new Date(),
      });
    if (claim.macAddress !== undefined) {
      const chosen = row(claim.macAddress, null);
      if (!(await MacAllocationRepository.insertIfAbsent(tx, chosen))) throw macAddressInUse(claim.scope, claim.macAddress);
      return chosen;
    }
    for (let attempt = 0; attempt < this.settings.maxGenerationTries; attempt++) {
      const candidate = row(randomMacIn(span, this.random), span.rangeId);
      if (await MacAllocationRepository.insertIfAbsent(tx, candidate)) return candidate;
    }
    throw macGenerationFailure(claim.scope);
  }

  /** The default range comes from configuration; any other from mac_ranges, and must be Active. */
  private async spanFor(tx: EntityManager, rangeId: string | undefined, spans: Map<string, MacSpan>): Promise<MacSpan> {
    if (rangeId === undefined || rangeId === DEFAULT_RANGE_ID) return this.settings.defaultSpan;
    const known = spans.get(rangeId);
    if (known) return known;
    const range = await MacRangeRepository.get(tx, rangeId);
    if (range.state !== 'Active') throw conflict('MacRangeNotActive', `MAC range ${rangeId} is ${range.state}: only an Active range hands out MACs.`);
    const span = spanOf(range.id, range.from, range.to);
    spans.set(rangeId, span);
    return span;
  }
}

/**
 * Chosen MACs first, in one global order, so concurrent requests for overlapping MACs wait on
 * each other instead of deadlocking, and a generated MAC never takes one asked for later in the
 * same call. Generated ones follow in request order.
 */
function claimOrder(claims: MacClaim[]): number[] {
  const key = (i: number) => `${claims[i].scope}/${claims[i].macAddress}`;
  const indexes = claims.map((_claim, i) => i);
  const chosen = indexes.filter((i) => claims[i].macAddress !== undefined).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return [...chosen, ...indexes.filter((i) => claims[i].macAddress === undefined)];
}

function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503';
}
