import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Put, Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { listOf, toTag } from '../attributes/converters';
import { RequestContext } from '../context/request-context';
import { badRequest, notFound } from '../errors/neutron-error';
import { Ctx } from './request-context.decorator';

/** What a resource offers for Neutron's standard-attr-tag: read its tags, change them atomically. */
export interface TagStore {
  /** Tags of a resource the caller may see (its NotFound otherwise). */
  read(ctx: RequestContext, id: string): Promise<string[]>;
  /** Applies `next` under a row lock; a change bumps the revision and records an event. */
  write(ctx: RequestContext, id: string, next: (tags: string[]) => string[]): Promise<string[]>;
}

const toTags = listOf(toTag, 50);

/**
 * The six tag endpoints under /v2.0/<collection>/{id}/tags for any resource, so every resource
 * gets identical behaviour from one implementation.
 */
export function neutronTagsController(collection: string, member: string, storeToken: symbol | string): Type<unknown> {
  const tagNotFound = (id: string, tag: string) => notFound('TagNotFound', `Tag ${tag} could not be found for ${member} ${id}.`);

  @ApiTags(collection)
  @Controller(`v2.0/${collection}/:id/tags`)
  class NeutronTagsController {
    constructor(@Inject(storeToken) readonly store: TagStore) {}

    @Get()
    async list(@Ctx() ctx: RequestContext, @Param('id') id: string) {
      return { tags: await this.store.read(ctx, id) };
    }

    @Put()
    async replace(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown) {
      const tags = (body as { tags?: unknown } | null)?.tags;
      if (tags === undefined) throw badRequest('Invalid tags body: expected {"tags": [...]}');
      const wanted = [...new Set(toTags(tags, 'tags'))];
      return { tags: await this.store.write(ctx, id, () => wanted) };
    }

    @Delete()
    @HttpCode(204)
    async clear(@Ctx() ctx: RequestContext, @Param('id') id: string) {
      await this.store.write(ctx, id, () => []);
    }

    @Get(':tag')
    @HttpCode(204)
    async check(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('tag') tag: string) {
      if (!(await this.store.read(ctx, id)).includes(tag)) throw tagNotFound(id, tag);
    }

    @Put(':tag')
    @HttpCode(201)
    async add(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('tag') tag: string) {
      const valid = toTag(tag, 'tag');
      await this.store.write(ctx, id, (tags) => (tags.includes(valid) ? tags : [...tags, valid]));
    }

    @Delete(':tag')
    @HttpCode(204)
    async remove(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('tag') tag: string) {
      await this.store.write(ctx, id, (tags) => {
        if (!tags.includes(tag)) throw tagNotFound(id, tag);
        return tags.filter((t) => t !== tag);
      });
    }
  }
  Object.defineProperty(NeutronTagsController, 'name', { value: `Neutron${member[0].toUpperCase()}${member.slice(1)}TagsController` });
  return NeutronTagsController;
}

/** True when two tag lists hold the same tags (order ignored). */
export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t) => b.includes(t));
}
