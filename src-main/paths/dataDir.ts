import { join, posix, win32 } from 'node:path';

export const APP_FOLDER_NAME = 'SoloCRM';
export const DATABASE_FILE_NAME = 'solocrm.db';

export interface DataDirContext {
  platform: NodeJS.Platform;
  homedir: string;
  env: Record<string, string | undefined>;
}

/**
 * The folder SoloCRM keeps its database in: `--data-dir`, then SOLOCRM_DATA_DIR, then the
 * platform's per-user application-data folder — the same path Electron's `userData` resolves to
 * for an app named SoloCRM, so a folder filled by the CLI opens in the desktop app.
 */
export function resolveDataDir(flag: string | undefined, context: DataDirContext): string {
  if (flag) return flag;
  if (context.env.SOLOCRM_DATA_DIR) return context.env.SOLOCRM_DATA_DIR;
  const path = context.platform === 'win32' ? win32 : posix;
  return path.join(platformAppDataDir(context), APP_FOLDER_NAME);
}

/** Empty variables count as unset, as in the XDG spec and in Electron. */
function platformAppDataDir({ platform, homedir, env }: DataDirContext): string {
  if (platform === 'win32') return env.APPDATA || win32.join(homedir, 'AppData', 'Roaming');
  if (platform === 'darwin') return posix.join(homedir, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || posix.join(homedir, '.config');
}

export const databaseFileIn = (dataDir: string) => join(dataDir, DATABASE_FILE_NAME);
