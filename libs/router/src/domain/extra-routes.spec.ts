import { NeutronError } from '@alcor/neutron-api';
import { checkRoutes, MAX_ROUTES, parseRoutesBody, routesUseCidr, toRoutes } from './extra-routes';
import { parseInterfaceRequest } from './interface-request';

const fault = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof NeutronError) return { status: error.status, type: error.type, message: error.message };
    throw error;
  }
  throw new Error('expected a NeutronError');
};

describe('extra routes', () => {
  const cidrs = ['10.0.0.0/24', 'fd00::/64'];
  const ips = ['10.0.0.1', 'fd00::1'];

  it('accepts nexthops inside a router subnet, IPv4 and IPv6', () => {
    expect(() => checkRoutes('r', [{ destination: '192.168.0.0/16', nexthop: '10.0.0.9' }, { destination: '::/0', nexthop: 'fd00::9' }], cidrs, ips)).not.toThrow();
  });

  it("refuses an unconnected nexthop or the router's own address with Neutron's InvalidRoutes message", () => {
    expect(fault(() => checkRoutes('r', [{ destination: '192.168.0.0/16', nexthop: '10.1.0.9' }], cidrs, ips))).toEqual({
      status: 400,
      type: 'InvalidRoutes',
      message: "Invalid format for routes: [{'destination': '192.168.0.0/16', 'nexthop': '10.1.0.9'}], the nexthop is not connected with router",
    });
    expect(fault(() => checkRoutes('r', [{ destination: '192.168.0.0/16', nexthop: 'FD00::1' }], cidrs, ips)).message).toMatch(/the nexthop is used by router$/);
  });

  it('caps the number of routes at max_routes', () => {
    const many = Array.from({ length: MAX_ROUTES + 1 }, (_, i) => ({ destination: `192.168.${i}.0/24`, nexthop: '10.0.0.9' }));
    expect(fault(() => checkRoutes('r1', many, cidrs, ips))).toMatchObject({ status: 400, type: 'RoutesExhausted', message: `Unable to complete operation for r1. The number of routes exceeds the maximum ${MAX_ROUTES}.` });
  });

  it('converts the attribute: null is none, bad shapes and duplicates are InvalidInput', () => {
    expect(toRoutes(null, 'routes')).toEqual([]);
    expect(fault(() => toRoutes([{ destination: '10.0.0.0', nexthop: '10.0.0.1' }], 'routes')).type).toBe('InvalidInput');
    expect(fault(() => toRoutes([{ destination: '10.0.0.0/8', nexthop: 'x' }], 'routes')).type).toBe('InvalidInput');
    expect(fault(() => toRoutes([{ destination: '10.0.0.0/8' }], 'routes')).type).toBe('InvalidInput');
    const twice = [{ destination: '10.0.0.0/8', nexthop: '10.0.0.5' }, { destination: '10.0.0.0/8', nexthop: '10.0.0.5' }];
    expect(fault(() => toRoutes(twice, 'routes')).type).toBe('InvalidInput');
  });

  it('tells whether routes need an interface subnet', () => {
    const routes = [{ destination: '192.168.0.0/16', nexthop: '10.0.0.9' }];
    expect(routesUseCidr(routes, '10.0.0.0/24')).toBe(true);
    expect(routesUseCidr(routes, '10.0.1.0/24')).toBe(false);
  });

  it('reads the add/remove_extraroutes body strictly', () => {
    expect(parseRoutesBody({ router: { routes: [{ destination: '10.9.0.0/16', nexthop: '10.0.0.9' }] } })).toHaveLength(1);
    expect(fault(() => parseRoutesBody({ routes: [] })).status).toBe(400);
    expect(fault(() => parseRoutesBody({ router: { routes: [], name: 'x' } })).status).toBe(400);
  });
});

describe('router interface requests', () => {
  const id = '6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';

  it("takes subnet_id or port_id, both only for removal, as Neutron's _validate_interface_info", () => {
    expect(parseInterfaceRequest({ subnet_id: id.toUpperCase() }, false)).toEqual({ subnetId: id });
    expect(parseInterfaceRequest({ port_id: id, subnet_id: id }, true)).toEqual({ portId: id, subnetId: id });
    expect(fault(() => parseInterfaceRequest({}, false)).message).toBe('Bad router request: Either subnet_id or port_id must be specified.');
    expect(fault(() => parseInterfaceRequest({ port_id: id, subnet_id: id }, false)).message).toBe('Bad router request: Cannot specify both subnet-id and port-id.');
    expect(fault(() => parseInterfaceRequest({ subnet_id: 'nope' }, false)).message).toBe("Bad router request: 'nope' is not a valid UUID.");
  });
});
