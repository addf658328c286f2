import { Injectable } from '@nestjs/common';
import { RequestContext } from '@alcor/neutron-api';
import { PortDraft } from '../../domain/port-draft';
import { PortEntity } from '../../domain/port.entity';
import { CreatePorts } from './create-ports';

interface Waiting {
  ctx: RequestContext;
  draft: PortDraft;
  resolve: (port: PortEntity) => void;
  reject: (error: unknown) => void;
}

export interface PortCreateBatchOptions {
  /** Batches committing at once (the MAC range and quota rows serialize them anyway). */
  concurrency: number;
  /** Most single creates combined into one transaction. */
  maxBatch: number;
}

const DEFAULT_OPTIONS: PortCreateBatchOptions = { concurrency: 1, maxBatch: 16 };

/**
 * Group commit for single port creates. A create that arrives while `concurrency` batches are
 * committing waits, and every create that waited goes out as one transaction through the bulk
 * path (one MAC call, one IP call, multi-row inserts). Nothing is delayed on purpose: an idle
 * server commits a lone create at once. Each create keeps its own outcome: when a combined
 * transaction fails (one bad request, an exhausted subnet, a taken address), it has rolled back
 * whole and every create in it is retried on its own, so only the bad one fails, with its own error.
 */
@Injectable()
export class PortCreateBatcher {
  private readonly waiting: Waiting[] = [];
  private committing = 0;
  private drainScheduled = false;
  // Measured with 1000 creates at 16 in flight (2026-12-01, multi-row MAC/IP inserts in place):
  // PostgreSQL (1, 16) 549/s p99 41 ms and 506/s p99 47 ms; (2, 64) 507/s p99 52 ms and 545/s p99
  // 81 ms. PGlite (1, 16) 560/s p99 58 ms; (1, 64) 452-525/s p99 65-70 ms. One batch at a time
  // keeps the event loop free between transactions; 16 bounds how long a batch holds it.
  private readonly options: PortCreateBatchOptions = DEFAULT_OPTIONS;

  constructor(private readonly create: CreatePorts) {}

  /** Neutron's create: a single port joins a batch; a bulk request stays its own all-or-none transaction. */
  async execute(ctx: RequestContext, drafts: PortDraft[]): Promise<PortEntity[]> {
    if (drafts.length !== 1) return this.create.execute(ctx, drafts);
    return [await this.createOne(ctx, drafts[0])];
  }

  createOne(ctx: RequestContext, draft: PortDraft): Promise<PortEntity> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ctx, draft, resolve, reject });
      this.scheduleDrain();
    });
  }

  /**
   * Starts batches after the current I/O phase, not at once: PGlite runs a whole transaction
   * without reading a socket, so requests that arrived meanwhile are parsed in one go right
   * after it, and this lets all of them join the next batch instead of the first one alone.
   */
  private scheduleDrain(): void {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    setImmediate(() => {
      this.drainScheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.committing < this.options.concurrency && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.committing++;
      void this.commit(batch).finally(() => {
        this.committing--;
        this.scheduleDrain();
      });
    }
  }

  private async commit(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return this.alone(batch[0]);
    let created: PortEntity[];
    try {
      created = await this.create.execute(batch[0].ctx, batch.map((w) => w.draft));
    } catch {
      await Promise.all(batch.map((w) => this.alone(w)));
      return;
    }
    batch.forEach((w, i) => w.resolve(created[i]));
  }

  private async alone(w: Waiting): Promise<void> {
    try {
      const [port] = await this.create.execute(w.ctx, [w.draft]);
      w.resolve(port);
    } catch (error) {
      w.reject(error);
    }
  }
}
