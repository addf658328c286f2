import { randomUUID } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable, Optional, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NeutronError } from '../errors/neutron-error';
import { KeystoneTokenValidator, TOKEN_VALIDATOR } from '../context/keystone/keystone-token-validator';
import { RequestContext } from '../context/request-context';
import { AuthStrategy, resolveRequestContext } from '../context/resolve-context';
import { checkWriteAllowed } from '../context/role-policy';

export const AUTH_STRATEGY = Symbol('AuthStrategy');
const PUBLIC_ROUTE = 'alcor:public-route';

/** Marks a route that needs no caller (health probes). */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * Authenticates every request once and attaches the caller's context; a pluggable strategy
 * (noauth, trusted headers, Keystone tokens). A read-only caller (Keystone's reader role) gets
 * 403 on any write, before any use case runs.
 */
@Injectable()
export class AuthContextGuard implements CanActivate {
  constructor(
    @Inject(AUTH_STRATEGY) private readonly strategy: AuthStrategy,
    private readonly reflector: Reflector,
    @Optional() @Inject(TOKEN_VALIDATOR) private readonly validator?: KeystoneTokenValidator,
  ) {}

  async canActivate(host: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [host.getHandler(), host.getClass()])) return true;
    const request = host.switchToHttp().getRequest<FastifyRequest & { context?: RequestContext }>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    // Version discovery stays open, as Neutron serves GET / outside keystonemiddleware.
    if (this.strategy === 'keystone' && request.method === 'GET' && request.url.split('?')[0] === '/') {
      request.context = { projectId: '', isAdmin: false, roles: [], requestId: `req-${randomUUID()}` };
      void reply.header('x-openstack-request-id', request.context.requestId);
      return true;
    }
    try {
      request.context = await resolveRequestContext(this.strategy, request.headers, this.validator);
    } catch (error) {
      if (error instanceof NeutronError && error.status === 401 && this.validator) {
        void reply.header('www-authenticate', `Keystone uri="${this.validator.keystoneUrl}"`);
      }
      throw error;
    }
    void reply.header('x-openstack-request-id', request.context.requestId);
    checkWriteAllowed(request.context, request.method, request.url);
    return true;
  }
}
