/** Frames the WebSocket proxy sends, checked at runtime (the proxy is another process). */

export interface ProducerReply {
  result: string;
  messageId?: string;
  context?: string;
  errorMsg?: string;
}

export interface ConsumerDelivery {
  messageId: string;
  payload: string;
  properties: Record<string, string>;
  publishTime: string;
  redeliveryCount: number;
  key?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function parseProducerReply(text: string): ProducerReply | undefined {
  const value = parse(text);
  if (!isRecord(value) || typeof value.result !== 'string') return undefined;
  return {
    result: value.result,
    messageId: typeof value.messageId === 'string' ? value.messageId : undefined,
    context: typeof value.context === 'string' ? value.context : undefined,
    errorMsg: typeof value.errorMsg === 'string' ? value.errorMsg : undefined,
  };
}

/** A delivery, or undefined for anything else (e.g. replies to isEndOfTopic). */
export function parseConsumerDelivery(text: string): ConsumerDelivery | undefined {
  const value = parse(text);
  if (!isRecord(value) || typeof value.messageId !== 'string' || typeof value.payload !== 'string') return undefined;
  return {
    messageId: value.messageId,
    payload: value.payload,
    properties: stringRecord(value.properties),
    publishTime: typeof value.publishTime === 'string' ? value.publishTime : '',
    redeliveryCount: typeof value.redeliveryCount === 'number' ? value.redeliveryCount : 0,
    key: typeof value.key === 'string' ? value.key : undefined,
  };
}
