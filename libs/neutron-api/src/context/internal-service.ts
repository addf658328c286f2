import { randomBytes, timingSafeEqual } from 'node:crypto';

export const INTERNAL_SERVICE_TOKEN_HEADER = 'x-alcor-service-token';

/**
 * Proves that a call comes from a manager of this deployment, where the caller cannot hold a
 * Keystone token (the DPM reading the process's own API, split-mode managers calling each
 * other): INTERNAL_SERVICE_TOKEN, shared by every manager of a split deployment, or else a
 * random secret of this process (enough for standalone, where the calls stay in-process).
 */
export const INTERNAL_SERVICE_TOKEN: string = process.env.INTERNAL_SERVICE_TOKEN || randomBytes(32).toString('base64url');

const expected = Buffer.from(INTERNAL_SERVICE_TOKEN);

export function isInternalServiceCall(headers: Record<string, string | string[] | undefined>): boolean {
  const given = headers[INTERNAL_SERVICE_TOKEN_HEADER];
  if (typeof given !== 'string') return false;
  const buffer = Buffer.from(given);
  return buffer.length === expected.length && timingSafeEqual(buffer, expected);
}
