import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestContext } from '../context/request-context';
import { AuthStrategy, resolveRequestContext } from '../context/resolve-context';

export const AUTH_STRATEGY = Symbol('AuthStrategy');
const PUBLIC_ROUTE = 'alcor:public-route';

/** Marks a route that needs no caller (health probes). */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * Authenticates every request once and attaches the caller's context; a pluggable strategy so
 * Keystone token validation drops in beside noauth and trusted headers.
 */
@Injectable()
export class AuthContextGuard implements CanActivate {
  constructor(
    @Inject(AUTH_STRATEGY) private readonly strategy: AuthStrategy,
    private readonly reflector: Reflector,
  ) {}

  canActivate(host: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [host.getHandler(), host.getClass()])) return true;
    const request = host.switchToHttp().getRequest<FastifyRequest & { context?: RequestContext }>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    request.context = resolveRequestContext(this.strategy, request.headers);
    void reply.header('x-openstack-request-id', request.context.requestId);
    return true;
  }
}
