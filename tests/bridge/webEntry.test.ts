import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256OfFile, tempDir } from '../support/tempBackend';
import { WEB_ENTRY } from '../support/webDoor';

/** `npm run web` as a person types it; these cases must end at once with a message, never serve. */
function runWebDoor(...args: string[]) {
  if (!existsSync(WEB_ENTRY)) throw new Error(`${WEB_ENTRY} is missing: run \`npm run build\` first.`);
  return spawnSync(process.execPath, [WEB_ENTRY, ...args], { encoding: 'utf8', timeout: 15_000 });
}

describe('npm run web refuses to start, and says why', () => {
  it('for a port that is not a port', () => {
    const result = runWebDoor('--port', 'abc', '--data-dir', tempDir());
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--port must be a number from 0 to 65535, not "abc"');
    expect(result.stdout).not.toContain('ready');
  });

  it('for an unknown option, with the usage line', () => {
    const result = runWebDoor('--prot', '5180');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Usage: npm run web -- [--port N] [--data-dir DIR]');
  });

  it('for a data folder whose database is damaged, leaving the file untouched', () => {
    const dataDir = tempDir();
    const dbFile = join(dataDir, 'solocrm.db');
    writeFileSync(dbFile, 'name,phone\n张三,13800138000\n'.repeat(200));
    const before = sha256OfFile(dbFile);

    const result = runWebDoor('--port', '0', '--data-dir', dataDir);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('could not be opened as a SoloCRM database');
    expect(result.stderr).toContain('left untouched');
    expect(sha256OfFile(dbFile)).toBe(before);
    expect(readdirSync(dataDir)).toEqual(['solocrm.db']);
  });
});
