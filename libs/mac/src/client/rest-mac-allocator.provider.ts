import { Provider } from '@nestjs/common';
import { Environment } from '@alcor/config';
import { MAC_ALLOCATOR } from '@alcor/contracts';
import { ENVIRONMENT } from '@alcor/platform';
import { RestMacAllocator } from './rest-mac.allocator';

/** Alcor's MAC manager port, when MAC_MANAGER_URL is not set. */
export const DEFAULT_MAC_MANAGER_URL = 'http://127.0.0.1:9005';

/**
 * Behind trusted headers the MAC manager's admin-only routes need an admin caller: a manager calls
 * another as the service (the proxy authenticates tenants at the edge, not manager-to-manager calls).
 */
export function serviceHeaders(environment: Pick<Environment, 'AUTH_STRATEGY'>): Record<string, string> {
  return environment.AUTH_STRATEGY === 'trusted-headers' ? { 'x-project-id': 'service', 'x-roles': 'admin,service' } : {};
}

/** MAC_ALLOCATOR for a process that reaches the MAC manager over REST (split mode). */
export const restMacAllocatorProvider: Provider = {
  provide: MAC_ALLOCATOR,
  inject: [ENVIRONMENT],
  useFactory: (environment: Environment) => new RestMacAllocator(environment.MAC_MANAGER_URL ?? DEFAULT_MAC_MANAGER_URL, serviceHeaders(environment)),
};
