import { Environment, managerUrls } from '@alcor/config';

/** A Neutron collection and the manager that owns it (Alcor's gateway routes by path prefix alike). */
export interface GatewayRoute {
  collection: string;
  upstream: string;
}

/** Which manager serves which /v2.0 collection; URLs default to Alcor's well-known ports on loopback. */
export function gatewayRoutes(environment: Environment): GatewayRoute[] {
  const urls = managerUrls(environment);
  return [
    { collection: 'networks', upstream: urls.vpc },
    { collection: 'subnets', upstream: urls.subnet },
    { collection: 'ports', upstream: urls.port },
    { collection: 'routers', upstream: urls.route },
    { collection: 'floatingips', upstream: urls.elasticIp },
    { collection: 'security-groups', upstream: urls.securityGroup },
    { collection: 'security-group-rules', upstream: urls.securityGroup },
    { collection: 'quotas', upstream: urls.quota },
  ];
}

export const GATEWAY_ROUTES = Symbol('GatewayRoutes');
