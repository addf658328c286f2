import { Injectable } from '@nestjs/common';
import { AUTO_DELETE_PORT_OWNERS, NetworkPortCleaner } from '@alcor/contracts';
import { conflict } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { DeletePorts } from '../delete-ports/delete-ports';

/** The whole store, whoever owns the ports: a network's delete acts on every port of the network. */
const SYSTEM = { projectId: 'alcor-internal', isAdmin: true, roles: ['admin', 'service'], requestId: 'network-delete' };

/**
 * Neutron's _ensure_network_not_in_use plus its auto-delete ports, for a network's delete: 409
 * NetworkInUse while a user port remains; otherwise the network's own ports (network:dhcp, ...)
 * are deleted through DeletePorts, all in one call (addresses, MAC, groups, events and quota freed once each).
 */
@Injectable()
export class ClearNetworkPorts implements NetworkPortCleaner {
  constructor(
    private readonly database: Database,
    private readonly deletes: DeletePorts,
  ) {}

  async clearNetworkPorts(networkId: string): Promise<void> {
    await this.database.transaction(async (tx) => {
      const ports: { id: string; device_owner: string }[] = await tx.query('SELECT id, device_owner FROM ports WHERE network_id = $1 ORDER BY id FOR UPDATE', [networkId]);
      if (ports.some((p) => !AUTO_DELETE_PORT_OWNERS.includes(p.device_owner))) {
        throw conflict('NetworkInUse', `Unable to complete operation on network ${networkId}. There are one or more ports still in use on the network.`);
      }
      await this.deletes.execute(ports.map((port) => ({ ctx: SYSTEM, id: port.id, allowServicePorts: true })));
    });
  }
}
