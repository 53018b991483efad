import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { resolveInside } from '../paths/resolveInside';
import { APP_HOST, APP_SCHEME } from './pageOrigin';

/** Must run before `app.ready`: makes app:// a standard, secure origin (fetch, CSP 'self', storage). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from app://bundle/ instead of file://, which would give any XSS
 * read access to every file on the machine. Paths that leave the bundle are refused.
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    const file = resolveInside(rendererDir, pathname);
    if (!file) return new Response('Bad request', { status: 400 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
