import ipaddr from 'ipaddr.js';
import { boundedString, Converter, invalidInput } from '@alcor/neutron-api';

const NODE_ID = /^[A-Za-z0-9_.:-]{1,255}$/;
const MAC = /^[0-9a-f]{2}([:-])[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/i;

const quoted = (value: unknown) => (typeof value === 'string' ? value.slice(0, 64) : JSON.stringify(value) ?? String(value));

/** Alcor node ids are caller-chosen strings (often UUIDs); kept as given. */
export const toNodeId: Converter<string> = (value) => {
  if (typeof value === 'string' && NODE_ID.test(value)) return value;
  throw invalidInput(`'${quoted(value)}' is not a valid node id.`);
};

export const toNodeName: Converter<string> = (value, attribute) => {
  const name = boundedString(255)(value, attribute);
  if (name.trim().length === 0) throw invalidInput(`'${name}' is not a valid node name.`);
  return name;
};

/**
 * A host IP in canonical text, so one address cannot be registered twice under two spellings.
 * IPv4 must be a plain dotted quad (ipaddr.js would also read '10.1' or octal forms); no IPv6 zones.
 */
export function canonicalIp(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (ipaddr.IPv4.isValidFourPartDecimal(value)) return ipaddr.IPv4.parse(value).toString();
  if (ipaddr.IPv6.isValid(value) && !value.includes('%')) return ipaddr.IPv6.parse(value).toString();
  return undefined;
}

export const toLocalIp: Converter<string> = (value) => {
  const ip = canonicalIp(value);
  if (ip === undefined) throw invalidInput(`'${quoted(value)}' is not a valid IP address.`);
  return ip;
};

/** aa:bb:cc:dd:ee:ff or aa-bb-cc-dd-ee-ff (Alcor accepts both), stored lower-case with colons. */
export function canonicalMac(value: unknown): string | undefined {
  if (typeof value !== 'string' || !MAC.test(value)) return undefined;
  const mac = value.toLowerCase().replace(/-/g, ':');
  // Neutron's validator refuses the all-zero address too.
  return mac === '00:00:00:00:00:00' ? undefined : mac;
}

export const toMacAddress: Converter<string> = (value) => {
  const mac = canonicalMac(value);
  if (mac === undefined) throw invalidInput(`'${quoted(value)}' is not a valid MAC address.`);
  return mac;
};
