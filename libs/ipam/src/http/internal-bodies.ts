import { z } from 'zod';
import { badRequest } from '@alcor/neutron-api';

/**
 * Bodies of the internal endpoints: the IpAllocator contract's own objects as JSON (camelCase).
 * Only the structure is checked here; values (UUIDs, addresses, pools) by the use cases, with
 * Neutron's errors, exactly as for in-process callers.
 */
const text = z.string().max(255);
const pool = z.strictObject({ start: text, end: text });

export const rangeSpecBody = z.strictObject({
  subnetId: text,
  networkId: text,
  projectId: text,
  ipVersion: z.union([z.literal(4), z.literal(6)]),
  cidr: text,
  gatewayIp: text.nullable(),
  allocationPools: z.array(pool).max(1000),
});

export const rangeChangesBody = z.strictObject({
  gatewayIp: text.nullable().optional(),
  allocationPools: z.array(pool).max(1000).optional(),
});

export const allocateBody = z.strictObject({
  requests: z.array(z.strictObject({ subnetId: text, portId: text, ipAddress: text.optional() })).max(10000),
});

export const releaseBody = z.strictObject({
  allocations: z.array(z.strictObject({ subnetId: text, ipAddress: text })).max(10000),
});

export const usageBody = z.strictObject({ subnetIds: z.array(text).max(10000) });

/** The body as the schema's type, or Neutron's 400 naming the first problem. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw badRequest(`Invalid request body: ${issue.path.join('.') || '(body)'}: ${issue.message}`);
}
