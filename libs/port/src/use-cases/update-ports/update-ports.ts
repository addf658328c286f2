import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IpAllocation, IpRequest, Port } from '@alcor/contracts';
import { checkRevision, RequestContext, touch } from '@alcor/neutron-api';
import { Database, transactionWithCompensation, Undo } from '@alcor/persistence';
import { planAddresses } from '../../domain/address-plan';
import { PortChanges } from '../../domain/port-draft';
import { PortFixedIpEntity } from '../../domain/port-fixed-ip.entity';
import { PortEntity } from '../../domain/port.entity';
import { PortRepository, portNotFound } from '../../domain/port.repository';
import { recordPortChanges } from '../../events/port-events';
import { toPort } from '../../http/port.mapper';
import { checkAddressPairs } from '../address-pairs';
import { storedColumns } from '../stored-columns';
import { PortDependencies } from '../port-dependencies';
import { groupsAfterUpdate, rebindPort } from '../port-security-groups';

export interface PortUpdateRequest {
  ctx: RequestContext;
  id: string;
  changes: PortChanges;
  ifMatch?: number[];
}

/**
 * Updates ports, all-or-none in one transaction, each request applied in order as if alone (a
 * port named twice sees the first change, revision and If-Match included). The ports are locked
 * in one statement and their events recorded in one; new fixed_ips keep the addresses they name
 * again and release the others.
 */
@Injectable()
export class UpdatePorts {
  constructor(
    private readonly database: Database,
    private readonly deps: PortDependencies,
  ) {}

  execute(requests: PortUpdateRequest[]): Promise<PortEntity[]> {
    return transactionWithCompensation(this.database, async (tx, onFailure) => {
      const locked = await PortRepository.lockMany(tx, requests.map((r) => r.id));
      const changed = new Set<PortEntity>();
      const events: Port[] = [];
      const updated: PortEntity[] = [];
      for (const { ctx, id, changes, ifMatch } of requests) {
        const port = locked.get(id.toLowerCase());
        if (!port || !PortRepository.owns(ctx, port)) throw portNotFound(id);
        if (await this.apply(tx, port, changes, ifMatch, onFailure)) {
          changed.add(port);
          events.push(toPort(port));
        }
        updated.push(port);
      }
      for (const port of changed) await tx.update(PortEntity, { id: port.id }, storedColumns(port));
      await recordPortChanges(tx, 'updated', events);
      return updated;
    });
  }

  /** Applies one request to the locked port; false when it changes nothing (no write, no event). */
  private async apply(tx: EntityManager, port: PortEntity, changes: PortChanges, ifMatch: number[] | undefined, onFailure: (undo: Undo) => void): Promise<boolean> {
    checkRevision(port, ifMatch);
    const before = JSON.stringify(toPort(port));
    if (changes.hostId !== undefined) await this.deps.checkHost(changes.hostId);
    const simple: [keyof PortChanges, keyof PortEntity][] = [
      ['name', 'name'],
      ['description', 'description'],
      ['adminStateUp', 'adminStateUp'],
      ['deviceId', 'deviceId'],
      ['deviceOwner', 'deviceOwner'],
      ['portSecurityEnabled', 'portSecurityEnabled'],
      ['extraDhcpOpts', 'extraDhcpOpts'],
      ['hostId', 'hostId'],
      ['vnicType', 'vnicType'],
      ['bindingProfile', 'bindingProfile'],
    ];
    for (const [from, to] of simple) if (changes[from] !== undefined) (port as unknown as Record<string, unknown>)[to] = changes[from];
    port.allowedAddressPairs = checkAddressPairs(changes.allowedAddressPairs ?? port.allowedAddressPairs, port.portSecurityEnabled, port.macAddress);
    if (changes.fixedIps !== undefined) await this.readdress(tx, port, changes.fixedIps, onFailure);
    const groups = groupsAfterUpdate(port, changes.securityGroups);
    if (groups !== undefined && groups.join() !== port.securityGroupIds.join()) await rebindPort(this.deps.securityGroups, port, groups, onFailure);
    if (JSON.stringify(toPort(port)) === before) return false;
    touch(port);
    return true;
  }

  private async readdress(tx: EntityManager, port: PortEntity, requested: NonNullable<PortChanges['fixedIps']>, onFailure: (undo: Undo) => void): Promise<void> {
    const subnets = await this.deps.subnetsOf(port.projectId, port.networkId);
    const wanted = planAddresses(port.networkId, port.id, requested, subnets, port.macAddress);
    const held = [...port.fixedIps];
    const kept: IpAllocation[] = [];
    const fresh: IpRequest[] = [];
    for (const request of wanted) {
      const match = held.findIndex((h) => h.subnetId === request.subnetId && (request.ipAddress === undefined || h.ipAddress === request.ipAddress));
      if (match >= 0) kept.push({ subnetId: held[match].subnetId, ipAddress: held.splice(match, 1)[0].ipAddress, portId: port.id });
      else fresh.push(request);
    }
    if (held.length > 0) {
      await this.deps.ips.release(held.map((h) => ({ subnetId: h.subnetId, ipAddress: h.ipAddress })));
      onFailure(() => this.deps.ips.allocate(held.map((h) => ({ subnetId: h.subnetId, ipAddress: h.ipAddress, portId: port.id }))));
    }
    const allocated = fresh.length > 0 ? await this.deps.ips.allocate(fresh) : [];
    if (allocated.length > 0) onFailure(() => this.deps.ips.release(allocated));
    await tx.delete(PortFixedIpEntity, { portId: port.id });
    port.fixedIps = [...kept, ...allocated].map((a, position) => Object.assign(new PortFixedIpEntity(), { portId: port.id, subnetId: a.subnetId, ipAddress: a.ipAddress, position }));
    if (port.fixedIps.length > 0) await tx.insert(PortFixedIpEntity, port.fixedIps.map(({ portId, subnetId, ipAddress, position }) => ({ portId, subnetId, ipAddress, position })));
  }
}

