import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Network, Subnet } from '@alcor/contracts';
import { conflict, RequestContext } from '@alcor/neutron-api';
import { Database, isUniqueViolation, transactionWithCompensation, Undo } from '@alcor/persistence';
import { planAddresses } from '../../domain/address-plan';
import { PortDraft } from '../../domain/port-draft';
import { PortFixedIpEntity } from '../../domain/port-fixed-ip.entity';
import { PortEntity } from '../../domain/port.entity';
import { recordPortChange } from '../../events/port-events';
import { toPort } from '../../http/port.mapper';
import { checkAddressPairs } from '../address-pairs';
import { storedColumns } from '../stored-columns';
import { PortDependencies } from '../port-dependencies';

/**
 * Creates one or many ports atomically (Neutron's bulk is all-or-none): MAC, addresses, rows and
 * events commit together. Lookups are cached per request, so a bulk of a thousand ports on one
 * network asks for the network and its subnets once.
 */
@Injectable()
export class CreatePorts {
  private readonly logger = new Logger(CreatePorts.name);

  constructor(
    private readonly database: Database,
    private readonly deps: PortDependencies,
  ) {}

  async execute(_ctx: RequestContext, drafts: PortDraft[]): Promise<PortEntity[]> {
    const networks = new Map<string, Promise<Network>>();
    const subnets = new Map<string, Promise<Subnet[]>>();
    const hosts = new Map<string, Promise<void>>();
    const memo = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>) => {
      if (!cache.has(key)) cache.set(key, load());
      return cache.get(key) as Promise<T>;
    };
    try {
      return await transactionWithCompensation(
        this.database,
        async (tx, onFailure) => {
          const created: PortEntity[] = [];
          for (const draft of drafts) {
            const network = await memo(networks, `${draft.projectId}/${draft.networkId}`, () => this.deps.network(draft.projectId, draft.networkId));
            await memo(hosts, draft.hostId, () => this.deps.checkHost(draft.hostId));
            const onNetwork = await memo(subnets, draft.networkId, () => this.deps.subnetsOf(draft.projectId, draft.networkId));
            created.push(await this.createOne(tx, draft, network, onNetwork, onFailure));
          }
          return created;
        },
        (error) => this.logger.warn(`undo after a failed port create failed: ${String(error)}`),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'ports_pkey')) throw conflict('PortIdInUse', 'A port with this id already exists.');
      if (isUniqueViolation(error, 'ports_network_mac_key')) throw conflict('MacAddressInUse', 'The MAC address is in use on this network.');
      throw error;
    }
  }

  private async createOne(tx: EntityManager, draft: PortDraft, network: Network, subnets: Subnet[], onFailure: (undo: Undo) => void): Promise<PortEntity> {
    const id = draft.id ?? randomUUID();
    const portSecurity = draft.portSecurityEnabled ?? network.port_security_enabled;
    const securityGroups = this.deps.checkSecurityGroups(draft.securityGroups);
    const [mac] = await this.deps.macs.allocate([{ networkId: network.id, portId: id, projectId: draft.projectId, macAddress: draft.macAddress }]);
    onFailure(() => this.deps.macs.release([{ networkId: network.id, macAddress: mac.macAddress }]));
    const addressPairs = checkAddressPairs(draft.allowedAddressPairs, portSecurity, mac.macAddress);
    const allocations = await this.deps.ips.allocate(planAddresses(network.id, id, draft.fixedIps, subnets, mac.macAddress));
    onFailure(() => this.deps.ips.release(allocations));

    const now = new Date();
    const entity = tx.create(PortEntity, {
      id,
      projectId: draft.projectId,
      networkId: network.id,
      name: draft.name,
      description: draft.description,
      adminStateUp: draft.adminStateUp,
      macAddress: mac.macAddress,
      deviceId: draft.deviceId,
      deviceOwner: draft.deviceOwner,
      status: 'DOWN',
      portSecurityEnabled: portSecurity,
      allowedAddressPairs: addressPairs,
      extraDhcpOpts: draft.extraDhcpOpts,
      securityGroupIds: securityGroups,
      hostId: draft.hostId,
      vnicType: draft.vnicType,
      bindingProfile: draft.bindingProfile,
      tags: [...new Set(draft.tags)],
      revisionNumber: 1,
      createdAt: now,
      updatedAt: now,
      fixedIps: allocations.map((a, position) => Object.assign(new PortFixedIpEntity(), { portId: id, subnetId: a.subnetId, ipAddress: a.ipAddress, position })),
    });
    await tx.insert(PortEntity, storedColumns(entity));
    if (entity.fixedIps.length > 0) await tx.insert(PortFixedIpEntity, entity.fixedIps.map(({ portId, subnetId, ipAddress, position }) => ({ portId, subnetId, ipAddress, position })));
    await recordPortChange(tx, 'created', toPort(entity));
    return entity;
  }
}
