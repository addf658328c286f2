import { boundedString, integerInRange, nullable, ResourceSpec } from '@alcor/neutron-api';
import { toLocalIp, toMacAddress, toNodeId, toNodeName } from './host-converters';

const readOnly = (column: string, filterType?: 'integer') => ({ allowPost: false, allowPut: false, column, filterType, sortable: true });

/** Alcor's NodeInfo, as POST/PUT /nodes take it ({"host_info": ...} / {"host_infos": [...]}). */
export const nodeSpec: ResourceSpec = {
  collection: 'host_infos',
  member: 'host_info',
  notFoundType: 'NodeNotFound',
  notFoundLabel: 'Node',
  attributes: {
    node_id: { allowPost: true, allowPut: true, convert: toNodeId, column: 'id', sortable: true },
    node_name: { allowPost: true, allowPut: true, required: true, convert: toNodeName, column: 'name', sortable: true },
    local_ip: { allowPost: true, allowPut: true, required: true, convert: toLocalIp, column: 'local_ip', sortable: true },
    mac_address: { allowPost: true, allowPut: true, required: true, convert: toMacAddress, column: 'mac_address', sortable: true },
    veth: { allowPost: true, allowPut: true, default: '', convert: boundedString(255), column: 'veth', sortable: true },
    server_port: {
      allowPost: true,
      allowPut: true,
      default: 50001,
      convert: integerInRange(1, 65535),
      column: 'server_port',
      filterType: 'integer',
      sortable: true,
    },
    host_dvr_mac: { allowPost: true, allowPut: true, default: null, convert: nullable(toMacAddress), column: 'host_dvr_mac' },
    ncm_id: { allowPost: true, allowPut: true, default: null, convert: nullable(boundedString(255)), column: 'ncm_id', sortable: true },
    created_at: readOnly('created_at'),
    updated_at: readOnly('updated_at'),
    revision_number: readOnly('revision_number', 'integer'),
  },
  visible: [],
};
