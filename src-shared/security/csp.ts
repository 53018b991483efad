/**
 * The renderer's Content-Security-Policy, in one place: the build writes it into index.html's
 * meta tag (what Electron's app:// page carries) and the web door also sends it as a header.
 */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

export const PAGE_CSP = DIRECTIVES.join('; ');

/** `frame-ancestors` is ignored (with a console warning) in a meta tag, so only the header has it. */
export const HEADER_CSP = `${PAGE_CSP}; frame-ancestors 'none'`;

/** Vite's dev server injects styles and talks over a websocket for hot reload; nothing else is relaxed. */
export const DEV_SERVER_CSP = PAGE_CSP.replace(
  "style-src 'self'",
  "style-src 'self' 'unsafe-inline'",
).replace("connect-src 'self'", "connect-src 'self' ws:");
