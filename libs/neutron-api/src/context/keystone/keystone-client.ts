/** What Keystone v3 says about a valid token (GET /v3/auth/tokens). */
export interface KeystoneToken {
  expires_at: string;
  project?: { id: string; name?: string };
  roles?: { id?: string; name: string }[];
  user?: { id: string; name?: string };
}

export interface KeystoneSettings {
  /** Keystone's base URL, with or without /v3. */
  url: string;
  /** The service user that validates tokens; absent: each token validates itself (Keystone lets a token's subject do that). */
  service?: { user: string; password: string; project: string; domain: string };
  timeoutMs: number;
}

/** Keystone answered something other than "valid" or "not valid": the caller must not be let through. */
export class KeystoneUnavailable extends Error {}

/** Answers of one validation: the token, or null when Keystone says it is not valid. */
export type Validation = KeystoneToken | null;

/**
 * The two Keystone v3 calls token validation needs: a service token (password auth, scoped to
 * the service project), renewed before it expires or when Keystone stops accepting it, and
 * GET /v3/auth/tokens with X-Subject-Token.
 */
export class KeystoneClient {
  private readonly base: string;
  private serviceToken?: { token: string; expiresAt: number };
  private pendingServiceToken?: Promise<string>;

  constructor(private readonly settings: KeystoneSettings) {
    this.base = settings.url.replace(/\/+$/, '').replace(/\/v3$/, '') + '/v3';
  }

  async validate(token: string): Promise<Validation> {
    let answer = await this.fetchToken(token, await this.authToken(token, false));
    // Our service token was revoked or expired early: get a fresh one, once.
    if (answer.status === 401 && this.settings.service) answer = await this.fetchToken(token, await this.authToken(token, true));
    if (answer.status === 200) return ((await answer.json()) as { token: KeystoneToken }).token;
    if (answer.status === 404 || (answer.status === 401 && !this.settings.service)) return null;
    throw new KeystoneUnavailable(`Keystone answered ${answer.status} to a token validation`);
  }

  private async fetchToken(token: string, authToken: string): Promise<Response> {
    return this.call(`${this.base}/auth/tokens`, { method: 'GET', headers: { 'x-auth-token': authToken, 'x-subject-token': token } });
  }

  private async authToken(subject: string, renew: boolean): Promise<string> {
    if (!this.settings.service) return subject;
    if (!renew && this.serviceToken && this.serviceToken.expiresAt > Date.now()) return this.serviceToken.token;
    this.pendingServiceToken ??= this.issueServiceToken().finally(() => (this.pendingServiceToken = undefined));
    return this.pendingServiceToken;
  }

  private async issueServiceToken(): Promise<string> {
    const service = this.settings.service as NonNullable<KeystoneSettings['service']>;
    const body = {
      auth: {
        identity: { methods: ['password'], password: { user: { name: service.user, domain: { name: service.domain }, password: service.password } } },
        scope: { project: { name: service.project, domain: { name: service.domain } } },
      },
    };
    const answer = await this.call(`${this.base}/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const token = answer.headers.get('x-subject-token');
    if (answer.status !== 201 || !token) throw new KeystoneUnavailable(`Keystone refused the service credentials (${answer.status})`);
    const { token: issued } = (await answer.json()) as { token: KeystoneToken };
    // Renew a minute early, so a validation never goes out with a token about to expire.
    this.serviceToken = { token, expiresAt: Date.parse(issued.expires_at) - 60_000 };
    return token;
  }

  private async call(url: string, init: RequestInit): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fetch(url, { ...init, signal: AbortSignal.timeout(this.settings.timeoutMs) });
      } catch (error) {
        // A kept-alive connection the server had closed fails at once: one fresh try (both calls are safe to repeat).
        const timedOut = (error as { name?: string }).name === 'TimeoutError';
        if (timedOut || attempt >= 2) throw new KeystoneUnavailable(`Keystone did not answer: ${String(error)}`);
      }
    }
  }
}
