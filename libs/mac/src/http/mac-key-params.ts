import { badRequest } from '@alcor/neutron-api';
import { normalizeMac } from '../domain/mac-address';
import { MacKey } from '../domain/mac-claim';
import { toScope } from './mac-state-attributes';

/**
 * /macs/{mac}?vpc_id=<network>: a MAC is unique per network, so the network is part of its
 * identity. Without vpc_id the global scope ('') is meant, where Alcor-API allocations made
 * without a vpc_id live.
 */
export function macKeyFrom(macInPath: string, vpcId: string | string[] | undefined): MacKey {
  if (Array.isArray(vpcId)) throw badRequest('vpc_id may be given once');
  return { scope: vpcId === undefined ? '' : toScope(vpcId, 'vpc_id'), macAddress: normalizeMac(macInPath) };
}
