import { badRequest } from '../errors/neutron-error';

/**
 * Neutron's revision-if-match: `If-Match: revision_number=<n>` (several may be listed, any must
 * match). Returns the acceptable revisions, or undefined when the header is absent or `*`.
 */
export function parseIfMatch(header: string | string[] | undefined): number[] | undefined {
  const raw = Array.isArray(header) ? header.join(',') : header;
  if (raw === undefined || raw.trim() === '' || raw.trim() === '*') return undefined;
  return raw.split(',').map((part) => {
    const match = /^\s*(?:W\/)?"?revision_number=(\d+)"?\s*$/.exec(part);
    if (!match) throw badRequest(`Invalid If-Match header '${part.trim()}': expected revision_number=<n>`);
    return Number(match[1]);
  });
}
