import type { FastifyRequest } from 'fastify';

/** The scheme and host the client used, for self links. */
export function requestBaseUrl(req: FastifyRequest): string {
  const forwardedProto = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto) ?? req.protocol;
  return `${proto}://${req.headers.host ?? 'localhost'}`;
}
