import { isAbsolute, join, relative, resolve } from 'node:path';

/**
 * Maps a decoded URL path onto a file inside `root`, or null when it would leave it (`..`
 * segments, encoded or not, absolute paths on another drive). `/` means index.html.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  const base = resolve(root);
  const file = resolve(join(base, urlPath === '/' ? 'index.html' : urlPath));
  const inside = relative(base, file);
  return inside.startsWith('..') || isAbsolute(inside) ? null : file;
}
