export interface StoredMessage {
  /** Position in the topic's log. */
  readonly index: number;
  readonly messageId: string;
  readonly key?: string;
  readonly payload: Buffer;
  readonly properties: Readonly<Record<string, string>>;
  readonly publishTime: number;
  /** Subscriptions that have not acked it yet; at zero it may be dropped (no retention policy). */
  holders: number;
}

export interface MessageToStore {
  key?: string;
  payload: Uint8Array;
  properties?: Record<string, string>;
}

/** A topic's append-only log that forgets its acknowledged prefix, like a ledger without retention. */
export class TopicLog {
  private entries: StoredMessage[] = [];
  /** Index of entries[0]. */
  private base = 0;
  /** Slots of entries before this offset are dropped; compacted lazily to keep appends O(1). */
  private dropped = 0;

  constructor(private readonly logId: number) {}

  /** Index of the oldest message still stored. */
  get firstIndex(): number {
    return this.base + this.dropped;
  }

  /** Index the next message will get. */
  get endIndex(): number {
    return this.base + this.entries.length;
  }

  get size(): number {
    return this.entries.length - this.dropped;
  }

  append(message: MessageToStore, holders: number): StoredMessage {
    const index = this.endIndex;
    const stored: StoredMessage = {
      index,
      messageId: `${this.logId}:${index}`,
      ...(message.key !== undefined && { key: message.key }),
      payload: Buffer.from(message.payload),
      properties: { ...message.properties },
      publishTime: Date.now(),
      holders,
    };
    this.entries.push(stored);
    this.trim();
    return stored;
  }

  get(index: number): StoredMessage | undefined {
    return index >= this.firstIndex ? this.entries[index - this.base] : undefined;
  }

  /** A new subscription at the earliest position needs everything still stored. */
  holdAll(): void {
    for (let i = this.dropped; i < this.entries.length; i++) this.entries[i].holders++;
  }

  release(index: number): void {
    const stored = this.get(index);
    if (stored && stored.holders > 0) stored.holders--;
    this.trim();
  }

  private trim(): void {
    while (this.dropped < this.entries.length && this.entries[this.dropped].holders === 0) this.dropped++;
    if (this.dropped > 1024 && this.dropped * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.dropped);
      this.base += this.dropped;
      this.dropped = 0;
    }
  }
}
