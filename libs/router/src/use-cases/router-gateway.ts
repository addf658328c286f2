import { Injectable } from '@nestjs/common';
import { conflict, forbidden, RequestContext } from '@alcor/neutron-api';
import { Undo } from '@alcor/persistence';
import { ROUTER_DEVICE_OWNERS, Subnet } from '@alcor/contracts';
import { RouterInterfaceEntity } from '../domain/router-interface.entity';
import { GatewayFixedIp, RouterEntity } from '../domain/router.entity';
import { ExternalFixedIpRequest, GatewayRequest } from '../http/router-attributes';
import { badRouterRequest, RouterDependencies } from './router-dependencies';

/**
 * external_gateway_info (Neutron's _update_router_gw_info with ext-gw-mode): a port of device
 * owner network:router_gateway on the external network; a new network replaces the port, new
 * external_fixed_ips on the same network re-address it. Changes `router` in place; the caller saves.
 */
@Injectable()
export class RouterGateway {
  constructor(private readonly deps: RouterDependencies) {}

  async apply(
    ctx: RequestContext,
    verb: 'create' | 'update',
    router: RouterEntity,
    info: GatewayRequest | null,
    interfaces: RouterInterfaceEntity[],
    onFailure: (undo: Undo) => void,
  ): Promise<void> {
    if (info === null) return this.remove(router);
    // Neutron's policy: enable_snat and external_fixed_ips are admin-only.
    for (const key of ['enable_snat', 'external_fixed_ips'] as const) {
      if (info[key] !== undefined && !ctx.isAdmin) throw forbidden(`(rule:${verb}_router:external_gateway_info:${key}) is disallowed by policy`, 'PolicyNotAuthorized');
    }
    const network = await this.deps.externalNetwork(router.projectId, info.network_id);
    const subnets = await this.deps.subnetsOf(router.projectId, network.id);
    for (const ip of info.external_fixed_ips ?? []) {
      if (ip.ip_address !== undefined && subnets.some((s) => s.gateway_ip === ip.ip_address)) throw badRouterRequest(`External IP ${ip.ip_address} is the same as the gateway IP`);
    }
    const onExternal = interfaces.find((i) => subnets.some((s) => s.id === i.subnetId));
    if (onExternal) throw badRouterRequest(`Router already has a port on subnet ${onExternal.subnetId}`);

    if (router.gwNetworkId === network.id && router.gwPortId) {
      if (info.external_fixed_ips !== undefined && addressesChange(router.gwFixedIps, info.external_fixed_ips)) {
        const port = await this.deps.ports.update(router.projectId, router.gwPortId, { fixed_ips: info.external_fixed_ips });
        router.gwFixedIps = withCidrs(port.fixed_ips, subnets);
      }
    } else {
      await this.remove(router);
      const port = await this.deps.ports.create(router.projectId, {
        network_id: network.id,
        fixed_ips: info.external_fixed_ips,
        device_id: router.id,
        device_owner: ROUTER_DEVICE_OWNERS.gateway,
      });
      onFailure(() => this.deps.ports.delete(router.projectId, port.id));
      router.gwPortId = port.id;
      router.gwNetworkId = network.id;
      router.gwFixedIps = withCidrs(port.fixed_ips, subnets);
    }
    // ext-gw-mode: enable_snat_by_default when the request leaves it out.
    router.enableSnat = info.enable_snat ?? true;
  }

  /** Drops the gateway port, unless floating IPs still reach their ports through it. */
  async remove(router: RouterEntity): Promise<void> {
    if (!router.gwPortId) return;
    if ((await this.deps.floatingIpsThrough(router.id)) > 0) {
      throw conflict(
        'RouterExternalGatewayInUseByFloatingIp',
        `Gateway cannot be updated for router ${router.id}, since a gateway to external network ${router.gwNetworkId} is required by one or more floating IPs.`,
      );
    }
    await this.deps.ports.delete(router.projectId, router.gwPortId);
    router.gwPortId = null;
    router.gwNetworkId = null;
    router.gwFixedIps = [];
    router.enableSnat = true;
  }
}

/** Neutron's _check_for_external_ip_change. */
function addressesChange(current: GatewayFixedIp[], wanted: ExternalFixedIpRequest[]): boolean {
  const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
  const subnets = new Set(current.map((ip) => ip.subnet_id));
  const newSubnets = new Set(wanted.flatMap((ip) => (ip.subnet_id ? [ip.subnet_id] : [])));
  if (!same(subnets, newSubnets)) return true;
  return !same(new Set(current.map((ip) => ip.ip_address)), new Set(wanted.flatMap((ip) => (ip.ip_address ? [ip.ip_address] : []))));
}

function withCidrs(fixedIps: { subnet_id: string; ip_address: string }[], subnets: Subnet[]): GatewayFixedIp[] {
  return fixedIps.map((ip) => ({ ...ip, cidr: subnets.find((s) => s.id === ip.subnet_id)?.cidr ?? '' }));
}
