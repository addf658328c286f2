import type { FastifyRequest } from 'fastify';
import { Attributes } from '../attributes/request-body';
import { ResourceSpec } from '../attributes/resource-spec';
import { RequestContext } from '../context/request-context';
import { neutronRoutes } from './neutron-resource-routes';

interface Widget {
  id: string;
  name: string;
  revision: number;
}

const spec: ResourceSpec = {
  collection: 'widgets',
  member: 'widget',
  notFoundType: 'WidgetNotFound',
  notFoundLabel: 'Widget',
  attributes: {
    id: { allowPost: false, allowPut: false, column: 'id', sortable: true },
    name: { allowPost: true, allowPut: true, default: '', column: 'name', filterType: 'string', sortable: true },
    project_id: { allowPost: true, allowPut: false, column: 'project_id' },
  },
  visible: ['id', 'name', 'project_id'],
};
const ctx: RequestContext = { projectId: 'p1', isAdmin: true, roles: ['admin'], requestId: 'req-1' };
const req = { headers: { host: 'neutron:9696' }, protocol: 'http' } as unknown as FastifyRequest;
const toView = (w: Widget) => ({ id: w.id, name: w.name, project_id: 'p1' });
const widget = (id: string, name = id): Widget => ({ id, name, revision: 1 });

describe('neutronRoutes', () => {
  const routes = neutronRoutes({
    spec,
    toView,
    fromAttributes: (a: Attributes) => ({ name: a.name as string }),
    changesFromAttributes: (a: Attributes) => ({ name: a.name as string | undefined }),
    urlCollection: 'my-widgets',
  });

  it('wraps a single create in the member key and a bulk create in the collection key', async () => {
    const execute = jest.fn(async (drafts: { name: string }[]) => drafts.map((d, i) => widget(`w${i}`, d.name)));
    expect(await routes.create(ctx, { widget: { name: 'a' } }, execute)).toEqual({ widget: { id: 'w0', name: 'a', project_id: 'p1' } });
    expect(await routes.create(ctx, { widgets: [{ name: 'a' }, {}] }, execute)).toEqual({
      widgets: [
        { id: 'w0', name: 'a', project_id: 'p1' },
        { id: 'w1', name: '', project_id: 'p1' },
      ],
    });
    await expect(routes.create(ctx, { thing: {} }, execute)).rejects.toThrow("Unable to find 'widget' in request body");
    expect(execute).toHaveBeenCalledTimes(2);
  });

  it('projects fields on show and list, and builds page links on the URL spelling', async () => {
    expect(await routes.show({ fields: 'name' }, async () => widget('w1', 'x'))).toEqual({ widget: { name: 'x' } });
    const fetch = jest.fn(async () => [widget('a'), widget('b')]);
    const page = await routes.list({ limit: '1', fields: ['id'] }, req, fetch);
    expect(page.widgets).toEqual([{ id: 'a' }]);
    expect(JSON.stringify(page.widgets_links)).toContain('http://neutron:9696/v2.0/my-widgets?');
    expect(fetch.mock.calls[0]).toEqual([expect.objectContaining({ limit: 1 })]);
  });

  it('passes the parsed If-Match revisions to the update and answers the member', async () => {
    const execute = jest.fn(async (changes: { name?: string }) => widget('w1', changes.name));
    expect(await routes.update(ctx, { widget: { name: 'new' } }, 'revision_number=3', execute)).toEqual({ widget: { id: 'w1', name: 'new', project_id: 'p1' } });
    expect(execute).toHaveBeenCalledWith({ name: 'new' }, [3]);
    await expect(routes.update(ctx, { widget: {} }, 'nope', execute)).rejects.toThrow("Invalid If-Match header 'nope'");
  });
});
