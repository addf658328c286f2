import { Attributes } from '@alcor/neutron-api';

export const MAC_STATES = ['Active', 'Inactive'] as const;
export type MacState = (typeof MAC_STATES)[number];

/** One MAC to allocate, from either the allocator contract or Alcor's API, after validation. */
export interface MacClaim {
  /** The network id, or '' for Alcor's global scope. */
  scope: string;
  portId: string | null;
  projectId: string;
  /** A normalized unicast MAC the caller chose; absent: one is generated. */
  macAddress?: string;
  /** The range to generate from; absent: the default range (range0). */
  rangeId?: string;
  state: MacState;
}

/** What identifies an allocation: a MAC is unique within its scope (network). */
export interface MacKey {
  scope: string;
  macAddress: string;
}

/** Fields a PUT /macs/{mac} may change. */
export interface MacStateChanges {
  portId?: string | null;
  projectId?: string;
  state?: MacState;
}

export function claimFromAttributes(a: Attributes, rangeId?: string): MacClaim {
  return {
    scope: (a.vpc_id as string | null | undefined) ?? '',
    portId: (a.port_id as string | null | undefined) ?? null,
    projectId: a.project_id as string,
    macAddress: a.mac_address as string | undefined,
    rangeId,
    state: (a.state as MacState | undefined) ?? 'Active',
  };
}

export function stateChangesFromAttributes(a: Attributes): MacStateChanges {
  const changes: MacStateChanges = {};
  if ('port_id' in a) changes.portId = a.port_id as string | null;
  if ('project_id' in a) changes.projectId = a.project_id as string;
  if ('state' in a) changes.state = a.state as MacState;
  return changes;
}
