import { randomUUID } from 'node:crypto';
import { storeKinds } from '@alcor/testing';
import { INTERNAL_SERVICE_HEADERS } from '@alcor/contracts';
import { RestMacAllocator } from '../src/client/rest-mac.allocator';
import { ErrorBody, GENERATED, MacFixture, MacStateBody, startMacService } from './mac-service';

type StateAnswer = { mac_state: MacStateBody } & Partial<ErrorBody>;
type StatesAnswer = { mac_states: MacStateBody[] } & Partial<ErrorBody>;

describe.each(storeKinds())('Alcor /macs API on %s', (kind) => {
  let f: MacFixture;
  beforeAll(async () => (f = await startMacService(kind)));
  afterAll(() => f?.service.close());

  it('allocates a random MAC and shows it within its network (?vpc_id=)', async () => {
    const vpc = randomUUID();
    const port = randomUUID();
    const created = await f.api.post<StateAnswer>('/macs', { mac_state: { project_id: 'p1', vpc_id: vpc, port_id: port } });
    expect(created.status).toBe(201);
    const mac = created.body.mac_state.mac_address;
    expect(mac).toMatch(GENERATED);
    expect(created.body.mac_state).toEqual({ mac_address: mac, project_id: 'p1', vpc_id: vpc, port_id: port, state: 'Active' });
    const shown = await f.api.get<StateAnswer>(`/macs/${mac.toUpperCase().replace(/:/g, '-')}?vpc_id=${vpc}`);
    expect(shown.status).toBe(200);
    expect(shown.body.mac_state).toEqual(created.body.mac_state);
    // Without vpc_id the global scope is meant, where this MAC is not.
    expect(await f.api.get(`/macs/${mac}`)).toMatchObject({
      status: 404,
      body: { NeutronError: { type: 'MacAddressNotFound', message: `MAC address ${mac} could not be found.`, detail: '' } },
    });
    expect((await f.api.get<StateAnswer>(`/v4/macs/${mac}?vpc_id=${vpc}`)).body.mac_state.port_id).toBe(port);
  });

  it('keeps MACs allocated without vpc_id in the global scope', async () => {
    const created = await f.api.post<StateAnswer>('/macs', { mac_state: { mac_address: '02:aa:00:00:00:01', state: 'Inactive' } });
    expect(created.status).toBe(201);
    expect(created.body.mac_state).toEqual({ mac_address: '02:aa:00:00:00:01', project_id: 'fake_project_id', vpc_id: null, port_id: null, state: 'Inactive' });
    expect((await f.api.get<StateAnswer>('/macs/02:aa:00:00:00:01')).body.mac_state.vpc_id).toBeNull();
    const again = await f.api.post('/macs', { mac_state: { mac_address: '02:AA:00:00:00:01' } });
    expect(again).toMatchObject({
      status: 409,
      body: { NeutronError: { type: 'MacAddressInUse', message: 'Unable to complete operation. The mac address 02:aa:00:00:00:01 is in use.' } },
    });
  });

  it('answers a taken MAC with Neutron’s MacAddressInUse body', async () => {
    const vpc = randomUUID();
    await f.api.post('/macs', { mac_state: { project_id: 'p1', vpc_id: vpc, mac_address: 'fa:16:3e:01:02:03' } });
    const taken = await f.api.post('/macs', { mac_state: { project_id: 'p2', vpc_id: vpc, mac_address: 'fa:16:3e:01:02:03' } });
    expect(taken.status).toBe(409);
    expect(taken.body).toEqual({
      NeutronError: { type: 'MacAddressInUse', message: `Unable to complete operation for network ${vpc}. The mac address fa:16:3e:01:02:03 is in use.`, detail: '' },
    });
  });

  it('allocates in bulk atomically', async () => {
    const vpc = randomUUID();
    const created = await f.api.post<StatesAnswer>('/macs/bulk', {
      mac_states: [{ project_id: 'p1', vpc_id: vpc }, { project_id: 'p1', vpc_id: vpc, mac_address: 'fa:16:3e:0b:00:01' }],
    });
    expect(created.status).toBe(201);
    expect(created.body.mac_states.map((s) => s.mac_address)).toEqual([expect.stringMatching(GENERATED), 'fa:16:3e:0b:00:01']);
    const failed = await f.api.post<StatesAnswer>('/macs/bulk', {
      mac_states: [{ project_id: 'p1', vpc_id: vpc, mac_address: 'fa:16:3e:0b:00:02' }, { project_id: 'p1', vpc_id: vpc, mac_address: 'fa:16:3e:0b:00:01' }],
    });
    expect(failed.status).toBe(409);
    expect(await f.countRows(vpc)).toBe(2);
    const bad = await f.api.post('/macs/bulk', { mac_states: [{ vpc_id: vpc }, { vpc_id: vpc, state: 'Sleeping' }] });
    expect(bad).toMatchObject({ status: 400, body: { NeutronError: { type: 'InvalidInput', message: "Invalid input for operation: 'Sleeping' is not in ['Active', 'Inactive']." } } });
    expect(await f.countRows(vpc)).toBe(2);
  });

  it('refuses malformed requests with Neutron’s 400s', async () => {
    const cases: [string, unknown, string, string][] = [
      ['/macs', { mac_state: { bogus: 1 } }, 'HTTPBadRequest', "Unrecognized attribute(s) 'bogus'"],
      ['/macs', { mac_states: [{}] }, 'HTTPBadRequest', 'Use /macs/bulk for several MACs'],
      ['/macs', { mac: {} }, 'HTTPBadRequest', "Unable to find 'mac_state' in request body"],
      ['/macs', { mac_state: { mac_address: 'fa:16:3e' } }, 'InvalidInput', "Invalid input for operation: 'fa:16:3e' is not a valid MAC address."],
      ['/macs', { mac_state: { mac_address: '33:33:00:00:00:01' } }, 'InvalidInput', "Invalid input for operation: '33:33:00:00:00:01' is a multicast MAC address, not valid for a port."],
      ['/macs', { mac_state: { vpc_id: 'a b' } }, 'InvalidInput', "Invalid input for operation: 'a b' is not a valid vpc_id."],
      ['/macs/bulk', { mac_states: [] }, 'HTTPBadRequest', "Resources required: 'mac_states' must be a non-empty list"],
    ];
    for (const [path, body, type, message] of cases) {
      const answer = await f.api.post(path, body);
      expect({ path, status: answer.status, body: answer.body }).toEqual({ path, status: 400, body: { NeutronError: { type, message, detail: '' } } });
    }
    expect((await f.api.post('/macs', '{"mac_state":')).body).toMatchObject({ NeutronError: { type: 'HTTPBadRequest', message: 'Body contains invalid data' } });
    expect((await f.api.get('/macs/not-a-mac')).body).toMatchObject({ NeutronError: { type: 'InvalidInput', message: "Invalid input for operation: 'not-a-mac' is not a valid MAC address." } });
  });

  it('updates the port, project or state of an allocated MAC, never its identity', async () => {
    const vpc = randomUUID();
    const mac = (await f.api.post<StateAnswer>('/macs', { mac_state: { project_id: 'p1', vpc_id: vpc, port_id: 'port-a' } })).body.mac_state.mac_address;
    const port = randomUUID();
    const updated = await f.api.put<StateAnswer>(`/macs/${mac}?vpc_id=${vpc}`, { mac_state: { mac_address: mac, vpc_id: vpc, port_id: port, state: 'Inactive' } });
    expect(updated.status).toBe(200);
    expect(updated.body.mac_state).toEqual({ mac_address: mac, project_id: 'p1', vpc_id: vpc, port_id: port, state: 'Inactive' });
    expect((await f.api.get<StateAnswer>(`/macs/${mac}?vpc_id=${vpc}`)).body.mac_state.state).toBe('Inactive');
    expect((await f.api.put(`/macs/${mac}?vpc_id=${vpc}`, { mac_state: { vpc_id: randomUUID() } })).status).toBe(400);
    expect((await f.api.put(`/macs/${mac}?vpc_id=${vpc}`, { mac_state: { mac_address: 'fa:16:3e:00:00:99' } })).status).toBe(400);
    expect((await f.api.put(`/macs/${mac}?vpc_id=${vpc}`, { mac_state: { state: 'Gone' } })).status).toBe(400);
    expect((await f.api.put(`/macs/fa:16:3e:00:00:98?vpc_id=${vpc}`, { mac_state: { state: 'Active' } })).body).toMatchObject({
      NeutronError: { type: 'MacAddressNotFound', message: `MAC address fa:16:3e:00:00:98 could not be found on network ${vpc}.` },
    });
  });

  it('releases with DELETE /macs/{mac} (404 once gone), after which the MAC is free', async () => {
    const vpc = randomUUID();
    const mac = (await f.api.post<StateAnswer>('/macs', { mac_state: { project_id: 'p1', vpc_id: vpc } })).body.mac_state.mac_address;
    expect(await f.api.delete(`/macs/${mac}?vpc_id=${vpc}`)).toMatchObject({ status: 200, body: { mac_address: mac } });
    expect((await f.api.delete(`/macs/${mac}?vpc_id=${vpc}`)).status).toBe(404);
    expect((await f.api.get(`/macs/${mac}?vpc_id=${vpc}`)).status).toBe(404);
    expect((await f.api.post('/macs', { mac_state: { project_id: 'p1', vpc_id: vpc, mac_address: mac } })).status).toBe(201);
    expect((await f.api.delete(`/v4/macs/${mac}?vpc_id=${vpc}`)).status).toBe(200);
    expect(await f.countRows(vpc)).toBe(0);
  });

  it('releases idempotently and atomically through the internal endpoint', async () => {
    const vpc = randomUUID();
    const macs = (await f.api.post<StatesAnswer>('/macs/bulk', { mac_states: [{ vpc_id: vpc }, { vpc_id: vpc }] })).body.mac_states.map((s) => s.mac_address);
    const releases = macs.map((mac_address) => ({ network_id: vpc, mac_address }));
    // One bad item fails the call before anything is released.
    const bad = await f.api.post('/internal/mac-allocations/release', { releases: [...releases, { network_id: vpc, mac_address: 'nope' }] });
    expect(bad).toMatchObject({ status: 400, body: { NeutronError: { type: 'InvalidInput' } } });
    expect(await f.countRows(vpc)).toBe(2);
    expect((await f.api.post('/internal/mac-allocations/release', { releases })).status).toBe(204);
    expect((await f.api.post('/internal/mac-allocations/release', { releases })).status).toBe(204);
    expect(await f.countRows(vpc)).toBe(0);
    expect((await f.api.post('/internal/mac-allocations/release', { macs: [] })).status).toBe(400);
    expect((await f.api.post('/internal/mac-allocations/release', { releases: [{ network_id: vpc, mac_address: macs[0], port_id: 'x' }] })).status).toBe(400);
  });
});

describe('Alcor /macs API with MAC_OUI and trusted headers (PGlite)', () => {
  let f: MacFixture;
  beforeAll(async () => (f = await startMacService('pglite', { environment: { MAC_OUI: 'aa:bb:cc', AUTH_STRATEGY: 'trusted-headers' } })));
  afterAll(() => f?.service.close());

  const admin = { 'x-project-id': 'svc', 'x-roles': 'admin' };

  it('generates MACs under the configured OUI', async () => {
    const created = await f.api.post<StateAnswer>('/macs', { mac_state: { project_id: 'p1', vpc_id: randomUUID() } }, admin);
    expect(created.status).toBe(201);
    expect(created.body.mac_state.mac_address).toMatch(/^aa:bb:cc(:[0-9a-f]{2}){3}$/);
    expect((await f.api.get('/macs/ranges/range0', admin)).body).toEqual({
      mac_range: { range_id: 'range0', from: 'aa:bb:cc:00:00:00', to: 'aa:bb:cc:ff:ff:ff', state: 'Active' },
    });
  });

  it('serves other managers only: every route needs an admin caller', async () => {
    const tenant = { 'x-project-id': 'p1', 'x-roles': 'member' };
    const refused = await f.api.post('/macs', { mac_state: { project_id: 'p1', vpc_id: randomUUID() } }, tenant);
    expect(refused).toMatchObject({ status: 403, body: { NeutronError: { type: 'PolicyNotAuthorized', message: '(rule:admin_only) is disallowed by policy' } } });
    expect((await f.api.get('/macs/ranges', tenant)).status).toBe(403);
    expect((await f.api.post('/internal/mac-allocations/release', { releases: [] }, tenant)).status).toBe(403);
    expect((await f.api.get('/macs/ranges')).status).toBe(401);
    expect(await f.countRows()).toBe(1);
  });

  it('lets the REST allocator in with the service headers', async () => {
    const network = randomUUID();
    const allocator = new RestMacAllocator(f.service.baseUrl, { ...INTERNAL_SERVICE_HEADERS });
    const [allocation] = await allocator.allocate([{ networkId: network, portId: randomUUID(), projectId: 'p1' }]);
    expect(allocation.macAddress).toMatch(/^aa:bb:cc:/);
    await allocator.release([allocation]);
    expect(await f.countRows(network)).toBe(0);
    await expect(new RestMacAllocator(f.service.baseUrl).allocate([{ networkId: network, portId: 'x', projectId: 'p1' }])).rejects.toMatchObject({ status: 401 });
  });
});
