import { Injectable } from '@nestjs/common';
import { FloatingIpClient } from '@alcor/contracts';
import { QueryFloatingIps } from '../use-cases/query-floating-ips/query-floating-ips';

/** The floating-IP manager called in the same process (the route manager's in-use checks). */
@Injectable()
export class InProcessFloatingIpClient implements FloatingIpClient {
  constructor(private readonly query: QueryFloatingIps) {}

  countByRouter(routerId: string, cidr?: string): Promise<number> {
    return this.query.countByRouter(routerId, cidr);
  }
}
