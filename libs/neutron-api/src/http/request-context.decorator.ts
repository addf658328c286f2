import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RequestContext } from '../context/request-context';

/** The caller's context, attached to the request by the auth hook. */
export const Ctx = createParamDecorator((_: unknown, host: ExecutionContext): RequestContext => {
  const request = host.switchToHttp().getRequest<FastifyRequest & { context?: RequestContext }>();
  if (!request.context) throw new Error('request context missing: is the auth hook installed?');
  return request.context;
});
