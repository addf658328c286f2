import type { FastifyRequest } from 'fastify';
import { Attributes, parseCreateBody, parseUpdateBody } from '../attributes/request-body';
import { ResourceSpec } from '../attributes/resource-spec';
import { RequestContext } from '../context/request-context';
import { ListQuery, parseListQuery, RawQuery } from '../query/list-query';
import { projectFields } from '../query/page';
import { parseIfMatch } from './if-match';
import { listResponse } from './list-response';

/** How one Neutron collection maps between request attributes, domain values and its view. */
export interface NeutronResourceBinding<E extends { id: string }, V extends object, D, C> {
  spec: ResourceSpec;
  toView: (entity: E) => V;
  fromAttributes: (attributes: Attributes) => D;
  /** Absent for collections Neutron cannot update (security group rules). */
  changesFromAttributes?: (attributes: Attributes) => C;
  /** Path segment of page links when it differs from `spec.collection` (security-groups). */
  urlCollection?: string;
}

/**
 * The request/response plumbing shared by every Neutron collection controller (list, show,
 * create with its bulk form, update with If-Match), so a controller keeps only its Nest
 * decorators and the use case call. Each route takes the use case as a callback.
 */
export function neutronRoutes<E extends { id: string }, V extends object, D, C = never>(binding: NeutronResourceBinding<E, V, D, C>) {
  const { spec, toView } = binding;
  return {
    /** GET /v2.0/<collection>: filters, fields, sorting, paging, tags. */
    async list(raw: RawQuery, req: FastifyRequest, fetch: (query: ListQuery) => Promise<E[]>): Promise<Record<string, unknown>> {
      const query = parseListQuery(raw, spec);
      return listResponse(spec.collection, await fetch(query), query, req, toView, binding.urlCollection);
    },

    /** GET /v2.0/<collection>/:id with `fields=` projection. */
    async show(raw: RawQuery, fetch: () => Promise<E>): Promise<Record<string, unknown>> {
      const { fields } = parseListQuery({ fields: raw.fields }, spec);
      return { [spec.member]: projectFields(toView(await fetch()), fields) };
    },

    /** POST: `{<member>: {...}}` answers one member, `{<collection>: [...]}` answers the list. */
    async create(ctx: RequestContext, body: unknown, execute: (drafts: D[]) => Promise<E[]>): Promise<Record<string, unknown>> {
      const bulk = typeof body === 'object' && body !== null && spec.collection in body;
      const created = (await execute(parseCreateBody(body, spec, ctx).map(binding.fromAttributes))).map(toView);
      return bulk ? { [spec.collection]: created } : { [spec.member]: created[0] };
    },

    /** PUT /v2.0/<collection>/:id; `revisions` is the parsed If-Match header (undefined when absent). */
    async update(
      ctx: RequestContext,
      body: unknown,
      ifMatch: string | undefined,
      execute: (changes: C, revisions: number[] | undefined) => Promise<E>,
    ): Promise<Record<string, unknown>> {
      if (!binding.changesFromAttributes) throw new Error(`neutronRoutes(${spec.collection}): update needs changesFromAttributes`);
      const changes = binding.changesFromAttributes(parseUpdateBody(body, spec, ctx));
      return { [spec.member]: toView(await execute(changes, parseIfMatch(ifMatch))) };
    },
  };
}
