import { NeutronError } from '@alcor/neutron-api';

/** Neutron's OverQuota (409): "Quota exceeded for resources: ['port']." */
export function overQuota(resources: string[]): NeutronError {
  const overs = [...resources].sort().map((r) => `'${r}'`).join(', ');
  return new NeutronError(409, 'OverQuota', `Quota exceeded for resources: [${overs}].`);
}
