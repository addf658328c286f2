import { Metadata } from '@grpc/grpc-js';
import { PushKind, SOUTHBOUND_HEADERS } from '@alcor/contracts';

/** Reads what the DPM says about a push; a sender without the headers counts as a delta of generation 0. */
export function readPushMetadata(metadata: Metadata): { generation: number; kind: PushKind } {
  const generation = Number(metadata.get(SOUTHBOUND_HEADERS.generation)[0] ?? 0);
  const kind = String(metadata.get(SOUTHBOUND_HEADERS.pushKind)[0] ?? 'delta');
  return { generation: Number.isFinite(generation) ? generation : 0, kind: kind === 'full' || kind === 'heartbeat' ? kind : 'delta' };
}
