import { decodeJson, MESSAGE_BUS, MessageBus } from '@alcor/bus';
import { ResourceEvent } from '@alcor/contracts';
import { storeKinds, waitFor } from '@alcor/testing';
import { NCM_EVENTS_TOPIC } from '../src/events/ncm-events';
import { NcmInfo } from '../src/http/ncm.mapper';
import { NeutronFault, NodeFixture, startNodeService } from './node-service';

const admin = { 'x-project-id': 'ops', 'x-roles': 'admin' };
const member = { 'x-project-id': 'proj-a', 'x-roles': 'member' };

describe.each(storeKinds())('NCM registry on %s', (kind) => {
  let f: NodeFixture;
  const events: ResourceEvent<NcmInfo>[] = [];
  beforeAll(async () => {
    f = await startNodeService(kind, { AUTH_STRATEGY: 'trusted-headers' });
    const bus = f.service.app.get<MessageBus>(MESSAGE_BUS);
    await bus.subscribe(NCM_EVENTS_TOPIC, 'test-observer', { mode: 'exclusive', autoAck: true, initialPosition: 'earliest' }, (m) => {
      events.push(decodeJson(m) as ResourceEvent<NcmInfo>);
    });
  });
  afterAll(() => f?.service.close());

  it('registers, lists, shows, updates and removes NCMs ({id, uri, cap}), announcing each change', async () => {
    const created = await f.api.post<{ ncm_info: NcmInfo }>('/ncms', { ncm_info: { id: 'ncm-1', uri: 'http://ncm-0:9014', cap: 500 } }, admin);
    expect(created.status).toBe(201);
    expect(created.body.ncm_info).toMatchObject({ id: 'ncm-1', uri: 'http://ncm-0:9014', cap: 500, revision_number: 1 });
    const generated = await f.api.post<{ ncm_info: NcmInfo }>('/ncms', { ncm_info: { uri: 'http://ncm-1:9014' } }, admin);
    expect(generated.body.ncm_info).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), cap: 0 });

    const listed = await f.api.get<{ ncmInfos: NcmInfo[] }>('/ncms?cap=500', admin);
    expect(listed.body.ncmInfos.map((n) => n.id)).toEqual(['ncm-1']);
    expect((await f.api.get<{ ncm_info: NcmInfo }>('/v4/ncms/ncm-1?fields=uri', admin)).body).toEqual({ ncm_info: { uri: 'http://ncm-0:9014' } });

    const updated = await f.api.put<{ ncm_info: NcmInfo }>('/ncms/ncm-1', { ncm_info: { cap: 800 } }, admin);
    expect(updated.body.ncm_info).toMatchObject({ uri: 'http://ncm-0:9014', cap: 800, revision_number: 2 });

    const deleted = await f.api.delete('/ncms/ncm-1', admin);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: 'ncm-1' });
    const gone = await f.api.get<NeutronFault>('/ncms/ncm-1', admin);
    expect(gone.status).toBe(404);
    expect(gone.body.NeutronError).toEqual({ type: 'NcmNotFound', message: 'NCM ncm-1 could not be found.', detail: '' });

    const mine = await waitFor(() => {
      const list = events.filter((e) => e.resourceId === 'ncm-1');
      return list.length >= 3 && list;
    }, 5000, 'three NCM events');
    expect(mine.map((e) => [e.type, e.revisionNumber])).toEqual([
      ['ncm.created', 1],
      ['ncm.updated', 2],
      ['ncm.deleted', 2],
    ]);
  });

  it('refuses duplicates, bad values and non-admins', async () => {
    await f.api.post('/ncms', { ncm_info: { id: 'ncm-2', uri: 'http://ncm-2:9014' } }, admin);
    const again = await f.api.post<NeutronFault>('/ncms', { ncm_info: { id: 'ncm-2', uri: 'http://other:9014' } }, admin);
    expect(again.status).toBe(409);
    expect(again.body.NeutronError).toEqual({ type: 'NcmAlreadyExists', message: 'A NCM with id ncm-2 already exists.', detail: '' });
    expect((await f.api.post<NeutronFault>('/ncms', { ncm_info: { uri: 'not a uri' } }, admin)).body.NeutronError.type).toBe('InvalidInput');
    expect((await f.api.post('/ncms', { ncm_info: { uri: 'http://x', cap: -1 } }, admin)).status).toBe(400);
    expect((await f.api.put('/ncms/ncm-2', { ncm_info: { id: 'ncm-3' } }, admin)).status).toBe(400);
    expect((await f.api.get('/ncms', member)).status).toBe(403);
    expect((await f.api.post('/ncms', { ncm_info: { uri: 'http://x' } }, member)).status).toBe(403);
    expect((await f.api.delete('/ncms/ncm-2', member)).status).toBe(403);
    const all = await f.api.get<{ ncmInfos: NcmInfo[] }>('/ncms?fields=uri', admin);
    expect(all.body.ncmInfos.map((n) => n.uri).sort()).toEqual(['http://ncm-1:9014', 'http://ncm-2:9014']);
  });
});
