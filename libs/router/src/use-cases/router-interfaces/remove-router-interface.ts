import { Injectable } from '@nestjs/common';
import { badRequest, conflict, notFound, RequestContext, touch } from '@alcor/neutron-api';
import { Database, transactionWithCompensation } from '@alcor/persistence';
import { routesUseCidr } from '../../domain/extra-routes';
import { InterfaceRequest } from '../../domain/interface-request';
import { RouterInterfaceEntity } from '../../domain/router-interface.entity';
import { RouterEntity } from '../../domain/router.entity';
import { RouterRepository } from '../../domain/router.repository';
import { saveRouter } from '../../domain/router-store';
import { recordRouterChange } from '../../events/router-events';
import { RouterDependencies } from '../router-dependencies';

/**
 * Neutron's remove_router_interface: refused while floating IPs or extra routes need the subnet;
 * the interface's port is deleted (also when it was attached by port_id, as Neutron does).
 */
@Injectable()
export class RemoveRouterInterface {
  constructor(
    private readonly database: Database,
    private readonly deps: RouterDependencies,
  ) {}

  execute(ctx: RequestContext, routerId: string, request: InterfaceRequest): Promise<{ router: RouterEntity; removed: RouterInterfaceEntity }> {
    return transactionWithCompensation(this.database, async (tx) => {
      const router = await RouterRepository.lockOwned(tx, ctx, routerId);
      const interfaces = await RouterRepository.interfacesOf(tx, router.id);
      const removed = this.find(router, interfaces, request);
      if ((await this.deps.floatingIpsThrough(router.id, removed.cidr)) > 0) {
        throw conflict(
          'RouterInterfaceInUseByFloatingIP',
          `Router interface for subnet ${removed.subnetId} on router ${router.id} cannot be deleted, as it is required by one or more floating IPs.`,
        );
      }
      if (routesUseCidr(router.routes, removed.cidr)) {
        throw conflict(
          'RouterInterfaceInUseByRoute',
          `Router interface for subnet ${removed.subnetId} on router ${router.id} cannot be deleted, as it is required by one or more routes.`,
        );
      }
      await tx.delete(RouterInterfaceEntity, { portId: removed.portId });
      await this.deps.ports.delete(router.projectId, removed.portId);
      touch(router);
      await saveRouter(tx, router);
      await recordRouterChange(tx, 'updated', router);
      return { router, removed };
    });
  }

  private find(router: RouterEntity, interfaces: RouterInterfaceEntity[], request: InterfaceRequest): RouterInterfaceEntity {
    if (request.portId) {
      const found = interfaces.find((i) => i.portId === request.portId);
      if (!found) throw notFound('RouterInterfaceNotFound', `Router ${router.id} does not have an interface with id ${request.portId}`);
      if (request.subnetId && request.subnetId !== found.subnetId) {
        throw badRequest(`Subnet on port ${request.portId} does not match the requested subnet ${request.subnetId}.`, 'SubnetMismatchForPort');
      }
      return found;
    }
    const found = interfaces.find((i) => i.subnetId === request.subnetId);
    if (!found) throw notFound('RouterInterfaceNotFoundForSubnet', `Router ${router.id} has no interface on subnet ${request.subnetId}`);
    return found;
  }
}
