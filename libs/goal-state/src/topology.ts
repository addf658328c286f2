import type { FloatingIpRecord, NetworkRecord, NodeRecord, PortRecord, RouterRecord, SecurityGroupRecord, SubnetRecord, TopologyChange } from './records';

/** The latest record of every resource, by id (nodes by node_id). */
export class Topology {
  readonly networks = new Map<string, NetworkRecord>();
  readonly subnets = new Map<string, SubnetRecord>();
  readonly ports = new Map<string, PortRecord>();
  readonly nodes = new Map<string, NodeRecord>();
  readonly groups = new Map<string, SecurityGroupRecord>();
  readonly routers = new Map<string, RouterRecord>();
  readonly floatingIps = new Map<string, FloatingIpRecord>();

  apply(change: TopologyChange): void {
    switch (change.kind) {
      case 'network':
        return void (change.op === 'upsert' ? this.networks.set(change.network.id, change.network) : this.networks.delete(change.id));
      case 'subnet':
        return void (change.op === 'upsert' ? this.subnets.set(change.subnet.id, change.subnet) : this.subnets.delete(change.id));
      case 'port':
        return void (change.op === 'upsert' ? this.ports.set(change.port.id, change.port) : this.ports.delete(change.id));
      case 'node':
        return void (change.op === 'upsert' ? this.nodes.set(change.node.node_id, change.node) : this.nodes.delete(change.id));
      case 'securityGroup':
        return void (change.op === 'upsert' ? this.groups.set(change.group.id, change.group) : this.groups.delete(change.id));
      case 'router':
        return void (change.op === 'upsert' ? this.routers.set(change.router.id, change.router) : this.routers.delete(change.id));
      case 'floatingIp':
        return void (change.op === 'upsert' ? this.floatingIps.set(change.floatingIp.id, change.floatingIp) : this.floatingIps.delete(change.id));
    }
  }
}
