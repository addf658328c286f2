import { randomUUID } from 'node:crypto';
import { storeKinds } from '@alcor/testing';
import { macToNumber } from '../src/domain/mac-address';
import { ErrorBody, MacFixture, MacRangeBody, MacStateBody, startMacService } from './mac-service';

type RangeAnswer = { mac_range: MacRangeBody } & Partial<ErrorBody>;
type StateAnswer = { mac_state: MacStateBody } & Partial<ErrorBody>;

describe.each(storeKinds())('Alcor /macs/ranges API on %s', (kind) => {
  let f: MacFixture;
  beforeAll(async () => (f = await startMacService(kind)));
  afterAll(() => f?.service.close());

  const createRange = (range: Record<string, unknown>) => f.api.post<RangeAnswer>('/macs/ranges', { mac_range: range });

  it('has the default range0 = OUI:00:00:00-OUI:ff:ff:ff, which cannot be changed or deleted', async () => {
    const listed = await f.api.get<{ mac_ranges: MacRangeBody[] }>('/macs/ranges');
    expect(listed.body.mac_ranges).toContainEqual({ range_id: 'range0', from: 'fa:16:3e:00:00:00', to: 'fa:16:3e:ff:ff:ff', state: 'Active' });
    expect(await f.api.put('/macs/ranges/range0', { mac_range: { state: 'Inactive' } })).toMatchObject({ status: 409, body: { NeutronError: { type: 'MacRangeInUse' } } });
    expect(await f.api.delete('/macs/ranges/range0')).toMatchObject({ status: 409, body: { NeutronError: { type: 'MacRangeInUse' } } });
    // POST /macs/range/range0 is POST /macs.
    expect((await f.api.post<StateAnswer>('/macs/range/range0', { mac_state: { vpc_id: randomUUID() } })).body.mac_state.mac_address).toMatch(/^fa:16:3e:/);
  });

  it('creates a range (Alcor’s notation accepted), allocates from it, shows and lists it', async () => {
    const created = await createRange({ range_id: 'r-small', from: 'AA-BB-CC-00-00-10', to: 'AA-BB-CC-00-00-1F', state: 'Active' });
    expect(created.status).toBe(201);
    expect(created.body.mac_range).toEqual({ range_id: 'r-small', from: 'aa:bb:cc:00:00:10', to: 'aa:bb:cc:00:00:1f', state: 'Active' });
    const vpc = randomUUID();
    const one = await f.api.post<StateAnswer>('/macs/range/r-small', { mac_state: { vpc_id: vpc } });
    expect(one.status).toBe(201);
    const bulk = await f.api.post<{ mac_states: MacStateBody[] }>('/v4/macs/range/r-small/bulk', { mac_states: [{ vpc_id: vpc }, { vpc_id: vpc }] });
    expect(bulk.status).toBe(201);
    const macs = [one.body.mac_state.mac_address, ...bulk.body.mac_states.map((s) => s.mac_address)];
    expect(new Set(macs).size).toBe(3);
    for (const mac of macs) expect(macToNumber(mac)).toBeGreaterThanOrEqual(macToNumber('aa:bb:cc:00:00:10'));
    for (const mac of macs) expect(macToNumber(mac)).toBeLessThanOrEqual(macToNumber('aa:bb:cc:00:00:1f'));
    expect((await f.api.get<RangeAnswer>('/macs/ranges/r-small')).body.mac_range.to).toBe('aa:bb:cc:00:00:1f');
    const filtered = await f.api.get<{ mac_ranges: Partial<MacRangeBody>[] }>('/macs/ranges?range_id=r-small&fields=range_id&fields=state');
    expect(filtered.body.mac_ranges).toEqual([{ range_id: 'r-small', state: 'Active' }]);
  });

  it('fails with MacAddressGenerationFailure once a range is full, and only then', async () => {
    await createRange({ range_id: 'r-two', from: '02:00:00:00:00:01', to: '02:00:00:00:00:02' });
    const vpc = randomUUID();
    const taken = await f.api.post<{ mac_states: MacStateBody[] }>('/macs/range/r-two/bulk', { mac_states: [{ vpc_id: vpc }, { vpc_id: vpc }] });
    expect(taken.body.mac_states.map((s) => s.mac_address).sort()).toEqual(['02:00:00:00:00:01', '02:00:00:00:00:02']);
    expect(await f.api.post('/macs/range/r-two', { mac_state: { vpc_id: vpc } })).toMatchObject({
      status: 503,
      body: { NeutronError: { type: 'MacAddressGenerationFailure', message: `Unable to generate unique mac on network ${vpc}.` } },
    });
    // The range is per network: another network still has both.
    expect((await f.api.post('/macs/range/r-two', { mac_state: { vpc_id: randomUUID() } })).status).toBe(201);
  });

  it('updates bounds and state; an inactive range hands out nothing', async () => {
    await createRange({ range_id: 'r-upd', from: '02:10:00:00:00:00', to: '02:10:00:00:00:ff' });
    const updated = await f.api.put<RangeAnswer>('/macs/ranges/r-upd', { mac_range: { range_id: 'r-upd', to: '02:10:00:00:0f:ff', state: 'Inactive' } });
    expect(updated.status).toBe(200);
    expect(updated.body.mac_range).toEqual({ range_id: 'r-upd', from: '02:10:00:00:00:00', to: '02:10:00:00:0f:ff', state: 'Inactive' });
    expect(await f.api.post('/macs/range/r-upd', { mac_state: { vpc_id: randomUUID() } })).toMatchObject({
      status: 409,
      body: { NeutronError: { type: 'MacRangeNotActive' } },
    });
    expect((await f.api.get<{ mac_ranges: MacRangeBody[] }>('/macs/ranges?state=Inactive')).body.mac_ranges.map((r) => r.range_id)).toEqual(['r-upd']);
    expect((await f.api.put('/macs/ranges/r-upd', { mac_range: { range_id: 'other' } })).status).toBe(400);
    expect((await f.api.put('/macs/ranges/r-upd', { mac_range: { from: '02:10:00:01:00:00' } })).status).toBe(400);
    expect((await f.api.put('/macs/ranges/nope', { mac_range: { state: 'Active' } })).status).toBe(404);
  });

  it('refuses invalid ranges with 400 and a taken range id with 409', async () => {
    const invalid: Record<string, unknown>[] = [
      { range_id: 'r-bad1', from: '02:00:00:00:00:09', to: '02:00:00:00:00:01' },
      { range_id: 'r-bad2', from: '01:00:00:00:00:00', to: '01:00:00:00:00:ff' },
      { range_id: 'r-bad3', from: '02:00:00:00:00:00', to: '04:00:00:00:00:00' },
      { range_id: 'r-bad4', from: 'nope', to: '02:00:00:00:00:01' },
      { range_id: 'r/bad', from: '02:00:00:00:00:00', to: '02:00:00:00:00:01' },
      { range_id: 'r-bad6', from: '02:00:00:00:00:00', to: '02:00:00:00:00:01', state: 'Sleeping' },
      { range_id: 'r-bad7', from: '02:00:00:00:00:00' },
    ];
    for (const range of invalid) {
      const answer = await createRange(range);
      expect({ range, status: answer.status }).toEqual({ range, status: 400 });
    }
    expect((await createRange({ range_id: 'r-dup', from: '02:20:00:00:00:00', to: '02:20:00:00:00:01' })).status).toBe(201);
    expect(await createRange({ range_id: 'r-dup', from: '02:20:00:00:00:00', to: '02:20:00:00:00:01' })).toMatchObject({
      status: 409,
      body: { NeutronError: { type: 'MacRangeExists' } },
    });
    const generated = await createRange({ from: '02:30:00:00:00:00', to: '02:30:00:00:00:01' });
    expect(generated.body.mac_range.range_id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await f.api.post('/macs/range/unknown', { mac_state: { vpc_id: randomUUID() } })).body).toMatchObject({
      NeutronError: { type: 'MacRangeNotFound', message: 'MAC range unknown could not be found.' },
    });
  });

  it('deletes a range only when none of its MACs is allocated', async () => {
    await createRange({ range_id: 'r-del', from: '02:40:00:00:00:00', to: '02:40:00:00:00:ff' });
    const vpc = randomUUID();
    const mac = (await f.api.post<StateAnswer>('/macs/range/r-del', { mac_state: { vpc_id: vpc } })).body.mac_state.mac_address;
    expect(await f.api.delete('/macs/ranges/r-del')).toMatchObject({ status: 409, body: { NeutronError: { type: 'MacRangeInUse' } } });
    await f.api.delete(`/macs/${mac}?vpc_id=${vpc}`);
    expect(await f.api.delete('/v4/macs/ranges/r-del')).toMatchObject({ status: 200, body: { id: 'r-del' } });
    expect((await f.api.get('/macs/ranges/r-del')).body).toMatchObject({ NeutronError: { type: 'MacRangeNotFound' } });
    expect((await f.api.delete('/macs/ranges/r-del')).status).toBe(404);
  });
});
