import { conflict, invalidInput, NeutronError, notFound } from '@alcor/neutron-api';
import { formatPool, IpPool } from '@alcor/netaddr';

/** Neutron's exceptions for IPAM, with Neutron's types, statuses and messages. */
export const subnetNotFound = (subnetId: string) => notFound('SubnetNotFound', `Subnet ${subnetId} could not be found.`);

export const invalidIpForSubnet = (ipAddress: string) =>
  new NeutronError(400, 'InvalidIpForSubnet', `IP address ${ipAddress} is not a valid IP for the specified subnet.`);

export const ipAddressAlreadyAllocated = (ipAddress: string, subnetId: string) =>
  conflict('IpAddressAlreadyAllocated', `IP address ${ipAddress} already allocated in subnet ${subnetId}`);

export const ipAddressGenerationFailure = (networkId: string) =>
  conflict('IpAddressGenerationFailure', `No more IP addresses available on network ${networkId}.`);

export const subnetInUse = (subnetId: string) =>
  conflict('SubnetInUse', `Unable to complete operation on subnet ${subnetId}: One or more ports have an IP allocation from this subnet.`);

export const ipAddressInUse = (networkId: string, ipAddress: string) =>
  conflict('IpAddressInUse', `Unable to complete operation for network ${networkId}. The IP address ${ipAddress} is in use.`);

export const gatewayIpInUse = (ipAddress: string, portId: string | null) =>
  conflict('GatewayIpInUse', `Current gateway ip ${ipAddress} already in use by port ${portId ?? 'None'}. Unable to update.`);

export const gatewayConflictWithAllocationPools = (ipAddress: string, pool: IpPool) =>
  conflict('GatewayConflictWithAllocationPools', `Gateway ip ${ipAddress} conflicts with allocation pool ${formatPool(pool)}.`);

export const overlappingAllocationPools = (a: IpPool, b: IpPool, cidr: string) =>
  conflict('OverlappingAllocationPools', `Found overlapping allocation pools: ${formatPool(a)} ${formatPool(b)} for subnet ${cidr}.`);

export const outOfBoundsAllocationPool = (pool: IpPool, cidr: string) =>
  new NeutronError(400, 'OutOfBoundsAllocationPool', `The allocation pool ${formatPool(pool)} spans beyond the subnet cidr ${cidr}.`);

export const invalidAllocationPool = (pool: IpPool) =>
  new NeutronError(400, 'InvalidAllocationPool', `The allocation pool ${formatPool(pool)} is not valid.`);

export const ipAddressAllocationNotFound = (ipAddress: string, subnetId: string) =>
  notFound('IpAddressAllocationNotFound', `Unable to find IP address ${ipAddress} on subnet ${subnetId}`);

export const notAnIpAddress = (value: unknown) => invalidInput(`'${String(value)}' is not a valid IP address.`);

/** neutron-lib's leading-zero rule: '010.0.0.1' reads as octal in some resolvers. */
export const notAcceptedIpAddress = (value: string, recommended: string) =>
  invalidInput(`'${value}' is not an accepted IP address, '${recommended}' is recommended.`);

export const rangeExists = (subnetId: string) =>
  conflict('IpRangeAlreadyExists', `An IP range for subnet ${subnetId} already exists with a different definition.`);
