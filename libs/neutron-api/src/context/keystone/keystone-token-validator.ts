import { createHash } from 'node:crypto';
import { KeystoneClient, KeystoneSettings, KeystoneToken, KeystoneUnavailable } from './keystone-client';
import { TokenCache } from './token-cache';

/** Who a valid token speaks for. */
export interface KeystoneIdentity {
  projectId: string;
  roles: string[];
  userId?: string;
}

/** Why a token gives no identity: no project scope or not valid (401), or Keystone cannot say (503). */
export type TokenVerdict = { ok: true; identity: KeystoneIdentity } | { ok: false; reason: 'invalid' | 'unavailable' };

export interface TokenValidatorOptions extends KeystoneSettings {
  /** Longest a valid token is trusted without asking Keystone again (keystonemiddleware: token_cache_time). */
  cacheSeconds: number;
  cacheSize: number;
  /** How long a refused token stays refused without asking again: short, a new token may be valid. */
  negativeCacheSeconds: number;
}

export const TOKEN_VALIDATOR = Symbol('TokenValidator');

/**
 * Validates X-Auth-Token values against Keystone v3 and caches the verdicts (valid until the
 * token expires or cacheSeconds pass; invalid for a few seconds). Concurrent requests with the
 * same new token share one Keystone call. Keystone down is never a pass: the caller gets 503.
 */
export class KeystoneTokenValidator {
  private readonly client: KeystoneClient;
  private readonly cache: TokenCache<KeystoneIdentity | null>;
  private readonly inFlight = new Map<string, Promise<TokenVerdict>>();
  /** Keystone calls made (for tests: a cached token costs none). */
  calls = 0;

  constructor(private readonly options: TokenValidatorOptions) {
    this.client = new KeystoneClient(options);
    this.cache = new TokenCache(options.cacheSize);
  }

  /** From the service environment (AUTH_STRATEGY=keystone); the variables are checked at start-up. */
  static fromEnvironment(env: KeystoneEnvironment): KeystoneTokenValidator {
    if (!env.KEYSTONE_URL) throw new Error('AUTH_STRATEGY=keystone needs KEYSTONE_URL (deploy/local/keystone.sh up prints it)');
    const given = [env.KEYSTONE_SERVICE_USER, env.KEYSTONE_SERVICE_PASSWORD, env.KEYSTONE_SERVICE_PROJECT].filter((v) => v !== undefined).length;
    if (given !== 0 && given !== 3) throw new Error('KEYSTONE_SERVICE_USER, KEYSTONE_SERVICE_PASSWORD and KEYSTONE_SERVICE_PROJECT go together');
    return new KeystoneTokenValidator({
      url: env.KEYSTONE_URL,
      service:
        given === 3
          ? { user: env.KEYSTONE_SERVICE_USER as string, password: env.KEYSTONE_SERVICE_PASSWORD as string, project: env.KEYSTONE_SERVICE_PROJECT as string, domain: env.KEYSTONE_SERVICE_DOMAIN ?? 'Default' }
          : undefined,
      timeoutMs: env.KEYSTONE_TIMEOUT_MS ?? 3000,
      cacheSeconds: env.KEYSTONE_TOKEN_CACHE_SECONDS ?? 300,
      cacheSize: env.KEYSTONE_TOKEN_CACHE_SIZE ?? 10000,
      negativeCacheSeconds: 10,
    });
  }

  get keystoneUrl(): string {
    return this.options.url;
  }

  async verify(token: string): Promise<TokenVerdict> {
    const key = createHash('sha256').update(token).digest('base64url');
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached ? { ok: true, identity: cached } : { ok: false, reason: 'invalid' };
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.ask(key, token).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async ask(key: string, token: string): Promise<TokenVerdict> {
    const now = Date.now();
    let answer: KeystoneToken | null;
    try {
      this.calls++;
      answer = await this.client.validate(token);
    } catch (error) {
      if (error instanceof KeystoneUnavailable) return { ok: false, reason: 'unavailable' };
      throw error;
    }
    const identity = answer ? toIdentity(answer) : null;
    const expiresAt = identity && answer ? Math.min(Date.parse(answer.expires_at), now + this.options.cacheSeconds * 1000) : now + this.options.negativeCacheSeconds * 1000;
    this.cache.set(key, identity, expiresAt);
    return identity ? { ok: true, identity } : { ok: false, reason: 'invalid' };
  }
}

/** Only project-scoped tokens act on Neutron resources (as keystonemiddleware + Neutron's context). */
function toIdentity(token: KeystoneToken): KeystoneIdentity | null {
  if (!token.project?.id || Date.parse(token.expires_at) <= Date.now()) return null;
  return { projectId: token.project.id, roles: (token.roles ?? []).map((r) => r.name.toLowerCase()), userId: token.user?.id };
}

/** The environment variables of AUTH_STRATEGY=keystone (libs/config's schema; structural to keep this lib free of it). */
export interface KeystoneEnvironment {
  KEYSTONE_URL?: string;
  KEYSTONE_SERVICE_USER?: string;
  KEYSTONE_SERVICE_PASSWORD?: string;
  KEYSTONE_SERVICE_PROJECT?: string;
  KEYSTONE_SERVICE_DOMAIN?: string;
  KEYSTONE_TOKEN_CACHE_SECONDS?: number;
  KEYSTONE_TOKEN_CACHE_SIZE?: number;
  KEYSTONE_TIMEOUT_MS?: number;
}
