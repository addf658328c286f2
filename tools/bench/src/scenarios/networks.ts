import { expectStatus, field, NeutronClient } from '../neutron-client';
import { deleteAll, type Item, type ResourceSpec } from './crud';

/** Networks: no setup; names are `<tag>-c<i>` / `<tag>-b<j>-<k>`; list by `?name=`. */
export const networks: ResourceSpec<undefined> = {
  collection: 'networks',
  resource: 'network',
  setup: async () => undefined,
  body: (_ctx, item) => ({ name: item.name }),
  toItem: (created, draft) => ({ ...draft, id: String(field(created, 'id')), real: true }),
  lists: [{ phase: 'list-name', query: (item: Item) => `name=${encodeURIComponent(item.name)}` }],
  async teardown(client: NeutronClient, _ctx, run) {
    const reply = expectStatus(await client.get('/v2.0/networks?fields=id&fields=name'), 200, 'list networks');
    const rows = field(reply.body, 'networks');
    const ids = (Array.isArray(rows) ? rows : [])
      .filter((row) => String(field(row, 'name')).startsWith(`${run.tag}-`))
      .map((row) => String(field(row, 'id')));
    await deleteAll(client, '/v2.0/networks', ids, run.concurrency);
  },
};
