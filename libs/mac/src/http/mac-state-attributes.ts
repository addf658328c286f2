import { boundedString, Converter, invalidInput, nullable, oneOf, ResourceSpec, toProjectId } from '@alcor/neutron-api';
import { toUnicastMac } from '../domain/mac-address';
import { MAC_STATES } from '../domain/mac-claim';

/** A network (VPC) id as scope: any id without spaces or slashes; '' is the global scope. */
export const toScope: Converter<string> = (value) => {
  if (typeof value === 'string' && /^[^\s/?#]{0,255}$/.test(value)) return value;
  throw invalidInput(`'${String(value)}' is not a valid vpc_id.`);
};

/** Alcor's MacState (`{"mac_state": {...}}`, bulk `{"mac_states": [...]}`). */
export const macStateSpec: ResourceSpec = {
  collection: 'mac_states',
  member: 'mac_state',
  notFoundType: 'MacAddressNotFound',
  notFoundLabel: 'MAC address',
  attributes: {
    mac_address: { allowPost: true, allowPut: true, convert: toUnicastMac },
    project_id: { allowPost: true, allowPut: true, convert: toProjectId },
    vpc_id: { allowPost: true, allowPut: true, default: '', convert: nullable(toScope) },
    port_id: { allowPost: true, allowPut: true, default: null, convert: nullable(boundedString(255)) },
    state: { allowPost: true, allowPut: true, default: 'Active', convert: oneOf(MAC_STATES) },
  },
  visible: ['mac_address', 'project_id', 'vpc_id', 'port_id', 'state'],
};
