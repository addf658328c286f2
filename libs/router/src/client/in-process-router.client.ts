import { Injectable } from '@nestjs/common';
import { RouterClient } from '@alcor/contracts';
import { QueryRouters } from '../use-cases/query-routers/query-routers';

/** The route manager called in the same process (the floating-IP manager's association check). */
@Injectable()
export class InProcessRouterClient implements RouterClient {
  constructor(private readonly query: QueryRouters) {}

  routerForFloatingIp(subnetId: string, externalNetworkId: string): Promise<string | undefined> {
    return this.query.routerForFloatingIp(subnetId, externalNetworkId);
  }
}
