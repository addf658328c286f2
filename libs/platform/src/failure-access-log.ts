import type { FastifyInstance } from 'fastify';
import { PinoLogger } from 'nestjs-pino';

/**
 * Access log for failures only: one line per 4xx (warn) and 5xx (error) answer, with Neutron's
 * request id so an operator can match it to what the client saw. A Fastify hook instead of
 * pino-http's per-request middleware: that one built a child logger and an async-context scope for
 * every request, 2xx included: dropping it took 6-16% off the CPU of reads and port creates.
 */
export function registerFailureAccessLog(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    if (status >= 400) {
      // Flat keys: pino-http's serializers own `req` and `res` and would read them as Node objects.
      const line = {
        method: request.method,
        url: request.url,
        status,
        requestId: reply.getHeader('x-openstack-request-id'),
        responseTimeMs: Math.round(reply.elapsedTime * 10) / 10,
      };
      if (status >= 500) PinoLogger.root.error(line, 'request failed');
      else PinoLogger.root.warn(line, 'request refused');
    }
    done();
  });
}
