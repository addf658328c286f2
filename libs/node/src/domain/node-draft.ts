import { Attributes } from '@alcor/neutron-api';

/** A node to register, after validation. */
export interface NodeDraft {
  id?: string;
  name: string;
  localIp: string;
  macAddress: string;
  veth: string;
  serverPort: number;
  hostDvrMac: string | null;
  ncmId: string | null;
}

/** Fields a PUT may change; `id` may only repeat the node's own id (Alcor checks the same). */
export interface NodeChanges {
  id?: string;
  name?: string;
  localIp?: string;
  macAddress?: string;
  veth?: string;
  serverPort?: number;
  hostDvrMac?: string | null;
  ncmId?: string | null;
}

const FIELDS: [string, keyof NodeChanges][] = [
  ['node_id', 'id'],
  ['node_name', 'name'],
  ['local_ip', 'localIp'],
  ['mac_address', 'macAddress'],
  ['veth', 'veth'],
  ['server_port', 'serverPort'],
  ['host_dvr_mac', 'hostDvrMac'],
  ['ncm_id', 'ncmId'],
];

export function draftFromAttributes(a: Attributes): NodeDraft {
  return {
    id: a.node_id as string | undefined,
    name: a.node_name as string,
    localIp: a.local_ip as string,
    macAddress: a.mac_address as string,
    veth: a.veth as string,
    serverPort: a.server_port as number,
    hostDvrMac: a.host_dvr_mac as string | null,
    ncmId: a.ncm_id as string | null,
  };
}

export function changesFromAttributes(a: Attributes): NodeChanges {
  const changes: Record<string, unknown> = {};
  for (const [api, field] of FIELDS) if (api in a) changes[field] = a[api];
  return changes as NodeChanges;
}
