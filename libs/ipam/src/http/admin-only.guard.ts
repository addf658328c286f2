import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { forbidden, RequestContext } from '@alcor/neutron-api';

/**
 * The Private IP manager is internal (Alcor's gateway never routed to it): only admins and other
 * managers (which call with the admin role) may use it. Runs after the global auth guard.
 */
@Injectable()
export class AdminOnlyGuard implements CanActivate {
  canActivate(host: ExecutionContext): boolean {
    const context = host.switchToHttp().getRequest<FastifyRequest & { context?: RequestContext }>().context;
    if (!context?.isAdmin) throw forbidden('(rule:private_ip_manager) is disallowed by policy: admin only', 'PolicyNotAuthorized');
    return true;
  }
}
