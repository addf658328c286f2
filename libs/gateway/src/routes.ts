import { Environment } from '@alcor/config';

/** A Neutron collection and the manager that owns it (Alcor's gateway routes by path prefix alike). */
export interface GatewayRoute {
  collection: string;
  upstream: string;
}

/** Which manager serves which /v2.0 collection; URLs default to Alcor's well-known ports on loopback. */
export function gatewayRoutes(environment: Environment): GatewayRoute[] {
  return [
    { collection: 'networks', upstream: environment.VPC_MANAGER_URL ?? 'http://127.0.0.1:9001' },
    { collection: 'subnets', upstream: environment.SUBNET_MANAGER_URL ?? 'http://127.0.0.1:9002' },
    { collection: 'ports', upstream: environment.PORT_MANAGER_URL ?? 'http://127.0.0.1:9006' },
  ];
}

export const GATEWAY_ROUTES = Symbol('GatewayRoutes');
