import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { conflict, notFound } from '@alcor/neutron-api';
import { parseIp } from '@alcor/netaddr';
import { FloatingIpEntity } from '../domain/floating-ip.entity';
import { FloatingIpRepository } from '../domain/floating-ip.repository';
import { badFloatingIpRequest, FloatingIpDependencies } from './floating-ip-dependencies';

export interface Association {
  portId: string | null;
  fixedIpAddress: string | null;
  routerId: string | null;
}

export const alreadyAssociated = (fip: FloatingIpEntity, portId: string, fixedIp: string) =>
  conflict(
    'FloatingIPPortAlreadyAssociated',
    `Cannot associate floating IP ${fip.floatingIpAddress} (${fip.id}) with port ${portId} using fixed IP ${fixedIp}, as that fixed IP already has a floating IP on external network ${fip.floatingNetworkId}.`,
  );

/**
 * Neutron's _check_and_get_fip_assoc: the fixed IP on the port (the only IPv4 one unless named),
 * the router that connects its subnet to the floating IP's external network, and no other
 * floating IP of that network on the same fixed IP.
 */
@Injectable()
export class FloatingIpAssociation {
  constructor(private readonly deps: FloatingIpDependencies) {}

  async resolve(tx: EntityManager, fip: FloatingIpEntity, portId: string | null | undefined, fixedIp: string | null | undefined): Promise<Association> {
    if (fixedIp && !portId) throw badFloatingIpRequest('fixed_ip_address cannot be specified without a port_id');
    if (!portId) return { portId: null, fixedIpAddress: null, routerId: null };
    const port = await this.deps.ports.get(fip.projectId, portId);
    if (!port) throw notFound('PortNotFound', `Port ${portId} could not be found.`);
    let address: { subnet_id: string; ip_address: string } | undefined;
    if (fixedIp) {
      if (parseIp(fixedIp)?.version !== 4) throw badFloatingIpRequest(`Cannot process floating IP association with ${fixedIp}, since that is not an IPv4 address`);
      address = port.fixed_ips.find((ip) => ip.ip_address === fixedIp);
      if (!address) throw badFloatingIpRequest(`Port ${port.id} does not have fixed ip ${fixedIp}`);
    } else {
      const v4 = port.fixed_ips.filter((ip) => parseIp(ip.ip_address)?.version === 4);
      if (v4.length === 0) throw badFloatingIpRequest(`Cannot add floating IP to port ${port.id} that has no fixed IPv4 addresses`);
      if (v4.length > 1) throw badFloatingIpRequest(`Port ${port.id} has multiple fixed IPv4 addresses.  Must provide a specific IPv4 address when assigning a floating IP`);
      address = v4[0];
    }
    const routerId = await this.deps.routers.routerForFloatingIp(address.subnet_id, fip.floatingNetworkId);
    if (!routerId) {
      throw notFound(
        'ExternalGatewayForFloatingIPNotFound',
        `External network ${fip.floatingNetworkId} is not reachable from subnet ${address.subnet_id}.  Therefore, cannot associate Port ${port.id} with a Floating IP.`,
      );
    }
    if (await FloatingIpRepository.associatedElsewhere(tx, fip, port.id, address.ip_address)) throw alreadyAssociated(fip, port.id, address.ip_address);
    return { portId: port.id, fixedIpAddress: address.ip_address, routerId };
  }
}
