import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { forbidden, RequestContext } from '@alcor/neutron-api';

/**
 * The apply API serves other managers, not tenants: its
 * routes need an admin caller. Runs after the global auth guard has attached the caller.
 */
@Injectable()
export class AdminOnlyGuard implements CanActivate {
  canActivate(host: ExecutionContext): boolean {
    const context = host.switchToHttp().getRequest<FastifyRequest & { context?: RequestContext }>().context;
    if (!context?.isAdmin) throw forbidden('(rule:admin_only) is disallowed by policy', 'PolicyNotAuthorized');
    return true;
  }
}
