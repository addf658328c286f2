/** A Pulsar topic name split into the parts the WebSocket and admin paths need. */
export interface PulsarTopicName {
  /** As given to the bus, e.g. `persistent://alcor/events/networks`. */
  readonly name: string;
  readonly domain: 'persistent' | 'non-persistent';
  readonly tenant: string;
  readonly namespace: string;
  readonly local: string;
  /** `persistent/alcor/events/networks`, each segment URL-encoded: follows `/ws/v2/consumer/` or `/admin/v2/`. */
  readonly path: string;
}

const FULL_NAME = /^(persistent|non-persistent):\/\/([^/]+)\/([^/]+)\/(.+)$/;

/**
 * Parses a full topic name (`persistent://tenant/namespace/topic`). A bare name (no `://`) lives
 * in `defaultNamespace` as a persistent topic, the way Pulsar's clients read short names.
 */
export function parseTopicName(name: string, defaultNamespace = 'public/default'): PulsarTopicName {
  if (typeof name !== 'string' || name.length === 0) throw new TypeError('topic name must be a non-empty string');
  const full = name.includes('://') ? name : `persistent://${defaultNamespace}/${name}`;
  const match = FULL_NAME.exec(full);
  if (!match) throw new TypeError(`not a Pulsar topic name: ${name} (expected persistent://tenant/namespace/topic)`);
  const [, domain, tenant, namespace, local] = match;
  if (local.includes('/')) throw new TypeError(`topic name has too many segments: ${name}`);
  return {
    name,
    domain: domain as PulsarTopicName['domain'],
    tenant,
    namespace,
    local,
    path: [domain, tenant, namespace, local].map(encodeURIComponent).join('/'),
  };
}

/** Pulsar's canonical form, which the broker writes into REAL_TOPIC and expects for deadLetterTopic. */
export function fullTopicName(topic: PulsarTopicName): string {
  return `${topic.domain}://${topic.tenant}/${topic.namespace}/${topic.local}`;
}
