import http from 'node:http';
import https from 'node:https';

export interface Reply {
  status: number;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  body: unknown;
}

export interface ClientOptions {
  /** Keep-alive sockets to the server; the load runner never has more requests in flight. */
  sockets: number;
  timeoutMs: number;
  /** Sent as X-Auth-Token when set (a Keystone-protected Neutron). */
  token?: string;
}

/** A minimal Neutron API client: HTTP/1.1 keep-alive, JSON in and out, one timeout per request. */
export class NeutronClient {
  private readonly base: URL;
  private readonly agent: http.Agent;
  private readonly transport: typeof http | typeof https;

  constructor(
    readonly url: string,
    private readonly options: ClientOptions,
  ) {
    this.base = new URL(url);
    this.transport = this.base.protocol === 'https:' ? https : http;
    const agentOptions = { keepAlive: true, maxSockets: options.sockets, maxFreeSockets: options.sockets };
    this.agent = this.base.protocol === 'https:' ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  }

  get(path: string): Promise<Reply> {
    return this.request('GET', path);
  }
  post(path: string, body: unknown): Promise<Reply> {
    return this.request('POST', path, body);
  }
  put(path: string, body: unknown): Promise<Reply> {
    return this.request('PUT', path, body);
  }
  delete(path: string): Promise<Reply> {
    return this.request('DELETE', path);
  }

  request(method: string, path: string, body?: unknown): Promise<Reply> {
    const target = new URL(this.base.pathname.replace(/\/$/, '') + path, this.base);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: http.OutgoingHttpHeaders = { accept: 'application/json' };
    if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': payload.length });
    if (this.options.token) headers['x-auth-token'] = this.options.token;
    return new Promise((resolve, reject) => {
      const req = this.transport.request(target, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: parseJson(Buffer.concat(chunks)) }));
      });
      req.setTimeout(this.options.timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

function parseJson(buffer: Buffer): unknown {
  if (buffer.length === 0) return undefined;
  try {
    return JSON.parse(buffer.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** body[key] as a record, or undefined: replies are untrusted JSON. */
export function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
}

/** Throws unless the reply has the expected status (setup and cleanup steps, not measured ones). */
export function expectStatus(reply: Reply, expected: number, what: string): Reply {
  if (reply.status !== expected) {
    throw new Error(`${what}: HTTP ${reply.status} ${JSON.stringify(reply.body)?.slice(0, 300) ?? ''}`);
  }
  return reply;
}
