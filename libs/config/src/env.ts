import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

/** Every environment variable the services read, validated once at start-up. */
export const environmentSchema = z.object({
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: port.optional(),
  /** Embedded PGlite keeps its files here; ignored when DATABASE_URL is set. `memory://` keeps nothing. */
  DATA_DIR: z.string().default('./.data'),
  DATABASE_URL: z.string().url().optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  BUS: z.enum(['memory', 'pulsar']).default('memory'),
  /** Pulsar's WebSocket and admin REST base URLs (BUS=pulsar); deploy/local/pulsar.sh prints them. */
  PULSAR_WS_URL: z.string().url().optional(),
  PULSAR_HTTP_URL: z.string().url().optional(),
  /** Shared key-value cache (@alcor/kv): memory = this process only; ignite = the Ignite node(s) at IGNITE_ENDPOINT. */
  KV: z.enum(['memory', 'ignite']).default('memory'),
  /** host:port of Ignite thin-client connectors, comma-separated; deploy/local/ignite.sh prints it. */
  IGNITE_ENDPOINT: z.string().optional(),
  AUTH_STRATEGY: z.enum(['noauth', 'trusted-headers', 'keystone']).default('noauth'),
  /** AUTH_STRATEGY=keystone: Keystone's base URL (with or without /v3) and the service user that validates tokens. */
  KEYSTONE_URL: z.string().url().optional(),
  KEYSTONE_SERVICE_USER: z.string().optional(),
  KEYSTONE_SERVICE_PASSWORD: z.string().optional(),
  KEYSTONE_SERVICE_PROJECT: z.string().optional(),
  KEYSTONE_SERVICE_DOMAIN: z.string().default('Default'),
  /** Valid tokens are cached until they expire, at most this long (keystonemiddleware's token_cache_time). */
  KEYSTONE_TOKEN_CACHE_SECONDS: z.coerce.number().int().min(0).default(300),
  KEYSTONE_TOKEN_CACHE_SIZE: z.coerce.number().int().min(1).default(10000),
  KEYSTONE_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  API_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(16 * 1024 * 1024),
  /** Neutron's ml2_type_vxlan vni_ranges: comma-separated `min:max`. */
  VNI_RANGES: z.string().default('1:16777215'),
  /** Neutron's network_vlan_ranges: `physnet:min:max` entries. */
  VLAN_RANGES: z.string().default('physnet1:100:200'),
  /** Neutron's flat_networks: physnets allowed for flat networks, `*` for any. */
  FLAT_NETWORKS: z.string().default('*'),
  /** Neutron's global_physnet_mtu; VXLAN networks get 50 bytes less. */
  GLOBAL_PHYSNET_MTU: z.coerce.number().int().min(68).max(9216).default(1500),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(500),
  /**
   * Base URLs of the other managers when they run as their own processes (split mode). Unset:
   * the manager is expected in the same process and is called directly.
   */
  VPC_MANAGER_URL: z.string().url().optional(),
  SUBNET_MANAGER_URL: z.string().url().optional(),
  PORT_MANAGER_URL: z.string().url().optional(),
  IP_MANAGER_URL: z.string().url().optional(),
  MAC_MANAGER_URL: z.string().url().optional(),
  NODE_MANAGER_URL: z.string().url().optional(),
  ROUTE_MANAGER_URL: z.string().url().optional(),
  ELASTIC_IP_MANAGER_URL: z.string().url().optional(),
  SG_MANAGER_URL: z.string().url().optional(),
  /** Data-plane manager: its gRPC server in the NCM role (RequestGoalStates), Alcor's 9016; 0 picks a free port. */
  DPM_GRPC_HOST: z.string().default('127.0.0.1'),
  DPM_GRPC_PORT: port.default(9016),
  /** Deadline of one goal-state push to a host agent. */
  DPM_PUSH_TIMEOUT_MS: z.coerce.number().int().min(50).default(5000),
  /** Empty goal-state pushes to idle hosts: a host missing DPM_HEARTBEAT_MISSES in a row is down. */
  DPM_HEARTBEAT_MS: z.coerce.number().int().min(50).default(10000),
  DPM_HEARTBEAT_MISSES: z.coerce.number().int().min(1).default(3),
  /** Goal-state pushes on the wire at once (all hosts); the push deadline starts when one leaves the queue. */
  DPM_MAX_INFLIGHT_PUSHES: z.coerce.number().int().min(1).default(256),
  /** Upper bound of the retry backoff of a failing host (doubling from 100 ms). */
  DPM_RETRY_MAX_MS: z.coerce.number().int().min(10).default(5000),
  /** How goal states reach agents: gRPC push (ACA's) or per-host Pulsar topics (needs PULSAR_WS_URL). */
  DPM_SOUTHBOUND: z.enum(['grpc', 'pulsar']).default('grpc'),
  /** Tenant/namespace of the per-host and reply topics when DPM_SOUTHBOUND=pulsar. */
  DPM_SOUTHBOUND_NAMESPACE: z.string().regex(/^[\w.-]+\/[\w.-]+$/).default('alcor/hosts'),
  /** KV=ignite: this DPM replica's name (its own bus subscriptions and leader-lease holder id). */
  DPM_REPLICA_ID: z.string().regex(/^[\w.-]+$/).optional(),
  /** KV=ignite: the DPM leader lease's time to live; renewed every third of it. */
  DPM_LEADER_LEASE_MS: z.coerce.number().int().min(300).default(6000),
  /** KV=ignite: the Ignite cache the DPM replicas share (index entries and the leader lease). */
  DPM_SHARED_CACHE: z.string().regex(/^[\w.-]+$/).default('alcor-dpm-topology'),
  /** Neutron's [quotas] quota_<resource> defaults (-1 = unlimited); unset: Neutron's own defaults. */
  QUOTA_NETWORK: z.coerce.number().int().min(-1).optional(),
  QUOTA_SUBNET: z.coerce.number().int().min(-1).optional(),
  QUOTA_PORT: z.coerce.number().int().min(-1).optional(),
  QUOTA_ROUTER: z.coerce.number().int().min(-1).optional(),
  QUOTA_FLOATINGIP: z.coerce.number().int().min(-1).optional(),
  QUOTA_SECURITY_GROUP: z.coerce.number().int().min(-1).optional(),
  QUOTA_SECURITY_GROUP_RULE: z.coerce.number().int().min(-1).optional(),
  QUOTA_MANAGER_URL: z.string().url().optional(),
  /** First three octets of generated MACs (Neutron's base_mac; Alcor's macmanager.oui). */
  MAC_OUI: z
    .string()
    .regex(/^[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}$/)
    .default('fa:16:3e'),
});

export type Environment = z.infer<typeof environmentSchema>;

export class ConfigurationError extends Error {}

export function loadEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const result = environmentSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigurationError(`invalid environment: ${problems}`);
  }
  return result.data;
}
