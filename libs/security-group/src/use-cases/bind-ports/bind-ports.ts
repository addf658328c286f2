import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PortSecurityGroupsBinding, PortSecurityGroupsEventData, PortSecurityGroupsRequest } from '@alcor/contracts';
import { notFound } from '@alcor/neutron-api';
import { Database, insertAtCommit, insertRows, transactionWithCompensation } from '@alcor/persistence';
import { DefaultGroups } from '../../domain/default-groups';
import { PortBindingEntity } from '../../domain/port-binding.entity';
import { recordMemberships } from '../../events/security-group-events';

/**
 * Port <-> group bindings, for the port manager (in its transaction when in-process). Groups are
 * held FOR SHARE until commit, so a group cannot be deleted, nor its rules changed, between this
 * check and the port's commit; binds of one group do not wait for each other.
 */
@Injectable()
export class BindPorts {
  constructor(
    private readonly database: Database,
    private readonly defaults: DefaultGroups,
  ) {}

  /** Replaces the bindings of these ports; undefined ids mean the project's default group. */
  replace(projectId: string, requests: PortSecurityGroupsRequest[]): Promise<PortSecurityGroupsBinding[]> {
    return transactionWithCompensation(this.database, async (tx, onFailure) => {
      // Two statements for a port create: default group (held); bindings and event go at commit.
      const needsDefault = requests.some((r) => r.securityGroupIds === undefined);
      const defaultId = needsDefault ? await this.defaults.ensure(tx, projectId, onFailure, true) : undefined;
      const wanted = requests.map((r) => ({ ...r, securityGroupIds: [...new Set(r.securityGroupIds ?? [defaultId as string])] }));
      await this.holdGroups(tx, projectId, wanted.flatMap((r) => r.securityGroupIds).filter((id) => id !== defaultId));
      const replaced = wanted.filter((r) => !r.newPort);
      const before = replaced.length > 0 ? await this.remove(tx, replaced.map((r) => r.portId)) : new Map<string, string[]>();
      const rows = wanted.flatMap((r) => r.securityGroupIds.map((securityGroupId, position) => ({ portId: r.portId, securityGroupId, projectId, position })));
      // New ports' bindings may go with the port rows at commit (a port create allows it); replacements at once.
      if (replaced.length === 0) await insertAtCommit(tx, PortBindingEntity, rows);
      else await insertRows(tx, PortBindingEntity, rows);
      const changed = wanted.filter((r) => (before.get(r.portId) ?? []).join() !== r.securityGroupIds.join());
      await recordMemberships(tx, 'updated', changed.map((r) => membership(projectId, r.portId, r.revisionNumber, r.securityGroupIds)));
      return wanted.map((r) => ({ portId: r.portId, securityGroupIds: r.securityGroupIds }));
    });
  }

  /** Alcor's bind-security-groups / unbind-security-groups: add or remove (port, group) pairs. */
  async changePairs(projectId: string, pairs: { portId: string; securityGroupId: string }[], add: boolean): Promise<void> {
    await this.database.transaction(async (tx) => {
      const before = await this.current(tx, [...new Set(pairs.map((p) => p.portId))]);
      const requests = [...new Set(pairs.map((p) => p.portId))].map((portId) => {
        const mine = pairs.filter((p) => p.portId === portId).map((p) => p.securityGroupId);
        const held = before.get(portId) ?? [];
        return { portId, revisionNumber: 0, securityGroupIds: add ? [...held, ...mine] : held.filter((id) => !mine.includes(id)) };
      });
      await this.replace(projectId, requests);
    });
  }

  /** Forgets the ports' bindings (port deleted). */
  unbind(projectId: string, ports: { portId: string; revisionNumber: number }[]): Promise<void> {
    return this.database.transaction(async (tx) => {
      const before = await this.remove(tx, ports.map((p) => p.portId));
      if (before.size === 0) return;
      const gone = ports.filter((p) => before.has(p.portId));
      await recordMemberships(tx, 'deleted', gone.map((p) => membership(projectId, p.portId, p.revisionNumber, before.get(p.portId) as string[])));
    });
  }

  /** Every group must exist in the port's project; each is then held FOR SHARE until commit. */
  private async holdGroups(tx: EntityManager, projectId: string, ids: string[]): Promise<void> {
    const wanted = [...new Set(ids)].sort();
    if (wanted.length === 0) return;
    const rows: { id: string }[] = await tx.query('SELECT id FROM security_groups WHERE id = ANY($1::uuid[]) AND project_id = $2 ORDER BY id FOR SHARE', [wanted, projectId]);
    const found = new Set(rows.map((r) => r.id));
    const missing = wanted.filter((id) => !found.has(id));
    if (missing.length > 0) throw notFound('SecurityGroupNotFound', `Security group ${missing.join(', ')} does not exist`);
  }

  /** The ports' bindings, in order. */
  private async current(tx: EntityManager, portIds: string[]): Promise<Map<string, string[]>> {
    const rows: Binding[] = await tx.query('SELECT port_id, security_group_id, position FROM security_group_port_bindings WHERE port_id = ANY($1::uuid[])', [portIds]);
    return byPort(rows);
  }

  /** Deletes the ports' bindings; answers what they were, in order. */
  private async remove(tx: EntityManager, portIds: string[]): Promise<Map<string, string[]>> {
    const rows: Binding[] = await tx.query(
      // Wrapped in a SELECT: typeorm answers a bare DELETE with [rows, count] instead of rows.
      `WITH gone AS (DELETE FROM security_group_port_bindings WHERE port_id = ANY($1::uuid[]) RETURNING port_id, security_group_id, position)
       SELECT port_id, security_group_id, position FROM gone`,
      [portIds],
    );
    return byPort(rows);
  }
}

interface Binding {
  port_id: string;
  security_group_id: string;
  position: number;
}

function byPort(rows: Binding[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of [...rows].sort((a, b) => a.position - b.position)) map.set(row.port_id, [...(map.get(row.port_id) ?? []), row.security_group_id]);
  return map;
}

function membership(projectId: string, portId: string, revisionNumber: number, securityGroupIds: string[]): PortSecurityGroupsEventData {
  return { id: portId, port_id: portId, project_id: projectId, revision_number: revisionNumber, security_group_ids: [...securityGroupIds] };
}
