import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ROUTER_DEVICE_OWNERS } from '@alcor/contracts';
import { NeutronError, RequestContext } from '@alcor/neutron-api';
import { parseIp } from '@alcor/netaddr';
import { Database, isUniqueViolation, transactionWithCompensation } from '@alcor/persistence';
import { FloatingIpDraft } from '../../domain/floating-ip-draft';
import { FloatingIpEntity } from '../../domain/floating-ip.entity';
import { recordFloatingIpChange } from '../../events/floating-ip-events';
import { alreadyAssociated, FloatingIpAssociation } from '../association';
import { FloatingIpDependencies } from '../floating-ip-dependencies';

/**
 * Creates floating IPs (bulk: all or none). As Neutron does, each address is held by a port on the
 * external network (device_owner network:floatingip, device_id = the floating IP), so the address
 * comes from IPAM exactly as a port's does and is freed once, when that port goes.
 */
@Injectable()
export class CreateFloatingIps {
  private readonly logger = new Logger(CreateFloatingIps.name);

  constructor(
    private readonly database: Database,
    private readonly deps: FloatingIpDependencies,
    private readonly association: FloatingIpAssociation,
  ) {}

  async execute(_ctx: RequestContext, drafts: FloatingIpDraft[]): Promise<FloatingIpEntity[]> {
    let current: FloatingIpEntity | undefined;
    try {
      return await transactionWithCompensation(
        this.database,
        async (tx, onFailure) => {
          const perProject = new Map<string, number>();
          for (const d of drafts) perProject.set(d.projectId, (perProject.get(d.projectId) ?? 0) + 1);
          for (const [projectId, count] of perProject) await this.deps.consumeQuota(projectId, count, onFailure);
          const created: FloatingIpEntity[] = [];
          for (const draft of drafts) {
            await this.deps.externalNetwork(draft.projectId, draft.floatingNetworkId);
            const id = randomUUID();
            const fixedIps = draft.floatingIpAddress || draft.subnetId
              ? [{ ...(draft.subnetId ? { subnet_id: draft.subnetId } : {}), ...(draft.floatingIpAddress ? { ip_address: draft.floatingIpAddress } : {}) }]
              : undefined;
            const port = await this.deps.ports.create(draft.projectId, { network_id: draft.floatingNetworkId, fixed_ips: fixedIps, device_id: id, device_owner: ROUTER_DEVICE_OWNERS.floatingIp });
            onFailure(() => this.deps.ports.delete(draft.projectId, port.id));
            const address = port.fixed_ips.find((ip) => parseIp(ip.ip_address)?.version === 4);
            if (!address) throw new NeutronError(400, 'ExternalIpAddressExhausted', `Unable to find any IP address on external network ${draft.floatingNetworkId}.`);
            const now = new Date();
            const fip = tx.create(FloatingIpEntity, {
              id,
              projectId: draft.projectId,
              description: draft.description,
              floatingNetworkId: draft.floatingNetworkId,
              floatingSubnetId: address.subnet_id,
              floatingIpAddress: address.ip_address,
              floatingPortId: port.id,
              portId: null,
              fixedIpAddress: null,
              routerId: null,
              status: 'DOWN',
              tags: [...new Set(draft.tags)],
              revisionNumber: 0,
              associationRevision: 0,
              createdAt: now,
              updatedAt: now,
            });
            current = fip;
            Object.assign(fip, await this.association.resolve(tx, fip, draft.portId, draft.fixedIpAddress));
            await tx.insert(FloatingIpEntity, fip);
            await recordFloatingIpChange(tx, 'created', fip);
            created.push(fip);
          }
          return created;
        },
        (error) => this.logger.warn(`undo after a failed floating IP create failed: ${String(error)}`),
      );
    } catch (error) {
      // A concurrent association of the same fixed IP committed first.
      if (isUniqueViolation(error, 'floating_ips_fixed_ip_key') && current?.portId && current.fixedIpAddress) throw alreadyAssociated(current, current.portId, current.fixedIpAddress);
      throw error;
    }
  }
}
