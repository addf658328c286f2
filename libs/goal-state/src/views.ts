import type {
  DHCPConfiguration,
  NeighborConfiguration,
  PortConfiguration,
  RouterConfiguration,
  RouterConfiguration_FloatingIp,
  SecurityGroupConfiguration,
  SubnetConfiguration,
  VpcConfiguration,
} from '@alcor/proto';
import type { FloatingIpRecord, PortRecord } from './records';

// The derived tables the incremental engine materialises. Every configuration in them is
// host-independent (one object shared by all hosts that receive it), except routers, whose DVR MAC
// is added per host.

/** A port as the goal states see it. Configurations are set only when the port is on a host. */
export interface PortView {
  record: PortRecord;
  /** Host (node name) it is programmed on; undefined: on no host. */
  host?: string;
  /** Routers with an interface on one of its subnets, sorted. */
  l3Routers: string[];
  port?: PortConfiguration;
  dhcp: ReadonlyMap<string, DHCPConfiguration>;
  /** Its `L2/<id>` neighbor state for hosts of its VPC. */
  l2?: NeighborConfiguration;
  /** Its `L3/<id>` neighbor state for hosts of its routers (router-joined addresses only). */
  l3?: NeighborConfiguration;
}

/** A floating IP as the router states see it: host-independent config, plus where it is programmed. */
export interface FloatingIpView {
  record: FloatingIpRecord;
  /** Host of its fixed port while associated (port and router set) and the port is placed. */
  host?: string;
  /** Its router, set exactly when host is. */
  router?: string;
  config: RouterConfiguration_FloatingIp;
}

export interface SubnetView {
  networkId: string;
  /** undefined while its network is unknown (no VNI to send). */
  config?: SubnetConfiguration;
}

/** What one host receives, as sets of ids; the states themselves live in the shared tables. */
export interface HostView {
  nodeId: string;
  hostIp: string;
  dvrMac: string;
  /** Ports programmed on this host. */
  local: ReadonlySet<string>;
  /** Networks of the local ports: L2 neighbors of all their ports. */
  vpcs: ReadonlySet<string>;
  /** Routers joined to a local port's subnet: their states and L3 neighbors. */
  routers: ReadonlySet<string>;
  /** vpcs + networks joined by those routers: their VPC and subnet states. */
  visible: ReadonlySet<string>;
  /** Security groups named by local ports (known or not yet). */
  groups: ReadonlySet<string>;
}

export interface SharedTables {
  vpcs: ReadonlyMap<string, VpcConfiguration>;
  subnets: ReadonlyMap<string, SubnetView>;
  groups: ReadonlyMap<string, SecurityGroupConfiguration>;
  /** Router states with an empty DVR MAC (filled per host). */
  routers: ReadonlyMap<string, RouterConfiguration>;
}

export function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

export function sameHostView(a: HostView | undefined, b: HostView | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.nodeId === b.nodeId &&
    a.hostIp === b.hostIp &&
    a.dvrMac === b.dvrMac &&
    sameSet(a.local, b.local) &&
    sameSet(a.vpcs, b.vpcs) &&
    sameSet(a.routers, b.routers) &&
    sameSet(a.visible, b.visible) &&
    sameSet(a.groups, b.groups)
  );
}
