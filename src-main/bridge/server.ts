import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Envelope } from '../../src-shared/contract';
import type { Backend } from '../backend/createBackend';
import type { Logger } from '../core/logger';
import { streamEvents } from './eventStream';
import { BodyTooLargeError, bearerToken, isAllowedHostAndOrigin, readBody, tokenMatches } from './guards';
import { serveStatic } from './staticFiles';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface BridgeOptions {
  backend: Backend;
  rendererDir: string;
  logger: Logger;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * The loopback web door: the built renderer plus `POST /rpc/<channel>` and `GET /events`,
 * on 127.0.0.1 only, behind a per-run bearer token and a Host/Origin allow-list.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const closeStreams = new Set<() => void>();
  let port = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.logger.error('web door request failed', error);
      if (!response.headersSent) sendJson(response, 500, internalError());
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isAllowedHostAndOrigin(request, port)) {
      sendJson(response, 403, {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Host or Origin not allowed.' },
      });
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }

    if (path.startsWith('/rpc/')) {
      if (request.method !== 'POST') return void response.writeHead(405, { Allow: 'POST' }).end();
      if (!tokenMatches(bearerToken(request), token)) return void sendJson(response, 401, unauthorized());
      await handleRpc(path.slice('/rpc/'.length), request, response);
      return;
    }
    if (path === '/events') {
      if (!tokenMatches(url.searchParams.get('token'), token))
        return void sendJson(response, 401, unauthorized());
      const close = streamEvents(options.backend, response);
      closeStreams.add(close);
      response.on('close', () => closeStreams.delete(close));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return void response.writeHead(405, { Allow: 'GET' }).end();
    }
    await serveStatic(options.rendererDir, path, token, response);
  }

  async function handleRpc(channel: string, request: IncomingMessage, response: ServerResponse) {
    let body: string;
    try {
      body = await readBody(request, MAX_BODY_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      // Close the socket too: the client may still be sending the rest of an oversized body.
      response.setHeader('Connection', 'close');
      sendJson(response, 413, {
        ok: false,
        error: { code: 'VALIDATION', message: `The request is larger than ${MAX_BODY_BYTES} bytes.` },
      });
      return;
    }
    let input: unknown;
    try {
      input = body ? (JSON.parse(body) as { input?: unknown }).input : undefined;
    } catch {
      sendJson(response, 400, {
        ok: false,
        error: { code: 'VALIDATION', message: 'The request body is not JSON.' },
      });
      return;
    }
    const envelope = await options.backend.dispatch(channel, input);
    const status = !envelope.ok && envelope.error.code === 'UNKNOWN_CHANNEL' ? 404 : 200;
    sendJson(response, status, envelope);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: async () => {
      for (const close of closeStreams) close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sendJson(response: ServerResponse, status: number, body: Envelope<unknown>): void {
  response
    .writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
    .end(JSON.stringify(body));
}

const unauthorized = (): Envelope<never> => ({
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Missing or wrong token.' },
});
const internalError = (): Envelope<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: 'Something went wrong inside SoloCRM.' },
});
