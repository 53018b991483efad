import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * The renderer's Content-Security-Policy. Strict in builds (what Electron and the web door serve);
 * the dev server needs inline styles and a websocket for hot reload, so `serve` relaxes exactly those.
 */
const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const DEV_CSP = STRICT_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws:",
);

function contentSecurityPolicy(): Plugin {
  let csp = STRICT_CSP;
  return {
    name: 'solocrm-csp',
    configResolved(config) {
      csp = config.command === 'serve' ? DEV_CSP : STRICT_CSP;
    },
    transformIndexHtml(html) {
      return html.replace('%SOLOCRM_CSP%', csp);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // Three Node entries over one backend: the desktop app, the CLI and the loopback web door.
        input: {
          index: resolve('src-main/index.ts'),
          cli: resolve('src-main/cli.ts'),
          web: resolve('src-main/web.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve('src-main/electron/preload.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
    plugins: [react(), contentSecurityPolicy()],
  },
});
