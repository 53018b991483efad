import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { HEADER_CSP } from '../../src-shared/security/csp';
import { resolveInside } from '../paths/resolveInside';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': HEADER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const escapeAttribute = (value: string) => value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Serves the built renderer; index.html gets the per-run token as `<meta name="solocrm-token">`. */
export async function serveStatic(
  rendererDir: string,
  urlPath: string,
  token: string,
  response: ServerResponse,
): Promise<void> {
  // The caller decoded the path, so percent-encoded `..` segments are caught here too.
  const file = resolveInside(rendererDir, urlPath);
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  if (extname(file) === '.html') {
    const meta = `<meta name="solocrm-token" content="${escapeAttribute(token)}">`;
    const html = body.toString('utf8').replace('</head>', `  ${meta}\n  </head>`);
    response
      .writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' })
      .end(html);
    return;
  }
  response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type }).end(body);
}
