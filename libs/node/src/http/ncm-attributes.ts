import { boundedString, Converter, integerInRange, invalidInput, ResourceSpec } from '@alcor/neutron-api';
import { toNodeId } from './host-converters';

const toUri: Converter<string> = (value, attribute) => {
  const uri = boundedString(2048)(value, attribute);
  if (!URL.canParse(uri)) throw invalidInput(`'${uri.slice(0, 64)}' is not a valid URI.`);
  return uri;
};

const readOnly = (column: string) => ({ allowPost: false, allowPut: false, column, sortable: true });

/** Alcor's NcmInfo as /ncms takes it: {"ncm_info": {"id", "uri", "cap"}}. */
export const ncmSpec: ResourceSpec = {
  collection: 'ncm_infos',
  member: 'ncm_info',
  notFoundType: 'NcmNotFound',
  notFoundLabel: 'NCM',
  attributes: {
    // NCM ids are caller-chosen tokens, like node ids.
    id: { allowPost: true, allowPut: false, convert: toNodeId, column: 'id', sortable: true },
    uri: { allowPost: true, allowPut: true, required: true, convert: toUri, column: 'uri', sortable: true },
    cap: { allowPost: true, allowPut: true, default: 0, convert: integerInRange(0, 2_147_483_647), column: 'cap', filterType: 'integer', sortable: true },
    created_at: readOnly('created_at'),
    updated_at: readOnly('updated_at'),
    revision_number: { ...readOnly('revision_number'), filterType: 'integer' },
  },
  visible: [],
};
