import { chmodSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { DEV_SERVER_CSP, PAGE_CSP } from './src-shared/security/csp';

/** Writes the Content-Security-Policy into index.html: strict in builds, relaxed only for the dev server. */
function contentSecurityPolicy(): Plugin {
  let csp = PAGE_CSP;
  return {
    name: 'solocrm-csp',
    configResolved(config) {
      csp = config.command === 'serve' ? DEV_SERVER_CSP : PAGE_CSP;
    },
    transformIndexHtml(html) {
      return html.replace('%SOLOCRM_CSP%', csp);
    },
  };
}

/** package.json's `bin` points at out/main/cli.js: each build rewrites it, so it is made executable again. */
function executableCli(): Plugin {
  return {
    name: 'solocrm-executable-cli',
    writeBundle(options) {
      const cli = resolve(options.dir ?? 'out/main', 'cli.js');
      if (existsSync(cli)) chmodSync(cli, 0o755);
    },
  };
}

export default defineConfig({
  main: {
    plugins: [executableCli()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // Three Node entries over one backend: the desktop app, the CLI and the loopback web door.
        input: {
          index: resolve('src-main/index.ts'),
          cli: resolve('src-main/cli.ts'),
          web: resolve('src-main/web.ts'),
          // Imports, exports and undoing an import run here, off the main thread.
          worker: resolve('src-main/jobs/worker.ts'),
        },
        output: {
          // The contract's plain values (src-shared/contract/*Terms.ts) in a chunk of their own:
          // left to itself the bundler merges them into the contract's chunk, and every job's
          // worker would load zod and all the schemas (~120 ms) for a few constants.
          codeSplitting: {
            groups: [
              { name: 'contractTerms', test: /src-shared[\\/]contract[\\/](\w+Terms|emailPattern)\.ts$/ },
            ],
          },
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
      // electron-vite leaves bundles unminified; the page is parsed on every start, so shrink it.
      minify: true,
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
    plugins: [react(), contentSecurityPolicy()],
  },
});
