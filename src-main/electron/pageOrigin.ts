// Pure (no electron import) so the sender check is unit-tested under Node.
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Whether a URL is our own page: the app:// bundle, or the dev server in development. Compared
 * parsed, never with startsWith (`app://bundle.evil` must not pass). WHATWG URL gives custom
 * schemes an opaque origin ("null"), so app:// is matched on scheme and host.
 */
export function isOwnPage(url: string | undefined, devServerUrl: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
    return devServerUrl !== undefined && parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
