import { conflict, NeutronError } from '@alcor/neutron-api';
import { isUniqueViolation } from '@alcor/persistence';

/** The unique constraints of the nodes table and the attribute each one guards. */
const UNIQUE: [constraint: string, attribute: string][] = [
  ['nodes_pkey', 'node_id'],
  ['nodes_name_key', 'node_name'],
  ['nodes_local_ip_key', 'local_ip'],
];

/** The client's 409 for a write that hit a unique constraint, or undefined for any other error. */
export function nodeConflict(error: unknown): NeutronError | undefined {
  for (const [constraint, attribute] of UNIQUE) {
    if (!isUniqueViolation(error, constraint)) continue;
    const value = conflictingValue(error);
    const subject = value === undefined ? `this ${attribute}` : `${attribute} ${value}`;
    return conflict('NodeAlreadyExists', `A node with ${subject} already exists.`);
  }
  return undefined;
}

/** PostgreSQL names the duplicate in the error detail: `Key (name)=(host-1) already exists.` */
function conflictingValue(error: unknown): string | undefined {
  const detail = (error as { driverError?: { detail?: unknown } }).driverError?.detail;
  if (typeof detail !== 'string') return undefined;
  return /^Key \([^)]*\)=\((.*)\) already exists\.$/.exec(detail)?.[1];
}
