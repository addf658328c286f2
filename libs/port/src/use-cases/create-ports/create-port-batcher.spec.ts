import { RequestContext } from '@alcor/neutron-api';
import type { Database } from '@alcor/persistence';
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

const database = { inTransaction: () => false } as unknown as Database;

describe('PortCreateBatcher', () => {
  it('combines single creates that arrive together into one CreatePorts call', async () => {
    const create = new RecordingCreate();
    const batcher = new PortCreateBatcher(create as unknown as CreatePorts, database);
    expect((await batcher.createOne(ctx, draft('lone'))).name).toBe('lone');
    const ports = await Promise.all(['a', 'b', 'c'].map((n) => batcher.execute(ctx, [draft(n)])));
    expect(ports.map(([p]) => p.name)).toEqual(['a', 'b', 'c']);
    expect(create.calls).toEqual([['lone'], ['a', 'b', 'c']]);
  });

  it('keeps a bulk request its own all-or-none transaction', async () => {
    const create = new RecordingCreate();
    const batcher = new PortCreateBatcher(create as unknown as CreatePorts, database);
    await expect(batcher.execute(ctx, [draft('x'), draft('bad-y')])).rejects.toThrow('refused bad-y');
    expect(create.calls).toEqual([['x', 'bad-y']]);
  });
});
