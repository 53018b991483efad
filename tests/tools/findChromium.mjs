// Finds a Chromium for the browser tests: CHROMIUM_PATH first, then the usual names on PATH.
// Plain JavaScript because `npm run setup` uses it before TypeScript tooling is installed.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @returns {string | null} */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return isExecutable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of NAMES) {
      const candidate = join(dir, name);
      if (dir && isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

export const HOW_TO_GET_CHROMIUM =
  'No Chromium found for the browser tests. On Debian/Ubuntu run `npm run setup` as root (it installs the ' +
  '`chromium` package) or `apt-get install chromium`; elsewhere set CHROMIUM_PATH to a Chromium or Chrome binary.';
