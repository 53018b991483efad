import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, databaseFileIn, resolveDataDir } from '../../src-main/paths/dataDir';

const linux = (env: Record<string, string | undefined> = {}) => ({
  platform: 'linux' as const,
  homedir: '/home/ann',
  env,
});

describe('resolveDataDir: which folder wins', () => {
  it('--data-dir beats SOLOCRM_DATA_DIR, which beats the platform folder', () => {
    const env = { SOLOCRM_DATA_DIR: '/srv/crm-env', XDG_CONFIG_HOME: '/home/ann/.cfg' };
    expect(resolveDataDir('/mnt/usb/crm', linux(env))).toBe('/mnt/usb/crm');
    expect(resolveDataDir(undefined, linux(env))).toBe('/srv/crm-env');
    expect(resolveDataDir(undefined, linux({ XDG_CONFIG_HOME: '/home/ann/.cfg' }))).toBe(
      '/home/ann/.cfg/SoloCRM',
    );
  });

  it('an empty --data-dir or SOLOCRM_DATA_DIR counts as not given', () => {
    expect(resolveDataDir('', linux({ SOLOCRM_DATA_DIR: '/srv/crm-env' }))).toBe('/srv/crm-env');
    expect(resolveDataDir(undefined, linux({ SOLOCRM_DATA_DIR: '' }))).toBe('/home/ann/.config/SoloCRM');
  });
});

/** The same folders Electron's app.getPath('userData') gives an app named SoloCRM. */
describe('resolveDataDir: platform defaults', () => {
  it('linux: $XDG_CONFIG_HOME/SoloCRM, else ~/.config/SoloCRM', () => {
    expect(resolveDataDir(undefined, linux({ XDG_CONFIG_HOME: '/home/ann/.cfg' }))).toBe(
      '/home/ann/.cfg/SoloCRM',
    );
    expect(resolveDataDir(undefined, linux())).toBe('/home/ann/.config/SoloCRM');
  });

  it('linux: an empty XDG_CONFIG_HOME falls back to ~/.config (never a folder relative to the cwd)', () => {
    const dir = resolveDataDir(undefined, linux({ XDG_CONFIG_HOME: '' }));
    expect(dir).toBe('/home/ann/.config/SoloCRM');
    expect(posix.isAbsolute(dir)).toBe(true);
  });

  it('darwin: ~/Library/Application Support/SoloCRM', () => {
    const dir = resolveDataDir(undefined, { platform: 'darwin', homedir: '/Users/ann', env: {} });
    expect(dir).toBe('/Users/ann/Library/Application Support/SoloCRM');
  });

  it('win32: %APPDATA%\\SoloCRM, else <home>\\AppData\\Roaming\\SoloCRM', () => {
    // The path module joins with the host's separator; on Windows both spellings are the same folder.
    const withAppData = resolveDataDir(undefined, {
      platform: 'win32',
      homedir: 'C:\\Users\\ann',
      env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' },
    });
    expect(win32.normalize(withAppData)).toBe('C:\\Users\\ann\\AppData\\Roaming\\SoloCRM');
    const without = resolveDataDir(undefined, { platform: 'win32', homedir: 'C:\\Users\\ann', env: {} });
    expect(win32.normalize(without)).toBe('C:\\Users\\ann\\AppData\\Roaming\\SoloCRM');
  });

  it('the database file is solocrm.db inside the data folder', () => {
    expect(DATABASE_FILE_NAME).toBe('solocrm.db');
    expect(databaseFileIn('/home/ann/.config/SoloCRM')).toBe('/home/ann/.config/SoloCRM/solocrm.db');
  });
});
