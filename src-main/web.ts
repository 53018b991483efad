#!/usr/bin/env node
/**
 * `npm run web [-- --port N --data-dir DIR]`: the app in a browser, served on 127.0.0.1 only.
 * How SoloCRM runs where Electron cannot, and how the end-to-end tests drive the real UI.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openBackendInDataDir } from './backend/openInDataDir';
import { AUTO_ANALYTICS_DELAY_MS } from './insights/service';
import { startBridge } from './bridge/server';
import { createLogger } from './core/logger';
import { appFiles, appRootFrom } from './paths/appFiles';
import { resolveDataDir } from './paths/dataDir';

const logger = createLogger();

function fail(message: string): never {
  console.error(`SoloCRM web door: ${message}`);
  process.exit(1);
}

/** Runs a start-up step; a failure ends the process with a message instead of a stack trace. */
function orFail<T>(step: () => T, explain: (error: Error) => string): T {
  try {
    return step();
  } catch (error) {
    fail(explain(error as Error));
  }
}

const options = orFail(
  () => parseArgs({ options: { port: { type: 'string' }, 'data-dir': { type: 'string' } } }).values,
  (error) => `${error.message}\nUsage: npm run web -- [--port N] [--data-dir DIR]`,
);
const port = Number(options.port ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a number from 0 to 65535, not "${options.port}".`);

const files = appFiles(appRootFrom(dirname(fileURLToPath(import.meta.url))));
if (!existsSync(join(files.rendererDir, 'index.html')))
  fail(`the UI is not built yet (${files.rendererDir}); run npm run build.`);
const dataDir = resolveDataDir(options['data-dir'], {
  platform: process.platform,
  homedir: homedir(),
  env: process.env,
});

const backend = orFail(
  () =>
    openBackendInDataDir({
      dataDir,
      files,
      door: 'web',
      logger,
      analyticsAutoRunMs: AUTO_ANALYTICS_DELAY_MS,
      reminders: true,
    }),
  (error) => error.message,
);
const bridge = await startBridge({ backend, rendererDir: files.rendererDir, logger, port }).catch(
  (error: Error) => fail(`could not listen on 127.0.0.1:${port} (${error.message}).`),
);

console.log(`SoloCRM is ready at ${bridge.url}`);
console.log(`Data folder: ${dataDir}`);

const shutdown = () => {
  void bridge.close().finally(() => {
    backend.close();
    process.exit(0);
  });
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
