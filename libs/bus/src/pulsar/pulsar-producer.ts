import type WebSocket from 'ws';
import { MessageBusClosedError, MessageBusError } from '../errors';
import { backoffDelay, CancellableSleep, type BackoffOptions } from './backoff';
import { parseProducerReply } from './frames';
import { closeSocket, frameText, keepAlive, openSocket, WebSocketUpgradeError } from './ws-connection';

export interface ProducerFrame {
  payload: string;
  key?: string;
  properties?: Record<string, string>;
}

export interface TopicProducerOptions {
  url: string;
  connectTimeoutMs: number;
  sendTimeoutMs: number;
  pingIntervalMs: number;
  backoff: BackoffOptions;
  onError: (error: unknown) => void;
}

interface Pending {
  context: string;
  frame: ProducerFrame;
  resolve: (messageId: string) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * One producer socket for one topic, opened on first use. Replies are matched by `context`. When
 * the socket drops, unanswered messages are sent again on a new socket (at least once).
 */
export class TopicProducer {
  private socket?: WebSocket;
  private connecting?: Promise<WebSocket>;
  private stopKeepAlive?: () => void;
  private readonly pending = new Map<string, Pending>();
  private readonly sleep = new CancellableSleep();
  private serial = 0;
  private closed = false;

  constructor(private readonly options: TopicProducerOptions) {}

  send(frame: ProducerFrame): Promise<string> {
    if (this.closed) return Promise.reject(new MessageBusClosedError('the message bus is closed'));
    const context = String(++this.serial);
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(context);
        reject(new MessageBusError(`publish to ${this.options.url} timed out after ${this.options.sendTimeoutMs} ms`));
      }, this.options.sendTimeoutMs);
      this.pending.set(context, { context, frame, resolve, reject, timer });
      void this.transmit(this.pending.get(context));
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.sleep.cancel();
    this.failAll(new MessageBusClosedError('the message bus is closed'));
    await this.connecting?.catch(() => undefined);
    const socket = this.socket;
    this.detach();
    if (socket) await closeSocket(socket, 2_000);
  }

  private async transmit(entry: Pending | undefined): Promise<void> {
    if (!entry) return;
    try {
      const socket = await this.connect();
      if (!this.pending.has(entry.context)) return;
      socket.send(JSON.stringify({ ...entry.frame, context: entry.context }));
    } catch (error) {
      if (this.pending.delete(entry.context)) {
        clearTimeout(entry.timer);
        entry.reject(error instanceof Error ? error : new MessageBusError(String(error)));
      }
    }
  }

  private connect(): Promise<WebSocket> {
    if (this.socket) return Promise.resolve(this.socket);
    this.connecting ??= this.connectWithRetry().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connectWithRetry(): Promise<WebSocket> {
    for (let attempt = 0; ; attempt++) {
      if (this.closed) throw new MessageBusClosedError('the message bus is closed');
      try {
        const { socket, takeEarlyFrames } = await openSocket(this.options.url, { connectTimeoutMs: this.options.connectTimeoutMs });
        takeEarlyFrames();
        if (this.closed) {
          await closeSocket(socket, 1_000);
          throw new MessageBusClosedError('the message bus is closed');
        }
        this.attach(socket);
        return socket;
      } catch (error) {
        // A 4xx other than 429 will not heal by retrying (missing namespace, bad name, no permission).
        if (error instanceof WebSocketUpgradeError && error.status >= 400 && error.status < 500 && error.status !== 429) throw error;
        if (error instanceof MessageBusClosedError || this.pending.size === 0) throw error;
        this.options.onError(error);
        await this.sleep.sleep(backoffDelay(attempt, this.options.backoff));
      }
    }
  }

  private attach(socket: WebSocket): void {
    this.socket = socket;
    this.stopKeepAlive = keepAlive(socket, this.options.pingIntervalMs);
    socket.on('message', (data) => this.onReply(frameText(data)));
    socket.on('error', (error) => this.options.onError(error));
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.detach();
      // Messages without a reply may or may not be stored: send them again on a new socket.
      if (!this.closed) for (const entry of this.pending.values()) void this.transmit(entry);
    });
  }

  private detach(): void {
    this.stopKeepAlive?.();
    this.stopKeepAlive = undefined;
    this.socket = undefined;
  }

  private onReply(text: string): void {
    const reply = parseProducerReply(text);
    if (!reply?.context) return;
    const entry = this.pending.get(reply.context);
    if (!entry) return;
    this.pending.delete(reply.context);
    clearTimeout(entry.timer);
    if (reply.result === 'ok' && reply.messageId) entry.resolve(reply.messageId);
    else entry.reject(new MessageBusError(`publish failed (${reply.result}): ${reply.errorMsg ?? 'no reason given'}`));
  }

  private failAll(error: Error): void {
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(error);
    }
    this.pending.clear();
  }
}
