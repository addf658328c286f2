import proxy from '@fastify/http-proxy';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GATEWAY_ROUTES, GatewayRoute } from './routes';

/** What a Neutron client gets when the owning manager cannot be reached: a retryable 503, not a bare 500. */
function unreachableManager(collection: string) {
  return {
    NeutronError: {
      type: 'ServiceUnavailable',
      message: `The service that owns /v2.0/${collection} is unavailable; please try again later.`,
      detail: '',
    },
  };
}

/** Forwards /v2.0/<collection>... untouched (method, headers, body, status) to the owning manager. */
export async function registerProxies(app: NestFastifyApplication): Promise<void> {
  const routes = app.get<GatewayRoute[]>(GATEWAY_ROUTES);
  for (const route of routes) {
    const prefix = `/v2.0/${route.collection}`;
    await app.register(proxy, {
      upstream: route.upstream,
      prefix,
      rewritePrefix: prefix,
      http2: false,
      replyOptions: {
        onError: (reply) => {
          if (!reply.sent) void reply.code(503).header('content-type', 'application/json').send(unreachableManager(route.collection));
        },
      },
    });
  }
}
