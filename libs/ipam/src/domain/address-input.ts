import { invalidInput, UUID_PATTERN } from '@alcor/neutron-api';
import { IpAddress, parseIp } from '@alcor/netaddr';
import { notAcceptedIpAddress, notAnIpAddress } from './ipam-errors';

const ZERO_PADDED_QUAD = /^\d{1,3}(\.\d{1,3}){3}$/;

/** An address from a caller, or Neutron's InvalidInput for anything that is not one. */
export function readIpAddress(value: unknown): IpAddress {
  if (typeof value !== 'string') throw notAnIpAddress(value);
  const parsed = parseIp(value);
  if (parsed) return parsed;
  if (ZERO_PADDED_QUAD.test(value)) {
    const unpadded = value.split('.').map((part) => String(Number(part))).join('.');
    if (parseIp(unpadded)) throw notAcceptedIpAddress(value, unpadded);
  }
  throw notAnIpAddress(value);
}

/** A UUID-typed id from another manager; InvalidInput when it is not one. */
export function readUuid(value: unknown, attribute: string): string {
  if (typeof value === 'string' && UUID_PATTERN.test(value)) return value.toLowerCase();
  throw invalidInput(`'${String(value)}' is not a valid UUID for ${attribute}.`);
}
