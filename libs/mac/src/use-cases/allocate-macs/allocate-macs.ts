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
        const chosen = chosenInOrder(claims);
        for (const i of chosen) allocated[i] = await this.claimChosen(tx, claims[i]);
        const generated = claims.map((_c, i) => i).filter((i) => claims[i].macAddress === undefined);
        await this.generate(tx, claims, generated, spans, allocated);
        return allocated;
      });
    } catch (error) {
      // The range was deleted between our read and our insert: as if it had never been there.
      if (isForeignKeyViolation(error)) throw macRangeNotFound(claims.find((c) => c.rangeId)?.rangeId ?? DEFAULT_RANGE_ID);
      throw error;
    }
  }

  private async claimChosen(tx: EntityManager, claim: MacClaim): Promise<MacAllocationEntity> {
    const chosen = row(claim, claim.macAddress as string, null);
    if (!(await MacAllocationRepository.insertIfAbsent(tx, chosen))) throw macAddressInUse(claim.scope, claim.macAddress as string);
    return chosen;
  }

  /**
   * Random MACs for many claims at once: each round draws one candidate per claim still waiting
   * and inserts them all in one statement; a claim whose candidate was taken draws again, up to
   * maxGenerationTries rounds, as one claim alone would.
   */
  private async generate(tx: EntityManager, claims: MacClaim[], waiting: number[], spans: Map<string, MacSpan>, allocated: MacAllocationEntity[]): Promise<void> {
    const spanOfClaim = new Map<number, MacSpan>();
    for (const i of waiting) spanOfClaim.set(i, await this.spanFor(tx, claims[i].rangeId, spans));
    for (let attempt = 0; attempt < this.settings.maxGenerationTries && waiting.length > 0; attempt++) {
      const drawn = new Map<string, number>(); // scope/mac -> claim; one claim per candidate
      for (const i of waiting) {
        const candidate = row(claims[i], randomMacIn(spanOfClaim.get(i) as MacSpan, this.random), (spanOfClaim.get(i) as MacSpan).rangeId);
        const key = `${candidate.scope}/${candidate.macAddress}`;
        if (!drawn.has(key)) {
          drawn.set(key, i);
          allocated[i] = candidate;
        }
      }
      const won = await MacAllocationRepository.insertManyIfAbsent(tx, [...drawn.values()].map((i) => allocated[i]));
      const winners = new Set([...drawn].filter(([key]) => won.has(key)).map(([, i]) => i));
      waiting = waiting.filter((i) => !winners.has(i));
    }
    if (waiting.length > 0) throw macGenerationFailure(claims[waiting[0]].scope);
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
 * Chosen MACs in one global order, so concurrent requests for overlapping MACs wait on each
 * other instead of deadlocking; they are claimed before any MAC is generated, so a generated
 * MAC never takes one asked for later in the same call.
 */
function chosenInOrder(claims: MacClaim[]): number[] {
  const key = (i: number) => `${claims[i].scope}/${claims[i].macAddress}`;
  return claims
    .map((_claim, i) => i)
    .filter((i) => claims[i].macAddress !== undefined)
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function row(claim: MacClaim, macAddress: string, rangeId: string | null): MacAllocationEntity {
  return Object.assign(new MacAllocationEntity(), {
    scope: claim.scope,
    macAddress,
    portId: claim.portId,
    projectId: claim.projectId,
    rangeId,
    state: claim.state,
    createdAt: new Date(),
  });
}

function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503';
}
