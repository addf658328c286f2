import type { ResourceEvent } from '@alcor/contracts';
import type { TopologyChange, TopologyKind } from '@alcor/goal-state';

/** The bus resource names (ResourceEvent.resource) the DPM programs, and their topology kinds. */
export const RESOURCE_KINDS: Readonly<Record<string, TopologyKind>> = {
  network: 'network',
  subnet: 'subnet',
  port: 'port',
  node: 'node',
  security_group: 'securityGroup',
  router: 'router',
  floatingip: 'floatingIp', // FLOATINGIP_RESOURCE
};

/** The key the DPM tracks a resource's revision and barrier under: "<resource>/<id>". */
export const resourceKey = (resource: string, id: string) => `${resource}/${id}`;

/**
 * One bus event as a topology change, or undefined for a resource the data plane does not
 * program. `data` is the resource after the change (before it, for a delete).
 */
export function toTopologyChange(event: ResourceEvent<unknown>): TopologyChange | undefined {
  const kind = RESOURCE_KINDS[event.resource];
  if (!kind) return undefined;
  return event.type.endsWith('.deleted') ? { kind, op: 'delete', id: event.resourceId } as TopologyChange : upsert(kind, event.data);
}

/** A listed resource (store of record) as an upsert; the same record shape the events carry. */
export function upsert(kind: TopologyKind, data: unknown): TopologyChange {
  switch (kind) {
    case 'network':
      return { kind, op: 'upsert', network: data as never };
    case 'subnet':
      return { kind, op: 'upsert', subnet: data as never };
    case 'port':
      return { kind, op: 'upsert', port: data as never };
    case 'node':
      return { kind, op: 'upsert', node: data as never };
    case 'securityGroup':
      return { kind, op: 'upsert', group: data as never };
    case 'router':
      return { kind, op: 'upsert', router: toRouterRecord(data as Record<string, unknown>) as never };
    case 'floatingIp':
      return { kind, op: 'upsert', floatingIp: data as never };
  }
}

/**
 * Routers: the builder wants {interfaces: [{subnet_id, port_id}], routes}. A router event may carry
 * them as `interfaces` already, or Neutron's `routes` plus an `interfaces_info` list.
 */
function toRouterRecord(data: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(data['interfaces'])) return data;
  const info = (data['interfaces_info'] ?? data['ports'] ?? []) as { subnet_id?: string; port_id?: string; id?: string; fixed_ips?: { subnet_id: string }[] }[];
  const interfaces = info.flatMap((i) =>
    i.subnet_id ? [{ subnet_id: i.subnet_id, port_id: i.port_id ?? i.id ?? '' }] : (i.fixed_ips ?? []).map((f) => ({ subnet_id: f.subnet_id, port_id: i.port_id ?? i.id ?? '' })),
  );
  return { ...data, interfaces };
}

/** Fields of a port record the data plane does not program: a change of only these is not re-pushed. */
const PORT_BOOKKEEPING = new Set(['status', 'revision_number', 'updated_at', 'created_at', 'tags']);

/**
 * The same for floating IPs: above all their status, which the DPM itself decides (re-pushing the
 * router state for it would only echo the verdict back); description and tags are not programmed.
 */
const FLOATING_IP_BOOKKEEPING = new Set([...PORT_BOOKKEEPING, 'description']);

const BOOKKEEPING: Partial<Record<TopologyKind, ReadonlySet<string>>> = { port: PORT_BOOKKEEPING, floatingIp: FLOATING_IP_BOOKKEEPING };

/** True when two records of one resource differ in something a host is programmed with. */
export function programmingChanged(kind: TopologyKind, before: unknown, after: unknown): boolean {
  const bookkeeping = BOOKKEEPING[kind];
  if (!bookkeeping) return true;
  const strip = (record: unknown) =>
    JSON.stringify(Object.entries(record as Record<string, unknown>).filter(([k]) => !bookkeeping.has(k)).sort(([a], [b]) => (a < b ? -1 : 1)));
  return strip(before) !== strip(after);
}
