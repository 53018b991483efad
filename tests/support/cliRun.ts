import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { runCli } from '../../src-main/cli/run';
import type { CustomerPage, ImportSummary } from '../../src-shared/contract';
import { caller } from './envelopes';
import { MIGRATIONS_DIR, openTempBackend, PACKAGE_VERSION, tempDir, WORKER_FILE } from './tempBackend';

/** In-process `solocrm` runs on a data folder, and the files an owner hands it (cli.test.ts, importCli*.test.ts). */

const FILES = { migrationsDir: MIGRATIONS_DIR, workerFile: WORKER_FILE, version: PACKAGE_VERSION };

/** One in-process `solocrm` run, with what it printed. The environment is empty unless given. */
export async function runSolocrm(argv: string[], env: Record<string, string> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(argv, {
    io: { stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text) },
    env,
    files: FILES,
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** A CLI bound to one data folder: `--data-dir <dir>` goes after the given arguments. */
export function solocrmIn(dir: string) {
  return (...args: string[]) => runSolocrm([...args, '--data-dir', dir]);
}

/** The backend on a data folder the CLI used, for what the CLI has no command for (templates, timelines). */
export function backendIn(dir: string) {
  const handle = openTempBackend({ dir });
  onTestFinished(() => handle.backend.close());
  return caller(() => handle.backend);
}

/** A file in a fresh folder (apart from the data folder, as the owner's Downloads would be). */
export function fileWith(name: string, bytes: Buffer | string): string {
  const file = join(tempDir('solocrm-files-'), name);
  writeFileSync(file, bytes);
  return file;
}

/** The customers' names in a data folder, as `customers list --json` gives them. */
export async function names(dir: string): Promise<string[]> {
  const run = await solocrmIn(dir)('customers', 'list', '--json');
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as CustomerPage).rows.map((row) => row.name).sort();
}

/** What `solocrm import … --json` prints: the summary plus how the file was read. */
export const importJson = (stdout: string) => JSON.parse(stdout) as ImportSummary & { encoding: string };
