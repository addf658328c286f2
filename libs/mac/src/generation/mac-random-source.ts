import { randomBytes } from 'node:crypto';

/**
 * Where generated MACs get their randomness: `byteCount` random bytes. A provider token so a test
 * can shrink the space and force collisions; production uses the CSPRNG.
 */
export type MacRandomSource = (byteCount: number) => Uint8Array;

export const MAC_RANDOM_SOURCE = Symbol('MacRandomSource');

export const cryptoRandomSource: MacRandomSource = (byteCount) => randomBytes(byteCount);
