import { conflict, NeutronError, notFound } from '@alcor/neutron-api';

/** Neutron's MacAddressInUse (409); '' is the global scope of Alcor's API. */
export function macAddressInUse(scope: string, mac: string): NeutronError {
  return scope
    ? conflict('MacAddressInUse', `Unable to complete operation for network ${scope}. The mac address ${mac} is in use.`)
    : conflict('MacAddressInUse', `Unable to complete operation. The mac address ${mac} is in use.`);
}

/** Neutron's MacAddressGenerationFailure: a ServiceUnavailable (503) in neutron-lib. */
export function macGenerationFailure(scope: string): NeutronError {
  return new NeutronError(503, 'MacAddressGenerationFailure', `Unable to generate unique mac on network ${scope}.`);
}

export const macAddressNotFound = (scope: string, mac: string) =>
  notFound('MacAddressNotFound', scope ? `MAC address ${mac} could not be found on network ${scope}.` : `MAC address ${mac} could not be found.`);

export const macRangeNotFound = (id: string) => notFound('MacRangeNotFound', `MAC range ${id} could not be found.`);
