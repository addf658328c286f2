import { Converter, invalidInput, oneOf, ResourceSpec } from '@alcor/neutron-api';
import { toUnicastMac } from '../domain/mac-address';
import { MAC_RANGE_STATES } from '../domain/mac-range-rules';

export const toRangeId: Converter<string> = (value) => {
  if (typeof value === 'string' && /^[A-Za-z0-9_.@-]{1,255}$/.test(value)) return value;
  throw invalidInput(`'${String(value)}' is not a valid range_id.`);
};

/** Alcor's MacRange (`{"mac_range": {range_id, from, to, state}}`); list as `{"mac_ranges": [...]}`. */
export const macRangeSpec: ResourceSpec = {
  collection: 'mac_ranges',
  member: 'mac_range',
  notFoundType: 'MacRangeNotFound',
  notFoundLabel: 'MAC range',
  attributes: {
    range_id: { allowPost: true, allowPut: true, convert: toRangeId, column: 'id', sortable: true },
    from: { allowPost: true, allowPut: true, required: true, convert: toUnicastMac, column: 'from_mac', sortable: true },
    to: { allowPost: true, allowPut: true, required: true, convert: toUnicastMac, column: 'to_mac', sortable: true },
    state: { allowPost: true, allowPut: true, default: 'Active', convert: oneOf(MAC_RANGE_STATES), column: 'state', sortable: true },
  },
  visible: ['range_id', 'from', 'to', 'state'],
};
