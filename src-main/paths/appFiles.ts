import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the CLI and the web door find what ships beside their bundle. Both are built to
 * out/main/*.js, so the repository (or unpacked app) root is two folders up.
 */
export function appRootFrom(bundleDir: string): string {
  return join(bundleDir, '..', '..');
}

export function appFiles(root: string) {
  return {
    migrationsDir: join(root, 'migrations'),
    workerFile: join(root, 'out', 'main', 'worker.js'),
    rendererDir: join(root, 'out', 'renderer'),
    version: (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version,
  };
}
