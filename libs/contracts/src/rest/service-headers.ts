import { INTERNAL_SERVICE_TOKEN, INTERNAL_SERVICE_TOKEN_HEADER } from '@alcor/neutron-api';

/**
 * Headers of a manager calling another one. Behind AUTH_STRATEGY=trusted-headers they say "an
 * internal service with the admin role" (the network between managers is as trusted as the
 * authenticating proxy); noauth ignores them.
 */
export const INTERNAL_SERVICE_HEADERS: Readonly<Record<string, string>> = {
  'x-project-id': 'alcor-internal',
  'x-roles': 'admin,service',
  // AUTH_STRATEGY=keystone: the deployment's shared secret stands in for a Keystone token.
  [INTERNAL_SERVICE_TOKEN_HEADER]: INTERNAL_SERVICE_TOKEN,
};
