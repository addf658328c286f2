import { CustomFilter, invalidInput } from '@alcor/neutron-api';

const KEYS = ['ip_address', 'subnet_id', 'ip_address_substr'] as const;
type Key = (typeof KEYS)[number];

/**
 * Neutron's `fixed_ips=ip_address=10.0.0.5`, `fixed_ips=subnet_id=<id>` and
 * `fixed_ips=ip_address_substr=10.0.` filters: a port matches when one of its addresses satisfies
 * every key given (values of one key are ORed).
 */
export const fixedIpsFilter: CustomFilter = {
  toSql(alias, values, prefix) {
    const byKey = new Map<Key, string[]>();
    for (const value of values) {
      const eq = value.indexOf('=');
      const key = value.slice(0, eq) as Key;
      if (eq < 1 || !KEYS.includes(key)) throw invalidInput(`'${value}' is not of the form <key>=[value].`);
      byKey.set(key, [...(byKey.get(key) ?? []), value.slice(eq + 1)]);
    }
    const clauses: string[] = [];
    const params: Record<string, unknown> = {};
    const ips = byKey.get('ip_address');
    if (ips) {
      clauses.push(`f.ip_address IN (:...${prefix}ip)`);
      params[`${prefix}ip`] = ips;
    }
    const subnets = byKey.get('subnet_id');
    if (subnets) {
      clauses.push(`f.subnet_id::text IN (:...${prefix}sn)`);
      params[`${prefix}sn`] = subnets.map((s) => s.toLowerCase());
    }
    const substrings = byKey.get('ip_address_substr');
    if (substrings) {
      clauses.push(`(${substrings.map((_, i) => `strpos(f.ip_address, :${prefix}sub${i}) > 0`).join(' OR ')})`);
      substrings.forEach((s, i) => (params[`${prefix}sub${i}`] = s));
    }
    return { sql: `EXISTS (SELECT 1 FROM port_fixed_ips f WHERE f.port_id = ${alias}.id AND ${clauses.join(' AND ')})`, params };
  },
};
