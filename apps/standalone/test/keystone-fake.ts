import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';

export interface IssuedToken {
  projectId: string;
  roles: string[];
  expiresAt: Date;
}

/**
 * A Keystone-v3-compatible token endpoint served by the test: POST /v3/auth/tokens for the
 * service user, GET /v3/auth/tokens (X-Auth-Token = service token, X-Subject-Token = the token
 * to check) for validation, with the answers Keystone gives (201 + X-Subject-Token, 200, 404,
 * 401). Tokens are issued by the test; `down` makes it answer 503 like a failing Keystone.
 */
export class FakeKeystone {
  readonly tokens = new Map<string, IssuedToken>();
  validations = 0;
  down = false;
  private server?: Server;
  private serviceToken?: string;
  url = '';

  constructor(readonly service = { user: 'neutron', password: 'secret', project: 'service', domain: 'Default' }) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  stop(): Promise<void> {
    // Validators keep connections alive: close them, or close() waits for them.
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  issue(projectId: string, roles: string[], ttlMs = 3600_000): string {
    const token = `gAAAA${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, { projectId, roles, expiresAt: new Date(Date.now() + ttlMs) });
    return token;
  }

  revokeServiceToken(): void {
    this.serviceToken = undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (d) => (text += d));
      req.on('end', () => resolve(text));
    });
    if (this.down) return reply(res, 503, { error: { code: 503, title: 'Service Unavailable' } });
    if (req.url !== '/v3/auth/tokens') return reply(res, 404, { error: { code: 404 } });
    if (req.method === 'POST') {
      const auth = JSON.parse(body || '{}').auth;
      const user = auth?.identity?.password?.user;
      if (user?.name !== this.service.user || user?.password !== this.service.password || auth?.scope?.project?.name !== this.service.project) {
        return reply(res, 401, { error: { code: 401, title: 'Unauthorized' } });
      }
      this.serviceToken = this.issue('service-project-id', ['admin', 'service']);
      res.setHeader('x-subject-token', this.serviceToken);
      return reply(res, 201, { token: this.tokenBody(this.tokens.get(this.serviceToken) as IssuedToken) });
    }
    this.validations++;
    if (!this.serviceToken || req.headers['x-auth-token'] !== this.serviceToken) return reply(res, 401, { error: { code: 401, title: 'Unauthorized' } });
    const subject = this.tokens.get(String(req.headers['x-subject-token']));
    if (!subject || subject.expiresAt <= new Date()) return reply(res, 404, { error: { code: 404, title: 'Not Found', message: 'Could not recognize Fernet token' } });
    return reply(res, 200, { token: this.tokenBody(subject) });
  }

  private tokenBody(t: IssuedToken) {
    return {
      expires_at: t.expiresAt.toISOString(),
      project: { id: t.projectId, name: t.projectId, domain: { id: 'default', name: 'Default' } },
      roles: t.roles.map((name) => ({ id: name, name })),
      user: { id: `user-of-${t.projectId}`, name: 'u' },
    };
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
