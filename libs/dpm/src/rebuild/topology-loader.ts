import { ListedResource } from '../data-plane';

/** One GET of a manager's listing API: status and parsed JSON body. */
export type ListingGet = (path: string) => Promise<{ status: number; body: unknown }>;

interface Collection {
  resource: string;
  path: string;
  /** The body's list key. */
  key: string;
  idOf: (item: Record<string, unknown>) => string;
  /** Absent until its manager exists (security groups, routers): a 404 means "none". */
  optional?: boolean;
}

const byId = (item: Record<string, unknown>) => String(item['id']);

/** What the DPM rebuilds its index from, in dependency order (nodes and networks before ports). */
export const TOPOLOGY_COLLECTIONS: readonly Collection[] = [
  { resource: 'node', path: '/nodes', key: 'nodeInfos', idOf: (n) => String(n['node_id']) },
  { resource: 'network', path: '/v2.0/networks', key: 'networks', idOf: byId },
  { resource: 'subnet', path: '/v2.0/subnets', key: 'subnets', idOf: byId },
  { resource: 'security_group', path: '/v2.0/security-groups', key: 'security_groups', idOf: byId, optional: true },
  { resource: 'port', path: '/v2.0/ports', key: 'ports', idOf: byId },
  { resource: 'router', path: '/v2.0/routers', key: 'routers', idOf: byId, optional: true },
  { resource: 'floatingip', path: '/v2.0/floatingips', key: 'floatingips', idOf: byId, optional: true },
];

const PAGE = 500;

/**
 * Reads the whole topology through the managers' listing APIs (Neutron keyset paging: limit +
 * marker, never OFFSET), not their tables. `getFor(resource)` says where each collection lives:
 * the same process (Fastify inject) or another manager (HTTP).
 */
export async function loadTopology(getFor: (resource: string) => ListingGet): Promise<ListedResource[]> {
  const listed: ListedResource[] = [];
  for (const collection of TOPOLOGY_COLLECTIONS) {
    const items = await listAll(getFor(collection.resource), collection);
    for (const item of items) {
      listed.push({ resource: collection.resource, id: collection.idOf(item), revision: Number(item['revision_number'] ?? 0), data: item });
    }
  }
  attachRouterInterfaces(listed);
  attachFloatingPorts(listed);
  return listed;
}

async function listAll(get: ListingGet, collection: Collection): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  let marker: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (marker) query.set('marker', marker);
    const { status, body } = await get(`${collection.path}?${query}`);
    if (status === 404 && collection.optional) return all;
    if (status !== 200) throw new Error(`GET ${collection.path} answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
    const page = ((body as Record<string, unknown>)[collection.key] ?? []) as Record<string, unknown>[];
    all.push(...page);
    if (page.length < PAGE) return all;
    // The node list pages by node_id; Neutron collections by id.
    marker = collection.idOf(page[page.length - 1]);
  }
}

/** A router's interfaces are its ports (device_owner network:router_interface*, device_id = router id). */
function attachRouterInterfaces(listed: ListedResource[]): void {
  const routers = listed.filter((r) => r.resource === 'router');
  if (routers.length === 0) return;
  const interfaces = new Map<string, { subnet_id: string; port_id: string }[]>();
  for (const item of listed) {
    if (item.resource !== 'port') continue;
    const port = item.data as { id: string; device_id: string; device_owner: string; fixed_ips: { subnet_id: string }[] };
    if (!port.device_owner?.startsWith('network:router_interface')) continue;
    const list = interfaces.get(port.device_id) ?? [];
    for (const ip of port.fixed_ips) list.push({ subnet_id: ip.subnet_id, port_id: port.id });
    interfaces.set(port.device_id, list);
  }
  for (const router of routers) {
    const data = router.data as Record<string, unknown>;
    if (!Array.isArray(data['interfaces'])) router.data = { ...data, interfaces: interfaces.get(router.id) ?? [] };
  }
}

/**
 * The Neutron listing of a floating IP lacks what its events carry (`floating_port_id`,
 * `floating_subnet_id`): its address is held by the port with device_owner network:floatingip and
 * device_id = the floating IP id, so both come from that port, and a restart builds the same state.
 */
function attachFloatingPorts(listed: ListedResource[]): void {
  const fips = listed.filter((r) => r.resource === 'floatingip');
  if (fips.length === 0) return;
  const holders = new Map<string, { id: string; fixed_ips: { subnet_id: string; ip_address: string }[] }>();
  for (const item of listed) {
    if (item.resource !== 'port') continue;
    const port = item.data as { id: string; device_id: string; device_owner: string; fixed_ips: { subnet_id: string; ip_address: string }[] };
    if (port.device_owner === 'network:floatingip') holders.set(port.device_id, port);
  }
  for (const fip of fips) {
    const data = fip.data as Record<string, unknown>;
    const port = holders.get(fip.id);
    if (data['floating_port_id'] !== undefined || !port) continue;
    const address = port.fixed_ips.find((f) => f.ip_address === data['floating_ip_address']) ?? port.fixed_ips[0];
    fip.data = { ...data, floating_port_id: port.id, floating_subnet_id: address?.subnet_id ?? null };
  }
}
