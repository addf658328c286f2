import { ComputeNode } from '@alcor/contracts';
import { neutronTime } from '@alcor/neutron-api';
import { NodeEntity } from '../domain/node.entity';

/** Alcor's NodeInfo JSON plus the standard revision and timestamps. */
export interface NodeInfo extends ComputeNode {
  revision_number: number;
  created_at: string;
  updated_at: string;
}

/** The one place a stored node becomes its API shape. */
export function toNodeInfo(entity: NodeEntity): NodeInfo {
  return {
    node_id: entity.id,
    node_name: entity.name,
    local_ip: entity.localIp,
    mac_address: entity.macAddress,
    veth: entity.veth,
    server_port: entity.serverPort,
    host_dvr_mac: entity.hostDvrMac,
    ncm_id: entity.ncmId,
    revision_number: entity.revisionNumber,
    created_at: neutronTime(entity.createdAt),
    updated_at: neutronTime(entity.updatedAt),
  };
}

/** Exactly the contract other managers see (no extra attributes leak through clients). */
export function toComputeNode(node: ComputeNode): ComputeNode {
  return {
    node_id: node.node_id,
    node_name: node.node_name,
    local_ip: node.local_ip,
    mac_address: node.mac_address,
    veth: node.veth,
    server_port: node.server_port,
    host_dvr_mac: node.host_dvr_mac,
    ncm_id: node.ncm_id,
  };
}
