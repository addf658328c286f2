import proxy from '@fastify/http-proxy';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GATEWAY_ROUTES, GatewayRoute } from './routes';

/** Forwards /v2.0/<collection>... untouched (method, headers, body, status) to the owning manager. */
export async function registerProxies(app: NestFastifyApplication): Promise<void> {
  const routes = app.get<GatewayRoute[]>(GATEWAY_ROUTES);
  for (const route of routes) {
    const prefix = `/v2.0/${route.collection}`;
    await app.register(proxy, { upstream: route.upstream, prefix, rewritePrefix: prefix, http2: false });
  }
}
