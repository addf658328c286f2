import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Port, ROUTER_DEVICE_OWNERS, Subnet } from '@alcor/contracts';
import { conflict, notFound, RequestContext, touch } from '@alcor/neutron-api';
import { cidrsOverlap, parseCidr, parseIp } from '@alcor/netaddr';
import { Database, isUniqueViolation, transactionWithCompensation, Undo } from '@alcor/persistence';
import { InterfaceRequest } from '../../domain/interface-request';
import { RouterInterfaceEntity } from '../../domain/router-interface.entity';
import { RouterEntity } from '../../domain/router.entity';
import { RouterRepository } from '../../domain/router.repository';
import { saveRouter } from '../../domain/router-store';
import { recordRouterChange } from '../../events/router-events';
import { badRouterRequest, RouterDependencies } from '../router-dependencies';

/**
 * Neutron's add_router_interface. By subnet: a new port on the subnet holding its gateway_ip
 * (device_owner network:router_interface, device_id = router id). By port: an unattached port with
 * one fixed IP becomes the interface. One router per subnet (a unique key), so of two concurrent
 * attachments of one subnet exactly one commits; the loser's port goes with its rolled-back transaction.
 */
@Injectable()
export class AddRouterInterface {
  private readonly logger = new Logger(AddRouterInterface.name);

  constructor(
    private readonly database: Database,
    private readonly deps: RouterDependencies,
  ) {}

  async execute(ctx: RequestContext, routerId: string, request: InterfaceRequest): Promise<{ router: RouterEntity; added: RouterInterfaceEntity }> {
    try {
      return await transactionWithCompensation(
        this.database,
        async (tx, onFailure) => {
          const router = await RouterRepository.lockOwned(tx, ctx, routerId);
          const { port, subnet } = request.portId
            ? await this.byPort(tx, router, request.portId, onFailure)
            : await this.bySubnet(tx, router, request.subnetId as string, onFailure);
          const added = tx.create(RouterInterfaceEntity, {
            portId: port.id,
            routerId: router.id,
            subnetId: subnet.id,
            networkId: subnet.network_id,
            ipAddress: port.fixed_ips[0].ip_address,
            cidr: subnet.cidr,
            createdAt: new Date(),
          });
          await tx.insert(RouterInterfaceEntity, added);
          touch(router);
          await saveRouter(tx, router);
          await recordRouterChange(tx, 'updated', router);
          return { router, added };
        },
        (error) => this.logger.warn(`undo after a failed add_router_interface failed: ${String(error)}`),
      );
    } catch (error) {
      // Lost the race for the subnet to another attachment that committed first.
      if (isUniqueViolation(error, 'router_interfaces_subnet_key')) throw badRouterRequest('The subnet is already attached to a router');
      if (isUniqueViolation(error, 'router_interfaces_pkey')) throw conflict('PortInUse', `Port ${request.portId} is already a router interface.`);
      throw error;
    }
  }

  private async bySubnet(tx: EntityManager, router: RouterEntity, subnetId: string, onFailure: (undo: Undo) => void): Promise<{ port: Port; subnet: Subnet }> {
    const subnet = await this.deps.subnet(router.projectId, subnetId);
    if (!subnet.gateway_ip) throw badRouterRequest('Subnet for router interface must have a gateway IP');
    if (subnet.ip_version === 6 && subnet.ipv6_ra_mode === null && subnet.ipv6_address_mode !== null) {
      throw badRouterRequest(`IPv6 subnet ${subnet.id} configured to receive RAs from an external router cannot be added to Neutron Router.`);
    }
    await this.checkSubnetFree(tx, router, subnet);
    const port = await this.deps.ports.create(router.projectId, {
      network_id: subnet.network_id,
      fixed_ips: [{ subnet_id: subnet.id, ip_address: subnet.gateway_ip }],
      device_id: router.id,
      device_owner: ROUTER_DEVICE_OWNERS.interface,
    });
    onFailure(() => this.deps.ports.delete(router.projectId, port.id));
    return { port, subnet };
  }

  private async byPort(tx: EntityManager, router: RouterEntity, portId: string, onFailure: (undo: Undo) => void): Promise<{ port: Port; subnet: Subnet }> {
    const port = await this.deps.ports.get(router.projectId, portId);
    if (!port) throw notFound('PortNotFound', `Port ${portId} could not be found.`);
    if (port.device_id !== '') {
      throw conflict('PortInUse', `Unable to complete operation on port ${port.id} for network ${port.network_id}. Port already has an attached device ${port.device_id}.`);
    }
    if (port.fixed_ips.length === 0) throw badRouterRequest('Router port must have at least one fixed IP');
    if (port.fixed_ips.filter((ip) => parseIp(ip.ip_address)?.version === 4).length > 1) throw badRouterRequest('Cannot have multiple IPv4 subnets on router port');
    if (port.fixed_ips.length > 1) throw badRouterRequest('Router port must have exactly one fixed IP');
    const subnet = await this.deps.subnet(router.projectId, port.fixed_ips[0].subnet_id);
    await this.checkSubnetFree(tx, router, subnet);
    const updated = await this.deps.ports.update(router.projectId, port.id, { device_id: router.id, device_owner: ROUTER_DEVICE_OWNERS.interface });
    onFailure(() => this.deps.ports.update(router.projectId, port.id, { device_id: port.device_id, device_owner: port.device_owner }));
    return { port: updated, subnet };
  }

  /** Neutron's _check_for_dup_router_subnets, plus one router per subnet. */
  private async checkSubnetFree(tx: EntityManager, router: RouterEntity, subnet: Subnet): Promise<void> {
    const interfaces = await RouterRepository.interfacesOf(tx, router.id);
    if (interfaces.some((i) => i.subnetId === subnet.id) || router.gwFixedIps.some((ip) => ip.subnet_id === subnet.id)) {
      throw badRouterRequest(`Router already has a port on subnet ${subnet.id}`);
    }
    const elsewhere = await RouterRepository.interfaceOnSubnet(tx, subnet.id);
    if (elsewhere) throw badRouterRequest(`Subnet ${subnet.id} is already attached to router ${elsewhere.routerId}`);
    const cidr = parseCidr(subnet.cidr);
    for (const i of interfaces) {
      const other = parseCidr(i.cidr);
      if (cidr && other && cidrsOverlap(cidr, other)) {
        throw badRouterRequest(`Cidr ${subnet.cidr} of subnet ${subnet.id} overlaps with cidr ${i.cidr} of subnet ${i.subnetId}`);
      }
    }
  }
}
