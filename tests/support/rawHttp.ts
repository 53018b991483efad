import { request, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  /** Sent exactly as given: no normalisation of `..` or percent-escapes. */
  path: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
}

/**
 * One HTTP request to 127.0.0.1 with node:http, so a test controls what fetch() would not let it:
 * the Host header, the raw path, a body larger than the server accepts.
 */
export function rawRequest(port: number, options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    // The server may answer and hang up before an oversized body is fully sent; the answer is what counts.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    req.end(options.body);
  });
}

/** POST /rpc/<channel> the way the renderer's web transport does. */
export function rpc(port: number, channel: string, input: unknown, headers: Record<string, string> = {}) {
  return rawRequest(port, {
    method: 'POST',
    path: `/rpc/${channel}`,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ input }),
  });
}

/** Opens an SSE stream and collects its `data:` events as parsed JSON, until `close()`. */
export function openEventStream(port: number, path: string) {
  const events: unknown[] = [];
  let buffer = '';
  const waiters: (() => void)[] = [];
  let closeStream = () => {};
  const ready = new Promise<RawResponse>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}` }, agent: false },
      (res) => {
        closeStream = () => res.destroy();
        const head = { status: res.statusCode ?? 0, headers: res.headers, body: '' };
        if (res.statusCode !== 200) {
          res.on('data', (chunk: Buffer) => (head.body += chunk.toString('utf8')));
          res.on('end', () => resolve(head));
          return;
        }
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8');
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (block.startsWith(': connected')) resolve(head);
            const data = block
              .split('\n')
              .filter((line) => line.startsWith('data: '))
              .map((line) => line.slice('data: '.length));
            if (data.length > 0) events.push(JSON.parse(data.join('\n')));
            waiters.splice(0).forEach((wake) => wake());
          }
        });
        res.on('error', () => {});
      },
    );
    req.on('error', reject);
    req.end();
  });
  return {
    ready,
    events,
    /** Resolves once `count` events arrived; rejects after `ms`. */
    waitFor(count: number, ms = 5000): Promise<unknown[]> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${events.length} events after ${ms} ms`)), ms);
        const check = () => {
          if (events.length >= count) {
            clearTimeout(timer);
            resolve(events);
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => closeStream(),
  };
}
