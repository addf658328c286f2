import { RequestContext } from '@alcor/neutron-api';
import { PortDraft } from '../../domain/port-draft';
import type { PortEntity } from '../../domain/port.entity';
import { PortCreateBatcher } from './create-port-batcher';
import { CreatePorts } from './create-ports';

/** A CreatePorts stand-in: all-or-none like the real one, slow enough that callers pile up. */
class RecordingCreate {
  readonly calls: string[][] = [];
  async execute(_ctx: RequestContext, drafts: PortDraft[]): Promise<PortEntity[]> {
    this.calls.push(drafts.map((d) => d.name ?? ''));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const bad = drafts.find((d) => d.name?.startsWith('bad'));
    if (bad) throw new Error(`refused ${bad.name}`);
    return drafts.map((d) => ({ id: `id-${d.name}`, name: d.name }) as PortEntity);
  }
}

const ctx = { projectId: 'p', admin: false } as unknown as RequestContext;
const draft = (name: string) => ({ name, projectId: 'p', networkId: 'n' }) as unknown as PortDraft;

describe('PortCreateBatcher', () => {
  it('commits a lone create alone, and creates that arrive while batches commit as one transaction', async () => {
    const create = new RecordingCreate();
    const batcher = new PortCreateBatcher(create as unknown as CreatePorts);
    expect((await batcher.createOne(ctx, draft('lone'))).name).toBe('lone');
    expect(create.calls).toEqual([['lone']]);

    // Two arrive in one I/O turn, then 18 more while those commit (the stand-in takes 5 ms): 16 per batch.
    const first = [batcher.createOne(ctx, draft('p0')), batcher.createOne(ctx, draft('p1'))];
    await new Promise((resolve) => setTimeout(resolve, 1));
    const names = Array.from({ length: 18 }, (_, i) => `q${i}`);
    const later = names.map((n) => batcher.createOne(ctx, draft(n)));
    const ports = await Promise.all([...first, ...later]);
    expect(ports.map((p) => p.name)).toEqual(['p0', 'p1', ...names]); // each caller gets its own port
    expect(create.calls.slice(1)).toEqual([['p0', 'p1'], names.slice(0, 16), names.slice(16)]);
  });

  it('retries a failed batch one by one: only the bad create fails, with its own error', async () => {
    const create = new RecordingCreate();
    const batcher = new PortCreateBatcher(create as unknown as CreatePorts);
    const names = ['a0', 'a1', 'a2', 'bad3', 'a4', 'a5'];
    const outcomes = await Promise.allSettled(names.map((n) => batcher.createOne(ctx, draft(n))));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[3] as PromiseRejectedResult).reason).toEqual(new Error('refused bad3'));
    expect(create.calls.some((c) => c.length > 1 && c.includes('bad3'))).toBe(true); // it was batched first
  });

  it('keeps a bulk request its own all-or-none transaction', async () => {
    const create = new RecordingCreate();
    const batcher = new PortCreateBatcher(create as unknown as CreatePorts);
    await expect(batcher.execute(ctx, [draft('x'), draft('bad-y')])).rejects.toThrow('refused bad-y');
    expect(create.calls).toEqual([['x', 'bad-y']]);
  });
});
