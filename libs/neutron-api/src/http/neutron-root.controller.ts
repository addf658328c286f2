import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { notFound } from '../errors/neutron-error';
import { NeutronExtensions } from './neutron-extensions';
import { requestBaseUrl } from './request-url';

/** What clients ask before anything else: the version list and the extension list. */
@ApiExcludeController()
@Controller()
export class NeutronRootController {
  constructor(private readonly extensions: NeutronExtensions) {}

  @Get()
  versions(@Req() req: FastifyRequest) {
    return {
      versions: [{ id: 'v2.0', status: 'CURRENT', links: [{ href: `${requestBaseUrl(req)}/v2.0/`, rel: 'self' }] }],
    };
  }

  @Get('v2.0')
  resources(@Req() req: FastifyRequest) {
    const base = requestBaseUrl(req);
    const collections = this.extensions.listCollections();
    return {
      resources: collections.map((collection) => ({
        name: collection.replace(/s$/, ''),
        collection,
        links: [{ href: `${base}/v2.0/${collection}`, rel: 'self' }],
      })),
    };
  }

  @Get('v2.0/extensions')
  list() {
    return { extensions: this.extensions.list().map(toView) };
  }

  @Get('v2.0/extensions/:alias')
  show(@Param('alias') alias: string) {
    const extension = this.extensions.get(alias);
    if (!extension) throw notFound('ExtensionNotFound', `Extension ${alias} could not be found.`);
    return { extension: toView(extension) };
  }
}

const toView = (e: { alias: string; name: string; description: string }) => ({
  alias: e.alias,
  name: e.name,
  description: e.description,
  updated: '2026-11-24T00:00:00-00:00',
  links: [],
});
