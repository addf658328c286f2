import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, NeutronError } from '@alcor/neutron-api';

/** Alcor's machine-file upload routes: the only ones that take a file rather than a JSON body. */
export const UPLOAD_ROUTES = ['/nodes/upload', '/v4/nodes/upload'];

/** Alcor's form field holding the machine file (curl -F file=@machine.json). */
const FILE_FIELD = 'file';

type Done = (error: Error | null, body?: unknown) => void;

const unsupported = () => new NeutronError(415, 'HTTPUnsupportedMediaType', 'Unsupported Content-Type: use application/json');

/**
 * Lets the upload routes take the machine file as multipart/form-data (Alcor's way) or as a raw
 * application/octet-stream body; either way the handler receives the parsed JSON, read by Fastify's
 * own JSON parser (prototype-poisoning checks included). Every other route still answers 415.
 * Multipart is read whole with the runtime's Response.formData() (no @fastify/multipart streaming),
 * within the service's body limit (API_MAX_BODY_BYTES).
 */
export function registerUploadParsers(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  const onUploadRoute = (request: FastifyRequest) => UPLOAD_ROUTES.includes(request.routeOptions.url ?? '');

  if (!fastify.hasContentTypeParser('application/octet-stream')) {
    fastify.addContentTypeParser('application/octet-stream', { parseAs: 'string' }, (request, body, done: Done) => {
      if (!onUploadRoute(request)) return done(unsupported());
      parseJson(request, typeof body === 'string' ? body : body.toString('utf8'), done);
    });
  }
  if (!fastify.hasContentTypeParser('multipart/form-data')) {
    fastify.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (request, body, done: Done) => {
      if (!onUploadRoute(request)) return done(unsupported());
      readFileField(request, typeof body === 'string' ? Buffer.from(body) : body).then((text) => parseJson(request, text, done), done);
    });
  }
}

async function readFileField(request: FastifyRequest, body: Buffer): Promise<string> {
  const contentType = request.headers['content-type'] ?? '';
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw badRequest('Body contains invalid data');
  }
  const file = form.get(FILE_FIELD);
  if (file === null) throw badRequest(`Multipart field '${FILE_FIELD}' is missing: the file is empty`);
  return typeof file === 'string' ? file : file.text();
}
