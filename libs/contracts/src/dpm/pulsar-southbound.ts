import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Goal states over Apache Pulsar (DPM_SOUTHBOUND=pulsar), the alternative to the gRPC push:
 * the DPM publishes each host's GoalStateV2 bytes on that host's topic (key = host id) and the
 * agent, subscribed to it (exclusive subscription named after the host), publishes its
 * GoalStateOperationReply bytes on one shared reply topic, keyed by host id.
 */
export const PULSAR_SOUTHBOUND_NAMESPACE = 'alcor/hosts';

/** `persistent://alcor/hosts/<host id>`; the DPM's host id is the node's node_name (ports' binding:host_id), URL-encoded. */
export function hostGoalStateTopic(hostId: string, namespace = PULSAR_SOUTHBOUND_NAMESPACE): string {
  return `persistent://${namespace}/${encodeURIComponent(hostId)}`;
}

export function hostReplyTopic(namespace = PULSAR_SOUTHBOUND_NAMESPACE): string {
  return `persistent://${namespace}/replies`;
}

/** Message properties (the gRPC metadata of SOUTHBOUND_HEADERS, plus what a log needs). */
export const PULSAR_SOUTHBOUND_PROPERTIES = {
  generation: 'x-alcor-generation',
  pushKind: 'x-alcor-push',
  hostId: 'x-alcor-host-id',
  /** Correlates a reply with its push (heartbeats reuse the acked generation). */
  pushId: 'x-alcor-push-id',
  /** Epoch ms after which the DPM has given the push up: an agent skips it (no late apply from a backlog). */
  deadline: 'x-alcor-deadline',
  /** `gzip` or absent (raw protobuf). */
  encoding: 'x-alcor-encoding',
  /** `<index>/<count>` when one push spans several messages. */
  chunk: 'x-alcor-chunk',
} as const;

/**
 * Pulsar's broker takes 5 MB messages, but its WebSocket proxy (our client, no native addon)
 * drops text frames over 1 MiB and a payload travels base64 in JSON: ~760 KiB of raw bytes at
 * most. Chunks of 512 KiB leave room for the frame's properties.
 */
export const PULSAR_SOUTHBOUND_CHUNK_BYTES = 512 * 1024;
/** Below this a goal state is sent as is: gzip would cost more time than it saves bytes. */
export const PULSAR_SOUTHBOUND_GZIP_ABOVE = 16 * 1024;

export interface PackedGoalState {
  encoding?: 'gzip';
  chunks: Buffer[];
}

/** Compresses a big goal state (gzip level 1: protobuf of repeated records shrinks ~5x) and cuts it into chunks. */
export function packGoalState(bytes: Uint8Array, chunkBytes = PULSAR_SOUTHBOUND_CHUNK_BYTES): PackedGoalState {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const encoding = raw.length > PULSAR_SOUTHBOUND_GZIP_ABOVE ? ('gzip' as const) : undefined;
  const body = encoding ? gzipSync(raw, { level: 1 }) : raw;
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < body.length || chunks.length === 0; offset += chunkBytes) chunks.push(body.subarray(offset, offset + chunkBytes));
  return { encoding, chunks };
}

export function unpackGoalState(body: Buffer, encoding: string | undefined): Buffer {
  if (!encoding) return body;
  if (encoding === 'gzip') return gunzipSync(body);
  throw new Error(`unknown goal-state encoding ${encoding}`);
}

/** `0/3` -> {index 0, count 3}; absent -> one message. */
export function parseChunk(value: string | undefined): { index: number; count: number } {
  if (!value) return { index: 0, count: 1 };
  const [index, count] = value.split('/').map(Number);
  if (!Number.isInteger(index) || !Number.isInteger(count) || index < 0 || count < 1 || index >= count) throw new Error(`bad chunk property ${value}`);
  return { index, count };
}
