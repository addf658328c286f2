import { Injectable, Logger } from '@nestjs/common';
import { NetworkSubnetCleaner } from '@alcor/contracts';
import { Database, transactionWithCompensation } from '@alcor/persistence';
import { SubnetRepository } from '../../domain/subnet.repository';
import { DeleteSubnet } from '../delete-subnet/delete-subnet';

/**
 * A network's delete takes all its subnets, whoever owns them (Neutron's delete_network): each
 * one's IPAM range, row, subnet.deleted event and quota go as in a subnet delete. IPAM still
 * refuses (409 SubnetInUse) a subnet with an allocated address, so nothing in use is lost.
 * Idempotent: a retry finds only what is left.
 */
@Injectable()
export class DeleteNetworkSubnets implements NetworkSubnetCleaner {
  private readonly logger = new Logger(DeleteNetworkSubnets.name);

  constructor(
    private readonly database: Database,
    private readonly deletes: DeleteSubnet,
  ) {}

  async deleteNetworkSubnets(networkId: string): Promise<void> {
    await transactionWithCompensation(
      this.database,
      async (tx, onFailure) => {
        for (const subnet of await SubnetRepository.lockOfNetwork(tx, networkId)) {
          await this.deletes.removeLocked(tx, subnet, onFailure, { detachFromNetwork: false });
        }
      },
      (error) => this.logger.warn(`undo after a failed network-subnets delete failed: ${String(error)}`),
    );
  }
}
