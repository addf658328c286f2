import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IpAllocation, MacAllocation, Network, Subnet } from '@alcor/contracts';
import { conflict, RequestContext } from '@alcor/neutron-api';
import { Database, insertAtCommit, isUniqueViolation, transactionWithCompensation, Undo } from '@alcor/persistence';
import { planAddresses } from '../../domain/address-plan';
import { PortDraft } from '../../domain/port-draft';
import { PortFixedIpEntity } from '../../domain/port-fixed-ip.entity';
import { PortEntity } from '../../domain/port.entity';
import { recordPortChanges } from '../../events/port-events';
import { toPort } from '../../http/port.mapper';
import { checkAddressPairs } from '../address-pairs';
import { PortDependencies } from '../port-dependencies';
import { bindNewPorts, groupsForNewPort } from '../port-security-groups';
import { storedColumns } from '../stored-columns';

interface Resolved {
  draft: PortDraft;
  id: string;
  network: Network;
  subnets: Subnet[];
}

/**
 * Creates one or many ports atomically (Neutron's bulk is all-or-none). The whole request is one
 * transaction: one MAC call and one IP call for all its ports, then multi-row inserts of ports,
 * addresses and events, so a bulk of a thousand ports costs a few thousand statements, not eight
 * per port. Lookups (network, subnets, host) are made once per distinct value.
 */
@Injectable()
export class CreatePorts {
  private readonly logger = new Logger(CreatePorts.name);

  constructor(
    private readonly database: Database,
    private readonly deps: PortDependencies,
  ) {}

  async execute(_ctx: RequestContext, drafts: PortDraft[]): Promise<PortEntity[]> {
    try {
      return await transactionWithCompensation(
        this.database,
        async (tx, onFailure) => this.createAll(tx, await this.resolve(drafts), onFailure),
        (error) => this.logger.warn(`undo after a failed port create failed: ${String(error)}`),
        // Nothing here reads back the port, fixed-IP and binding rows: they go with the commit statement.
        { deferInserts: true },
      );
    } catch (error) {
      // A taken id fails on the ports or, when the port gets a group, on its bindings (a new port's are inserted, never replaced).
      if (isUniqueViolation(error, 'ports_pkey') || isUniqueViolation(error, 'security_group_port_bindings_pkey')) throw conflict('PortIdInUse', 'A port with this id already exists.');
      if (isUniqueViolation(error, 'ports_network_mac_key')) throw conflict('MacAddressInUse', 'The MAC address is in use on this network.');
      throw error;
    }
  }

  private async resolve(drafts: PortDraft[]): Promise<Resolved[]> {
    const networks = new Map<string, Promise<Network>>();
    const subnets = new Map<string, Promise<Subnet[]>>();
    const hosts = new Map<string, Promise<void>>();
    const once = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>) => {
      if (!cache.has(key)) cache.set(key, load());
      return cache.get(key) as Promise<T>;
    };
    const resolved: Resolved[] = [];
    for (const draft of drafts) {
      const network = await once(networks, `${draft.projectId}/${draft.networkId}`, () => this.deps.network(draft.projectId, draft.networkId));
      await once(hosts, draft.hostId, () => this.deps.checkHost(draft.hostId));
      const onNetwork = await once(subnets, draft.networkId, () => this.deps.subnetsOf(draft.projectId, draft.networkId));
      groupsForNewPort(draft.securityGroups, draft.portSecurityEnabled ?? network.port_security_enabled, draft.deviceOwner);
      resolved.push({ draft, id: draft.id ?? randomUUID(), network, subnets: onNetwork });
    }
    return resolved;
  }

  private async createAll(tx: EntityManager, ports: Resolved[], onFailure: (undo: Undo) => void): Promise<PortEntity[]> {
    const macs: MacAllocation[] = await this.deps.macs.allocate(
      ports.map((p) => ({ networkId: p.network.id, portId: p.id, projectId: p.draft.projectId, macAddress: p.draft.macAddress })),
    );
    onFailure(() => this.deps.macs.release(macs.map((m) => ({ networkId: m.networkId, macAddress: m.macAddress }))));
    const macOf = new Map(macs.map((m) => [m.portId, m.macAddress]));
    const requests = ports.flatMap((p) => planAddresses(p.network.id, p.id, p.draft.fixedIps, p.subnets, macOf.get(p.id) as string));
    const allocations: IpAllocation[] = await this.deps.ips.allocate(requests);
    onFailure(() => this.deps.ips.release(allocations));

    const addressesOf = new Map<string, IpAllocation[]>();
    for (const a of allocations) addressesOf.set(a.portId, [...(addressesOf.get(a.portId) ?? []), a]);
    const now = new Date();
    const entities = ports.map((p) => this.entity(tx, p, macOf.get(p.id) as string, addressesOf.get(p.id) ?? [], now));
    await bindNewPorts(this.deps.securityGroups, entities.map((entity, i) => ({ entity, groups: groupsForNewPort(ports[i].draft.securityGroups, entity.portSecurityEnabled, entity.deviceOwner) })), onFailure);
    // With the outbox rows at commit, one statement, when this create owns the transaction (see execute).
    await insertAtCommit(tx, PortEntity, entities.map(storedColumns) as Partial<PortEntity>[]);
    await insertAtCommit(tx, PortFixedIpEntity, entities.flatMap((e) => e.fixedIps.map(({ portId, subnetId, ipAddress, position }) => ({ portId, subnetId, ipAddress, position }))));
    await recordPortChanges(tx, 'created', entities.map(toPort));
    // Last, so the project's usage row stays locked as briefly as possible.
    await this.deps.countPorts(entities.map((e) => e.projectId), onFailure);
    return entities;
  }

  private entity(tx: EntityManager, p: Resolved, mac: string, allocations: IpAllocation[], now: Date): PortEntity {
    const { draft, id, network } = p;
    const portSecurity = draft.portSecurityEnabled ?? network.port_security_enabled;
    return tx.create(PortEntity, {
      id,
      projectId: draft.projectId,
      networkId: network.id,
      name: draft.name,
      description: draft.description,
      adminStateUp: draft.adminStateUp,
      macAddress: mac,
      deviceId: draft.deviceId,
      deviceOwner: draft.deviceOwner,
      status: 'DOWN',
      portSecurityEnabled: portSecurity,
      allowedAddressPairs: checkAddressPairs(draft.allowedAddressPairs, portSecurity, mac),
      extraDhcpOpts: draft.extraDhcpOpts,
      securityGroupIds: [],
      hostId: draft.hostId,
      vnicType: draft.vnicType,
      bindingProfile: draft.bindingProfile,
      tags: [...new Set(draft.tags)],
      revisionNumber: 1,
      createdAt: now,
      updatedAt: now,
      fixedIps: allocations.map((a, position) => Object.assign(new PortFixedIpEntity(), { portId: id, subnetId: a.subnetId, ipAddress: a.ipAddress, position })),
    });
  }
}
