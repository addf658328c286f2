import { Injectable } from '@nestjs/common';
import { IpRangeSpec } from '@alcor/contracts';
import { toProjectId } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { readUuid } from '../../domain/address-input';
import { IpRangeEntity } from '../../domain/ip-range.entity';
import { IpRangeRepository } from '../../domain/ip-range.repository';
import { rangeExists } from '../../domain/ipam-errors';
import { layOutRange, RangeLayout } from '../../domain/range-layout';
import { samePools } from '@alcor/netaddr';
import { recordRangeChange } from '../../events/ip-events';

/**
 * Creates a subnet's range. Repeating the same definition is a no-op (callers retry over REST);
 * a different definition for an existing subnet is a conflict.
 */
@Injectable()
export class CreateRange {
  constructor(private readonly database: Database) {}

  async execute(spec: IpRangeSpec): Promise<IpRangeEntity> {
    const subnetId = readUuid(spec.subnetId, 'subnet_id');
    const networkId = readUuid(spec.networkId, 'network_id');
    const projectId = toProjectId(spec.projectId, 'project_id');
    const layout = layOutRange(spec);
    return this.database.transaction(async (tx) => {
      const now = new Date();
      const candidate = tx.create(IpRangeEntity, {
        subnetId,
        networkId,
        projectId,
        ipVersion: layout.version,
        cidr: layout.cidrText,
        gatewayIp: layout.gatewayIp,
        allocationPools: layout.pools,
        firstIp: layout.firstIp,
        lastIp: layout.lastIp,
        totalIps: layout.totalIps.toString(),
        revisionNumber: 1,
        createdAt: now,
        updatedAt: now,
      });
      // ON CONFLICT DO NOTHING rather than a unique violation, which would abort a caller's
      // enclosing transaction.
      const inserted = await tx.createQueryBuilder().insert().into(IpRangeEntity).values(candidate).orIgnore().returning('subnet_id').execute();
      if ((inserted.raw as unknown[]).length === 1) {
        await recordRangeChange(tx, 'created', candidate);
        return candidate;
      }
      const existing = await IpRangeRepository.get(tx, subnetId);
      if (!sameDefinition(existing, networkId, projectId, layout)) throw rangeExists(subnetId);
      return existing;
    });
  }
}

function sameDefinition(range: IpRangeEntity, networkId: string, projectId: string, layout: RangeLayout): boolean {
  return (
    range.networkId === networkId &&
    range.projectId === projectId &&
    range.ipVersion === layout.version &&
    range.cidr === layout.cidrText &&
    range.gatewayIp === layout.gatewayIp &&
    samePools(range.allocationPools, layout.pools)
  );
}
