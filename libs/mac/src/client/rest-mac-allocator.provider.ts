import { Provider } from '@nestjs/common';
import { Environment } from '@alcor/config';
import { MAC_ALLOCATOR } from '@alcor/contracts';
import { ENVIRONMENT } from '@alcor/platform';
import { RestMacAllocator } from './rest-mac.allocator';

/** Alcor's MAC manager port, when MAC_MANAGER_URL is not set. */
export const DEFAULT_MAC_MANAGER_URL = 'http://127.0.0.1:9005';

/** MAC_ALLOCATOR for a process that reaches the MAC manager over REST (split mode). */
export const restMacAllocatorProvider: Provider = {
  provide: MAC_ALLOCATOR,
  inject: [ENVIRONMENT],
  useFactory: (environment: Environment) => new RestMacAllocator(environment.MAC_MANAGER_URL ?? DEFAULT_MAC_MANAGER_URL),
};
