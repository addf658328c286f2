import { Environment } from './env';

/** Where the other managers listen in split mode: the *_MANAGER_URL variables, else Alcor's ports on loopback. */
export function managerUrls(environment: Environment) {
  return {
    vpc: environment.VPC_MANAGER_URL ?? 'http://127.0.0.1:9001',
    subnet: environment.SUBNET_MANAGER_URL ?? 'http://127.0.0.1:9002',
    ip: environment.IP_MANAGER_URL ?? 'http://127.0.0.1:9004',
    mac: environment.MAC_MANAGER_URL ?? 'http://127.0.0.1:9005',
    port: environment.PORT_MANAGER_URL ?? 'http://127.0.0.1:9006',
    node: environment.NODE_MANAGER_URL ?? 'http://127.0.0.1:9007',
    route: environment.ROUTE_MANAGER_URL ?? 'http://127.0.0.1:9003',
    elasticIp: environment.ELASTIC_IP_MANAGER_URL ?? 'http://127.0.0.1:9011',
    securityGroup: environment.SG_MANAGER_URL ?? 'http://127.0.0.1:9008',
    quota: environment.QUOTA_MANAGER_URL ?? 'http://127.0.0.1:9012',
  };
}
