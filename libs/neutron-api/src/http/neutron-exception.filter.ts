import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NeutronError } from '../errors/neutron-error';

/** Fastify's own client-error codes, answered as Neutron would answer the same mistake. */
const FASTIFY_CLIENT_ERRORS: Record<string, (e: { message: string }) => NeutronError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => new NeutronError(400, 'HTTPBadRequest', 'Body contains invalid data'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => new NeutronError(400, 'HTTPBadRequest', 'Body contains invalid data'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => new NeutronError(413, 'HTTPRequestEntityTooLarge', 'Request is too large.'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new NeutronError(415, 'HTTPUnsupportedMediaType', 'Unsupported Content-Type: use application/json'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => new NeutronError(400, 'HTTPBadRequest', 'Invalid Content-Length'),
};

const HTTP_TYPES: Record<number, string> = {
  400: 'HTTPBadRequest',
  401: 'HTTPUnauthorized',
  403: 'HTTPForbidden',
  404: 'HTTPNotFound',
  405: 'HTTPMethodNotAllowed',
  409: 'HTTPConflict',
  413: 'HTTPRequestEntityTooLarge',
};

/**
 * A client error raised by the framework rather than by our code: a 400 there is always a body
 * Fastify could not parse, answered in Neutron's words.
 */
function frameworkClientError(status: number, message: string): NeutronError {
  if (status === 400) return new NeutronError(400, 'HTTPBadRequest', 'Body contains invalid data');
  if (status === 404) return new NeutronError(404, 'HTTPNotFound', 'The resource could not be found.');
  if (status === 413) return new NeutronError(413, 'HTTPRequestEntityTooLarge', 'Request is too large.');
  return new NeutronError(status, HTTP_TYPES[status] ?? 'HTTPClientError', message);
}

/** Turns any error into Neutron's error body; a client's mistake is never a 500. */
export function toNeutronError(error: unknown): NeutronError {
  if (error instanceof NeutronError) return error;
  const code = (error as { code?: string } | null)?.code;
  if (code && FASTIFY_CLIENT_ERRORS[code]) return FASTIFY_CLIENT_ERRORS[code](error as Error);
  const status = error instanceof HttpException ? error.getStatus() : (error as { statusCode?: number } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return frameworkClientError(status, (error as Error).message);
  // A deliberate "not available" (readiness, a manager that is down) keeps its status.
  if (status === 503) return new NeutronError(503, 'HTTPServiceUnavailable', (error as Error).message);
  return new NeutronError(500, 'HTTPInternalServerError', 'Request Failed: internal server error while processing your request.');
}

@Catch()
export class NeutronExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('NeutronExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const error = toNeutronError(exception);
    if (error.status >= 500) this.logger.error({ err: exception, url: request.url }, 'request failed');
    void reply.status(error.status).header('content-type', 'application/json').send(error.toBody());
  }
}
