import { ListQuery, parseListQuery, RawQuery } from '@alcor/neutron-api';
import { canonicalIp, canonicalMac } from './host-converters';
import { nodeSpec } from './node-attributes';

/** Stored forms are canonical, so filter values are too; a value that cannot be one matches nothing. */
const CANONICAL: Record<string, (value: unknown) => string | undefined> = {
  local_ip: canonicalIp,
  mac_address: canonicalMac,
  host_dvr_mac: canonicalMac,
};

/** GET /nodes: ?node_name=&node_id=&mac_address=&local_ip=&ncm_id= (repeat a key for OR), fields, paging. */
export function parseNodeListQuery(raw: RawQuery): ListQuery {
  const query = parseListQuery(raw, nodeSpec);
  const filters = query.filters.map((filter) => {
    const canonical = CANONICAL[filter.attribute];
    if (!canonical) return filter;
    const values = filter.values.map(canonical).filter((value): value is string => value !== undefined);
    return { ...filter, values };
  });
  return { ...query, filters };
}
