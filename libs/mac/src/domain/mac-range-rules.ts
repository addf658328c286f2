import { randomUUID } from 'node:crypto';
import { Attributes, invalidInput } from '@alcor/neutron-api';
import { macToNumber } from './mac-address';

export const MAC_RANGE_STATES = ['Active', 'Inactive', 'Exclude'] as const;
export type MacRangeState = (typeof MAC_RANGE_STATES)[number];

/**
 * A range must be ordered and hold unicast MACs only. Both ends are unicast (checked when they
 * were parsed) and share the first octet, so no multicast address lies between them.
 */
export function checkRangeBounds(from: string, to: string): void {
  if (macToNumber(from) > macToNumber(to)) {
    throw invalidInput(`MAC range ${from} - ${to} is not valid: its start must not be greater than its end.`);
  }
  if (from.slice(0, 2) !== to.slice(0, 2)) {
    throw invalidInput(`MAC range ${from} - ${to} is not valid: both ends must share the first octet, so that it holds no multicast address.`);
  }
}

/** A range to create, after validation of each field. */
export interface MacRangeDraft {
  id: string;
  from: string;
  to: string;
  state: MacRangeState;
}

export interface MacRangeChanges {
  from?: string;
  to?: string;
  state?: MacRangeState;
}

export function rangeDraftFromAttributes(a: Attributes): MacRangeDraft {
  return {
    id: (a.range_id as string | undefined) ?? randomUUID(),
    from: a.from as string,
    to: a.to as string,
    state: a.state as MacRangeState,
  };
}

export function rangeChangesFromAttributes(a: Attributes): MacRangeChanges {
  const changes: MacRangeChanges = {};
  if ('from' in a) changes.from = a.from as string;
  if ('to' in a) changes.to = a.to as string;
  if ('state' in a) changes.state = a.state as MacRangeState;
  return changes;
}
