import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const WEB_ENTRY = join(REPO_ROOT, 'out', 'main', 'web.js');
const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

export interface WebDoor {
  /** e.g. `http://127.0.0.1:38123/` */
  url: string;
  dataDir: string;
  /** Everything the process printed, for failure messages. */
  output: () => string;
  /** Stops the server and removes its data folder (unless the caller passed its own). */
  stop: () => Promise<void>;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolveExit) => {
    const timer = setTimeout(() => resolveExit(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveExit(true);
    });
  });
}

/**
 * Starts the built app's web door (`node out/main/web.js`) on a random port and a fresh data folder,
 * the same way a person runs `npm run web`, and resolves once it prints its URL.
 */
/** Starts `npm run web`'s entry on a fresh temp data folder, or on `dataDir` (then left in place on stop). */
export async function startWebDoor(options: { dataDir?: string } = {}): Promise<WebDoor> {
  if (!existsSync(WEB_ENTRY)) {
    throw new Error(`${WEB_ENTRY} does not exist: build the app first (npm run build; npm test does this).`);
  }
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'solocrm-e2e-'));
  const child = spawn(process.execPath, [WEB_ENTRY, '--port', '0', '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));

  const stop = async () => {
    if (!(await waitForExit(child, 0))) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        child.kill('SIGKILL');
        await waitForExit(child, STOP_TIMEOUT_MS);
      }
    }
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`The web door did not print its URL within ${READY_TIMEOUT_MS} ms:\n${output}`)),
        READY_TIMEOUT_MS,
      );
      const onData = () => {
        const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
        if (!match) return;
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolveUrl(match[0]);
      };
      child.stdout.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(`The web door exited (code ${code}, signal ${signal}) before it was ready:\n${output}`),
        );
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    return { url, dataDir, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
