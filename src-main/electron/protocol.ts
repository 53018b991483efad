import { isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://bundle`;

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
  const root = resolve(rendererDir);
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== 'bundle') return new Response('Not found', { status: 404 });
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    const file = resolve(join(root, pathname === '/' ? 'index.html' : pathname));
    const inside = relative(root, file);
    if (inside.startsWith('..') || isAbsolute(inside)) return new Response('Bad request', { status: 400 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
