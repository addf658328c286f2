import { ExtraRoute } from '@alcor/contracts';
import { badRequest, Converter, invalidInput, listOf, NeutronError } from '@alcor/neutron-api';
import { canonicalIp, cidrContains, parseCidr, parseIp } from '@alcor/netaddr';

/** Neutron's max_routes. */
export const MAX_ROUTES = 30;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One {destination, nexthop} (neutron_lib's type:hostroutes). */
const toRoute: Converter<ExtraRoute> = (value) => {
  if (!isObject(value) || Object.keys(value).sort().join(',') !== 'destination,nexthop') {
    throw invalidInput(`Invalid data format for hostroute: '${JSON.stringify(value)}'`);
  }
  const { destination, nexthop } = value;
  if (typeof destination !== 'string' || !destination.includes('/') || !parseCidr(destination)) throw invalidInput(`'${String(destination)}' is not a valid IP subnet.`);
  if (typeof nexthop !== 'string' || !parseIp(nexthop)) throw invalidInput(`'${String(nexthop)}' is not a valid IP address.`);
  return { destination, nexthop };
};

const routeList = listOf(toRoute, 1000);

/** A routes list; null means none (Neutron's convert_none_to_empty_list); duplicates are refused as Neutron does. */
export const toRoutes: Converter<ExtraRoute[]> = (value, attribute) => {
  const routes = value === null ? [] : routeList(value, attribute);
  const seen = new Set<string>();
  for (const r of routes) {
    const key = `${r.destination}|${r.nexthop}`;
    if (seen.has(key)) throw invalidInput(`Duplicate hostroute '${r.destination}, ${r.nexthop}'.`);
    seen.add(key);
  }
  return routes;
};

/** The routes as Python prints a list of dicts: Neutron's InvalidRoutes message shows them so. */
const pythonRepr = (routes: ExtraRoute[]) => `[${routes.map((r) => `{'destination': '${r.destination}', 'nexthop': '${r.nexthop}'}`).join(', ')}]`;

const invalidRoutes = (routes: ExtraRoute[], reason: string) => new NeutronError(400, 'InvalidRoutes', `Invalid format for routes: ${pythonRepr(routes)}, ${reason}`);

/**
 * Neutron's extraroute _validate_routes: at most max_routes, every nexthop inside a subnet of one
 * of the router's ports (interfaces and gateway) and not one of the router's own addresses.
 */
export function checkRoutes(routerId: string, routes: ExtraRoute[], cidrs: string[], routerIps: string[]): void {
  if (routes.length > MAX_ROUTES) {
    throw new NeutronError(400, 'RoutesExhausted', `Unable to complete operation for ${routerId}. The number of routes exceeds the maximum ${MAX_ROUTES}.`);
  }
  const blocks = cidrs.map(parseCidr).filter((c) => c !== undefined);
  const ips = new Set(routerIps.map(canonicalIp));
  for (const route of routes) {
    const nexthop = parseIp(route.nexthop);
    if (!nexthop || !blocks.some((b) => cidrContains(b, nexthop))) throw invalidRoutes(routes, 'the nexthop is not connected with router');
    if (ips.has(canonicalIp(route.nexthop))) throw invalidRoutes(routes, 'the nexthop is used by router');
  }
}

/** True when some route's nexthop lies in the CIDR (the interface is then needed by a route). */
export function routesUseCidr(routes: ExtraRoute[], cidr: string): boolean {
  const block = parseCidr(cidr);
  return block !== undefined && routes.some((r) => {
    const nexthop = parseIp(r.nexthop);
    return nexthop !== undefined && cidrContains(block, nexthop);
  });
}

export const sameRoute = (a: ExtraRoute, b: ExtraRoute) => a.destination === b.destination && a.nexthop === b.nexthop;

/** The body of add_extraroutes / remove_extraroutes: {"router": {"routes": [...]}}. */
export function parseRoutesBody(body: unknown): ExtraRoute[] {
  const router = isObject(body) && Object.keys(body).length === 1 ? body.router : undefined;
  if (!isObject(router) || Object.keys(router).length !== 1 || !('routes' in router)) throw badRequest("Unable to find 'router' in request body");
  return toRoutes(router.routes, 'routes');
}
