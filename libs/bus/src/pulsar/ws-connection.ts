import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';

/** The WebSocket upgrade was answered with an HTTP status instead of 101 (409 = busy, 404 = no namespace). */
export class WebSocketUpgradeError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`WebSocket upgrade to ${url} failed with HTTP ${status}${body ? `: ${body}` : ''}`);
    this.name = 'WebSocketUpgradeError';
  }
}

export interface OpenSocketOptions {
  connectTimeoutMs: number;
}

/** An upgraded socket, and the frames that arrived before anyone listened. */
export interface OpenedSocket {
  socket: WebSocket;
  /**
   * Stops buffering and returns what came meanwhile. The proxy may push deliveries right behind the
   * 101 answer, before the code awaiting openSocket runs: call this right after adding a listener.
   */
  takeEarlyFrames(): WebSocket.RawData[];
}

/** Opens a socket; resolves once upgraded, rejects with WebSocketUpgradeError on an HTTP answer. */
export function openSocket(url: string, options: OpenSocketOptions): Promise<OpenedSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { handshakeTimeout: options.connectTimeoutMs, perMessageDeflate: false });
    const early: WebSocket.RawData[] = [];
    const buffer = (data: WebSocket.RawData) => void early.push(data);
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.terminate();
      reject(error);
    };
    socket.once('unexpected-response', (_request, response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      const done = () => fail(new WebSocketUpgradeError(url, response.statusCode ?? 0, Buffer.concat(chunks).toString('utf8').slice(0, 500)));
      response.once('end', done);
      response.once('error', done);
      response.once('close', done);
    });
    socket.once('error', (error) => fail(error));
    socket.once('open', () => {
      if (settled) return;
      settled = true;
      socket.removeAllListeners();
      socket.on('message', buffer);
      // Until the caller adds its own listener: an 'error' without a listener would throw.
      const ignore = () => undefined;
      socket.on('error', ignore);
      resolve({
        socket,
        takeEarlyFrames: () => {
          socket.off('message', buffer);
          socket.off('error', ignore);
          return early.splice(0);
        },
      });
    });
  });
}

/**
 * Pings the socket every intervalMs (the proxy closes sockets idle for 5 minutes) and terminates
 * it when the previous ping got no pong, so a dead connection is noticed and reconnected.
 * Returns the function that stops it.
 */
export function keepAlive(socket: WebSocket, intervalMs: number): () => void {
  let awaitingPong = false;
  const onPong = () => {
    awaitingPong = false;
  };
  socket.on('pong', onPong);
  const timer = setInterval(() => {
    if (socket.readyState !== WebSocket.OPEN) return;
    if (awaitingPong) {
      socket.terminate();
      return;
    }
    awaitingPong = true;
    socket.ping();
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    socket.off('pong', onPong);
  };
}

/** Sends one text frame; resolves once written. */
export function sendJson(socket: WebSocket, frame: object): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.send(JSON.stringify(frame), (error) => (error ? reject(error) : resolve()));
  });
}

/** Closes politely and waits for the close handshake; terminates after timeoutMs. */
export function closeSocket(socket: WebSocket, timeoutMs: number): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => socket.terminate(), timeoutMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    if (socket.readyState === WebSocket.OPEN) socket.close(1000, 'closed by client');
    else if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
  });
}

export function frameText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
