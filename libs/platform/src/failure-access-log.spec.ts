import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { pinoHttp } from 'pino-http';
import { PinoLogger } from 'nestjs-pino';
import { registerFailureAccessLog } from './failure-access-log';

describe('registerFailureAccessLog', () => {
  const lines: Record<string, unknown>[] = [];
  const previousRoot = PinoLogger.root;
  const app = Fastify();

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    // With pino-http's serializers, as the services' root logger has them.
    (PinoLogger as { root: unknown }).root = pinoHttp({ level: 'info' }, sink).logger;
    registerFailureAccessLog(app);
    app.get('/ok', async () => ({ ok: true }));
    app.get('/missing', async (_request, reply) => reply.header('x-openstack-request-id', 'req-abc').code(404).send({ NeutronError: {} }));
    app.get('/boom', async () => {
      throw new Error('broken');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    (PinoLogger as { root: unknown }).root = previousRoot;
  });

  it('logs a 4xx as a warning and a 5xx as an error, with the request id; a 2xx not at all', async () => {
    for (const url of ['/ok', '/missing', '/ok', '/boom']) await app.inject({ method: 'GET', url });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((l) => [l.level, l.msg, l.url, l.status])).toEqual([
      [40, 'request refused', '/missing', 404],
      [50, 'request failed', '/boom', 500],
    ]);
    expect(lines[0]).toMatchObject({ method: 'GET', requestId: 'req-abc', responseTimeMs: expect.any(Number) });
  });
});
