import { Injectable } from '@nestjs/common';
import { Subnet, SubnetClient } from '@alcor/contracts';
import { serviceContext } from '@alcor/neutron-api';
import { toSubnet } from '../http/subnet.mapper';
import { QuerySubnets } from '../use-cases/query-subnets/query-subnets';

/** The subnet manager called in the same process (standalone mode). */
@Injectable()
export class InProcessSubnetClient implements SubnetClient {
  constructor(private readonly query: QuerySubnets) {}

  async getSubnets(projectId: string, ids: string[]): Promise<Subnet[]> {
    return (await this.query.byIds(serviceContext(projectId), ids)).map(toSubnet);
  }

  async listByNetwork(_projectId: string, networkId: string): Promise<Subnet[]> {
    return (await this.query.ofNetwork(networkId)).map(toSubnet);
  }
}
