import { z } from 'zod';
import { badRequest } from '@alcor/neutron-api';

/**
 * Bodies of the internal endpoints: the IpAllocator contract's own objects as JSON (camelCase).
 * Only the structure is checked here; values (UUIDs, addresses, pools) by the use cases, with
 * Neutron's errors, exactly as for in-process callers. Unknown keys are dropped, not refused:
 * TypeScript callers may pass wider objects (e.g. an IpAllocation, port id included, to release).
 */
const text = z.string().max(255);
const pool = z.object({ start: text, end: text });

export const rangeSpecBody = z.object({
  subnetId: text,
  networkId: text,
  projectId: text,
  ipVersion: z.union([z.literal(4), z.literal(6)]),
  cidr: text,
  gatewayIp: text.nullable(),
  allocationPools: z.array(pool).max(1000),
});

export const rangeChangesBody = z.object({
  gatewayIp: text.nullable().optional(),
  allocationPools: z.array(pool).max(1000).optional(),
});

export const allocateBody = z.object({
  requests: z.array(z.object({ subnetId: text, portId: text, ipAddress: text.nullish(), alternatives: z.array(text).max(1000).optional() })).max(10000),
});

export const releaseBody = z.object({
  allocations: z.array(z.object({ subnetId: text, ipAddress: text })).max(10000),
});

export const usageBody = z.object({ subnetIds: z.array(text).max(10000) });

/** The body as the schema's type, or Neutron's 400 naming the first problem. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw badRequest(`Invalid request body: ${issue.path.join('.') || '(body)'}: ${issue.message}`);
}
