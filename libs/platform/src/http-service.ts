import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { loadEnvironment } from '@alcor/config';
import { NeutronExceptionFilter, toNeutronError } from '@alcor/neutron-api';

export interface HttpServiceOptions {
  name: string;
  /** Port when API_PORT is not set (Alcor's well-known port of the service). */
  defaultPort: number;
  host?: string;
  port?: number;
  /** Buffer logs until the pino logger is up (false in tests for quieter output). */
  bufferLogs?: boolean;
}

/** Builds the HTTP application of a service: Fastify, Neutron errors, OpenAPI, graceful shutdown. */
export async function createHttpService(rootModule: Type<unknown> | ReturnType<typeof Object>, options: HttpServiceOptions) {
  const environment = loadEnvironment();
  const adapter = new FastifyAdapter({ bodyLimit: environment.API_MAX_BODY_BYTES, maxParamLength: 512 });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule as Type<unknown>, adapter, {
    bufferLogs: options.bufferLogs ?? true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new NeutronExceptionFilter());
  // Errors Fastify raises before Nest routing (bad JSON, body too large) get Neutron's body too.
  app
    .getHttpAdapter()
    .getInstance()
    .setErrorHandler((error, _request, reply) => {
      const neutron = toNeutronError(error);
      void reply.status(neutron.status).header('content-type', 'application/json').send(neutron.toBody());
    });
  app.enableShutdownHooks();
  const document = buildOpenApi(app, options.name);
  app
    .getHttpAdapter()
    .getInstance()
    .get('/openapi.json', (_request, reply) => void reply.send(document));
  await app.init();
  return app;
}

export async function startHttpService(rootModule: Type<unknown>, options: HttpServiceOptions): Promise<INestApplication> {
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
