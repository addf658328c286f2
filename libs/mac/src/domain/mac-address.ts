import { invalidInput } from '@alcor/neutron-api';

/** 2^48: the number of MAC addresses; every MAC fits a JS number exactly. */
export const MAC_SPACE = 2 ** 48;

const COLON_OR_DASH = /^([0-9a-f]{1,2})([:-])([0-9a-f]{1,2})\2([0-9a-f]{1,2})\2([0-9a-f]{1,2})\2([0-9a-f]{1,2})\2([0-9a-f]{1,2})$/i;
const BARE = /^[0-9a-f]{12}$/i;
const DOTTED = /^([0-9a-f]{4})\.([0-9a-f]{4})\.([0-9a-f]{4})$/i;
const INVALID = new Set(['00:00:00:00:00:00', 'ff:ff:ff:ff:ff:ff']);

const show = (value: unknown) => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 64 ? `${text.slice(0, 61)}...` : text;
};

/**
 * A MAC in the formats netaddr (and so Neutron) accepts: `aa:bb:cc:dd:ee:ff`, `aa-bb-...`,
 * `aabb.ccdd.eeff`, `aabbccddeeff`; returned in the one stored form, lower-case with colons.
 * The all-zero and broadcast addresses are refused, as Neutron refuses them.
 */
export function normalizeMac(value: unknown): string {
  const octets = typeof value === 'string' ? octetsOf(value) : undefined;
  const mac = octets?.map((o) => o.padStart(2, '0').toLowerCase()).join(':');
  if (mac === undefined || INVALID.has(mac)) throw invalidInput(`'${show(value)}' is not a valid MAC address.`);
  return mac;
}

/** A MAC a port may own: well formed and unicast (the I/G bit of the first octet clear). */
export function toUnicastMac(value: unknown): string {
  const mac = normalizeMac(value);
  if (isMulticast(mac)) throw invalidInput(`'${show(value)}' is a multicast MAC address, not valid for a port.`);
  return mac;
}

export const isMulticast = (mac: string) => (parseInt(mac.slice(0, 2), 16) & 1) === 1;

export function macToNumber(mac: string): number {
  return parseInt(mac.replace(/:/g, ''), 16);
}

export function numberToMac(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= MAC_SPACE) throw new RangeError(`${value} is not a MAC address`);
  const hex = value.toString(16).padStart(12, '0');
  return [0, 2, 4, 6, 8, 10].map((i) => hex.slice(i, i + 2)).join(':');
}

function octetsOf(text: string): string[] | undefined {
  const separated = COLON_OR_DASH.exec(text);
  if (separated) return [1, 3, 4, 5, 6, 7].map((i) => separated[i]);
  const compact = BARE.test(text) ? text : DOTTED.test(text) ? text.replace(/\./g, '') : undefined;
  return compact === undefined ? undefined : [0, 2, 4, 6, 8, 10].map((i) => compact.slice(i, i + 2));
}
