import { randomUUID } from 'node:crypto';
import { storeKinds } from '@alcor/testing';
import { MacFixture, startMacService } from './mac-service';

/** Standalone mode: the port manager's transaction and the MAC allocation are one unit of work. */
describe.each(storeKinds())('in-process allocator inside a caller transaction on %s', (kind) => {
  let f: MacFixture;
  beforeAll(async () => (f = await startMacService(kind)));
  afterAll(() => f?.service.close());

  const request = (networkId: string, macAddress?: string) => ({ networkId, portId: randomUUID(), projectId: 'p1', macAddress });

  it('joins the outer transaction: when it fails after allocating, no MAC remains', async () => {
    const network = randomUUID();
    let allocated: string[] = [];
    const failing = f.database.transaction(async () => {
      allocated = (await f.allocator.allocate([request(network, 'fa:16:3e:00:00:01'), request(network)])).map((a) => a.macAddress);
      // Visible inside the transaction that made it...
      expect(await f.countRows(network)).toBe(2);
      throw new Error('port insert failed');
    });
    await expect(failing).rejects.toThrow('port insert failed');
    expect(allocated).toHaveLength(2);
    // ...and gone with its rollback: both MACs are free again.
    expect(await f.countRows(network)).toBe(0);
    const again = await f.allocator.allocate(allocated.map((mac) => request(network, mac)));
    expect(again.map((a) => a.macAddress)).toEqual(allocated);
  });

  it('commits with the outer transaction, and a release inside a failed one is undone', async () => {
    const network = randomUUID();
    const [allocation] = await f.database.transaction(() => f.allocator.allocate([request(network)]));
    expect(await f.countRows(network)).toBe(1);
    await expect(
      f.database.transaction(async () => {
        await f.allocator.release([{ networkId: network, macAddress: allocation.macAddress }]);
        throw new Error('port delete failed');
      }),
    ).rejects.toThrow('port delete failed');
    expect(await f.countRows(network)).toBe(1);
  });
});
