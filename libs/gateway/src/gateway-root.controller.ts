import { Controller, Get, Inject, Param, Req, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { NeutronExtension, notFound, PublicRoute, requestBaseUrl } from '@alcor/neutron-api';
import { GATEWAY_ROUTES, GatewayRoute } from './routes';

/**
 * What the gateway answers itself: the version document, the union of the managers' extension
 * lists (so clients see exactly what the deployment serves) and probes.
 */
@ApiTags('gateway')
@Controller()
@PublicRoute()
export class GatewayRootController {
  constructor(@Inject(GATEWAY_ROUTES) private readonly routes: GatewayRoute[]) {}

  @Get()
  versions(@Req() req: FastifyRequest) {
    return { versions: [{ id: 'v2.0', status: 'CURRENT', links: [{ href: `${requestBaseUrl(req)}/v2.0/`, rel: 'self' }] }] };
  }

  @Get('v2.0')
  resources(@Req() req: FastifyRequest) {
    const base = requestBaseUrl(req);
    return {
      resources: this.routes.map((r) => ({
        name: r.collection.replace(/s$/, ''),
        collection: r.collection,
        links: [{ href: `${base}/v2.0/${r.collection}`, rel: 'self' }],
      })),
    };
  }

  @Get('v2.0/extensions')
  async extensions() {
    return { extensions: await this.gatherExtensions() };
  }

  @Get('v2.0/extensions/:alias')
  async extension(@Param('alias') alias: string) {
    const found = (await this.gatherExtensions()).find((e) => e.alias === alias);
    if (!found) throw notFound('ExtensionNotFound', `Extension ${alias} could not be found.`);
    return { extension: found };
  }

  @Get('healthz')
  live() {
    return { status: 'UP', service: 'api-gateway' };
  }

  @Get(['readyz', 'actuator/health'])
  async ready() {
    const checks = await Promise.all(
      this.upstreams().map(async (upstream) => ({ upstream, up: (await fetch(`${upstream}/readyz`).catch(() => undefined))?.ok === true })),
    );
    if (checks.some((c) => !c.up)) throw new ServiceUnavailableException({ status: 'DOWN', upstreams: checks });
    return { status: 'UP', service: 'api-gateway', upstreams: checks };
  }

  private upstreams(): string[] {
    return [...new Set(this.routes.map((r) => r.upstream))];
  }

  /**
   * The union of what the reachable managers serve. A manager that is down drops out of the list
   * (its collection answers 503 meanwhile) rather than failing every client's start-up call;
   * /readyz reports it.
   */
  private async gatherExtensions(): Promise<NeutronExtension[]> {
    const lists = await Promise.all(
      this.upstreams().map(async (upstream) => {
        const response = await fetch(`${upstream}/v2.0/extensions`).catch(() => undefined);
        if (!response?.ok) return [];
        return ((await response.json()) as { extensions: NeutronExtension[] }).extensions;
      }),
    );
    const byAlias = new Map(lists.flat().map((e) => [e.alias, e]));
    return [...byAlias.values()].sort((a, b) => a.alias.localeCompare(b.alias));
  }
}
