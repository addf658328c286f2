import { SecurityGroupClient } from '@alcor/contracts';
import { badRequest, conflict, invalidInput } from '@alcor/neutron-api';
import { Undo } from '@alcor/persistence';
import { PortEntity } from '../domain/port.entity';

/** Ports owned by network:* (router, DHCP...) are trusted: Neutron gives them no default group. */
const isTrusted = (deviceOwner: string) => deviceOwner.startsWith('network:');

const portSecurityRequired = () =>
  badRequest('Port security must be enabled and port must have an IP address in order to use security groups.', 'PortSecurityAndIPRequiredForSecurityGroups');

/**
 * Which groups a new port gets (Neutron ML2 with port_security): none when port security is off
 * (asking for some then is refused), the given ones, or the project's default group (undefined)
 * unless the port is trusted. Pure: called before anything is allocated.
 */
export function groupsForNewPort(requested: string[] | undefined, portSecurityEnabled: boolean, deviceOwner: string): string[] | undefined {
  if (!portSecurityEnabled) {
    if (requested !== undefined && requested.length > 0) throw portSecurityRequired();
    return [];
  }
  if (requested !== undefined) return [...new Set(requested)];
  return isTrusted(deviceOwner) ? [] : undefined;
}

/**
 * The groups after a PUT (port already carrying the new port_security_enabled), or undefined when
 * they stay. With port security off a port may only drop its groups (Neutron's
 * PortSecurityPortHasSecurityGroup when it keeps some).
 */
export function groupsAfterUpdate(port: PortEntity, requested: string[] | undefined): string[] | undefined {
  if (port.portSecurityEnabled) return requested === undefined ? undefined : [...new Set(requested)];
  if (requested !== undefined && requested.length > 0) throw portSecurityRequired();
  if (requested === undefined && port.securityGroupIds.length > 0) {
    throw conflict('PortSecurityPortHasSecurityGroup', 'Port has security group associated. Cannot disable port security or IP address until security group is removed.');
  }
  return requested === undefined ? undefined : [];
}

/** Binds new ports (one call per project) and records their groups on the entities. */
export async function bindNewPorts(
  client: SecurityGroupClient | undefined,
  ports: { entity: PortEntity; groups: string[] | undefined }[],
  onFailure: (undo: Undo) => void,
): Promise<void> {
  if (!client) return refuseWithoutManager(ports.map((p) => p.groups));
  const byProject = new Map<string, typeof ports>();
  for (const p of ports) byProject.set(p.entity.projectId, [...(byProject.get(p.entity.projectId) ?? []), p]);
  for (const [projectId, mine] of byProject) {
    const bound = await client.bindPorts(projectId, mine.map((p) => ({ portId: p.entity.id, revisionNumber: p.entity.revisionNumber, securityGroupIds: p.groups, newPort: true })));
    onFailure(() => client.unbindPorts(projectId, mine.map((p) => ({ portId: p.entity.id, revisionNumber: p.entity.revisionNumber }))));
    const groupsOf = new Map(bound.map((b) => [b.portId, b.securityGroupIds]));
    for (const p of mine) p.entity.securityGroupIds = groupsOf.get(p.entity.id) ?? [];
  }
}

/** Rebinds an existing port (PUT); the undo binds its previous groups again. */
export async function rebindPort(client: SecurityGroupClient | undefined, port: PortEntity, groups: string[], onFailure: (undo: Undo) => void): Promise<void> {
  if (!client) return refuseWithoutManager([groups]);
  const previous = [...port.securityGroupIds];
  const [bound] = await client.bindPorts(port.projectId, [{ portId: port.id, revisionNumber: port.revisionNumber + 1, securityGroupIds: groups }]);
  onFailure(() => client.bindPorts(port.projectId, [{ portId: port.id, revisionNumber: port.revisionNumber, securityGroupIds: previous }]));
  port.securityGroupIds = bound.securityGroupIds;
}

/** Forgets deleted ports' bindings (one call per project); the undo binds them again. */
export async function unbindPorts(client: SecurityGroupClient | undefined, ports: PortEntity[], onFailure: (undo: Undo) => void): Promise<void> {
  if (!client) return;
  const byProject = new Map<string, PortEntity[]>();
  for (const p of ports) if (p.securityGroupIds.length > 0) byProject.set(p.projectId, [...(byProject.get(p.projectId) ?? []), p]);
  for (const [projectId, mine] of byProject) {
    const previous = mine.map((p) => ({ portId: p.id, revisionNumber: p.revisionNumber, securityGroupIds: [...p.securityGroupIds] }));
    await client.unbindPorts(projectId, mine.map((p) => ({ portId: p.id, revisionNumber: p.revisionNumber })));
    onFailure(() => client.bindPorts(projectId, previous));
  }
}

/** A process without a security group manager keeps ports group-less, and says so when asked for groups. */
function refuseWithoutManager(groups: (string[] | undefined)[]): void {
  if (groups.some((g) => g !== undefined && g.length > 0)) throw invalidInput('security_groups are not available: this deployment has no security-group manager.');
}
