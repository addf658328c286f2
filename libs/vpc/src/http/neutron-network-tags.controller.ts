import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { badRequest, Ctx, listOf, RequestContext, toTag } from '@alcor/neutron-api';
import { NetworkTags } from '../use-cases/network-tags/network-tags';

const toTags = listOf(toTag, 50);

/** Neutron's standard-attr-tag endpoints for networks. */
@ApiTags('networks')
@Controller('v2.0/networks/:id/tags')
export class NeutronNetworkTagsController {
  constructor(private readonly tags: NetworkTags) {}

  @Get()
  async list(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return { tags: await this.tags.get(ctx, id) };
  }

  @Put()
  async replace(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown) {
    const tags = (body as { tags?: unknown } | null)?.tags;
    if (tags === undefined) throw badRequest("Invalid tags body: expected {\"tags\": [...]}");
    return { tags: await this.tags.replace(ctx, id, toTags(tags, 'tags')) };
  }

  @Delete()
  @HttpCode(204)
  async clear(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    await this.tags.clear(ctx, id);
  }

  @Get(':tag')
  @HttpCode(204)
  async check(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('tag') tag: string) {
    await this.tags.check(ctx, id, tag);
  }

  @Put(':tag')
  @HttpCode(201)
  async add(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('tag') tag: string) {
    await this.tags.add(ctx, id, toTag(tag, 'tag'));
  }

  @Delete(':tag')
  @HttpCode(204)
  async removeTag(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('tag') tag: string) {
    await this.tags.remove(ctx, id, tag);
  }
}
