import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { loadEnvironment } from '@alcor/config';
import { NeutronExceptionFilter } from '@alcor/neutron-api';
import { registerFailureAccessLog } from './failure-access-log';
import { registerJsonBodyParser } from './json-body-parser';

export interface HttpServiceOptions {
  name: string;
  /** Port when API_PORT is not set (Alcor's well-known port of the service). */
  defaultPort: number;
  host?: string;
  port?: number;
  /** Buffer logs until the pino logger is up (false in tests for quieter output). */
  bufferLogs?: boolean;
  /** Request body limit; defaults to API_MAX_BODY_BYTES. */
  bodyLimit?: number;
  /** Registers Fastify plugins (e.g. the gateway's proxies) before the routes are sealed. */
  configure?: (app: NestFastifyApplication) => Promise<void>;
}

/** Builds the HTTP application of a service: Fastify, Neutron errors, OpenAPI, graceful shutdown. */
export async function createHttpService(rootModule: Type<unknown> | DynamicModule, options: HttpServiceOptions) {
  const environment = loadEnvironment();
  const adapter = new FastifyAdapter({ bodyLimit: options.bodyLimit ?? environment.API_MAX_BODY_BYTES, maxParamLength: 512 });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    bufferLogs: options.bufferLogs ?? true,
    // Tests pass bufferLogs: false and want no framework chatter before pino takes over.
    logger: options.bufferLogs === false ? false : undefined,
    abortOnError: false,
    // JSON is parsed by registerJsonBodyParser (empty bodies allowed); nothing else is accepted by default.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new NeutronExceptionFilter());
  app.enableShutdownHooks();
  registerFailureAccessLog(app.getHttpAdapter().getInstance());
  const document = buildOpenApi(app, options.name);
  app
    .getHttpAdapter()
    .getInstance()
    .get('/openapi.json', (_request, reply) => void reply.send(document));
  await options.configure?.(app);
  // After `configure`, as Nest itself would: a plugin registered there (the gateway's proxies) sets
  // its own parsers, which a root parser registered before it would clash with.
  registerJsonBodyParser(app.getHttpAdapter().getInstance());
  await app.init();
  return app;
}

export async function startHttpService(rootModule: Type<unknown> | DynamicModule, options: HttpServiceOptions): Promise<INestApplication> {
  const environment = loadEnvironment();
  const app = await createHttpService(rootModule, options);
  const host = options.host ?? environment.API_HOST;
  const port = options.port ?? environment.API_PORT ?? options.defaultPort;
  await app.listen(port, host);
  app.get(Logger).log(`${options.name} listening on http://${host}:${port} (OpenAPI at /openapi.json)`);
  return app;
}

function buildOpenApi(app: INestApplication, name: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(`alcor-ts ${name}`)
    .setDescription('Neutron-compatible (/v2.0) and Alcor-native (/project/{project_id}/...) APIs')
    .setVersion('2.0')
    .build();
  return SwaggerModule.createDocument(app, config);
}
