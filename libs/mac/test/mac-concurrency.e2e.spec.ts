import { randomInt, randomUUID } from 'node:crypto';
import { storeKinds } from '@alcor/testing';
import { MacRandomSource } from '../src/generation/mac-random-source';
import { ErrorBody, GENERATED, MacFixture, MacStateBody, startMacService } from './mac-service';

type Answer = { status: number; body: { mac_state: MacStateBody } & Partial<ErrorBody> };

const allocate = (f: MacFixture, vpcId: string, macAddress?: string) =>
  f.api.post<Answer['body']>('/macs', { mac_state: { project_id: 'p1', vpc_id: vpcId, port_id: randomUUID(), ...(macAddress ? { mac_address: macAddress } : {}) } });

const macsOf = (answers: Answer[]) => answers.filter((a) => a.status === 201).map((a) => a.body.mac_state.mac_address);

/** Only 16 MACs can ever be drawn: fa:16:3e:00:00:00 to fa:16:3e:00:00:0f. */
const sixteenMacs: MacRandomSource = (byteCount) => {
  const bytes = new Uint8Array(byteCount);
  bytes[byteCount - 1] = randomInt(16);
  return bytes;
};

/** Uniqueness comes from the primary key alone: many concurrent requests, on PostgreSQL many connections. */
describe.each(storeKinds())('concurrent MAC allocation on %s', (kind) => {
  describe('with the real random source', () => {
    let f: MacFixture;
    beforeAll(async () => (f = await startMacService(kind)));
    afterAll(() => f?.service.close());

    it('300 concurrent random allocations in one network get 300 distinct MACs, one row each', async () => {
      const network = randomUUID();
      const answers = await Promise.all(Array.from({ length: 300 }, () => allocate(f, network)));
      expect(answers.map((a) => a.status)).toEqual(Array(300).fill(201));
      const macs = macsOf(answers);
      expect(new Set(macs).size).toBe(300);
      expect(macs.every((m) => GENERATED.test(m))).toBe(true);
      expect(await f.countRows(network)).toBe(300);
    });

    it('50 concurrent requests for one chosen MAC: exactly one wins, the others get MacAddressInUse', async () => {
      const network = randomUUID();
      const answers = await Promise.all(Array.from({ length: 50 }, () => allocate(f, network, 'fa:16:3e:12:34:56')));
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      const losers = answers.filter((a) => a.status !== 201);
      expect(losers).toHaveLength(49);
      expect(losers.every((a) => a.status === 409 && a.body.NeutronError?.type === 'MacAddressInUse')).toBe(true);
      expect(await f.countRows(network)).toBe(1);
    });

    it('concurrent bulk requests for overlapping MACs in opposite orders: one wins whole, none half', async () => {
      const network = randomUUID();
      const macs = Array.from({ length: 5 }, (_, i) => `fa:16:3e:77:00:0${i}`);
      const bulk = (order: string[]) =>
        f.api.post('/macs/bulk', { mac_states: order.map((mac_address) => ({ project_id: 'p1', vpc_id: network, mac_address })) });
      // Inserted as given, opposite orders would deadlock; chosen MACs are claimed in one global order.
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => bulk(i % 2 ? [...macs].reverse() : macs)));
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 409)).toHaveLength(11);
      expect(await f.countRows(network)).toBe(5);
    });
  });

  describe('with a random source of only 16 MACs', () => {
    let f: MacFixture;
    beforeAll(async () => (f = await startMacService(kind, { random: sixteenMacs })));
    afterAll(() => f?.service.close());

    it('40 concurrent allocations: exactly 16 succeed, 24 fail with MacAddressGenerationFailure, no duplicate', async () => {
      const network = randomUUID();
      const answers = await Promise.all(Array.from({ length: 40 }, () => allocate(f, network)));
      const macs = macsOf(answers);
      expect(macs).toHaveLength(16);
      expect([...macs].sort()).toEqual(Array.from({ length: 16 }, (_, i) => `fa:16:3e:00:00:0${i.toString(16)}`));
      const failed = answers.filter((a) => a.status !== 201);
      expect(failed).toHaveLength(24);
      for (const answer of failed) {
        expect(answer).toMatchObject({
          status: 503,
          body: { NeutronError: { type: 'MacAddressGenerationFailure', message: `Unable to generate unique mac on network ${network}.` } },
        });
      }
      expect(await f.countRows(network)).toBe(16);
      // Another network has its own 16.
      expect((await allocate(f, randomUUID())).status).toBe(201);
    });
  });
});
