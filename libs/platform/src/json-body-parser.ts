import { FastifyInstance } from 'fastify';

/**
 * JSON bodies as Fastify parses them (secure-json-parse, prototype poisoning refused), except
 * that an empty body is no body: Neutron ignores it, and scripts and some SDKs send
 * `Content-Type: application/json` on every request, DELETE and GET included (Fastify answers 400
 * to those). A POST or PUT without a body is still refused by the body validation, in
 * Neutron's words.
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: fastify.initialConfig.bodyLimit }, (request, body, done) => {
    if (body.length === 0) {
      done(null, undefined);
      return;
    }
    parseJson(request, body as string, done);
  });
}
