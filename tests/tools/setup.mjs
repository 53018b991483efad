// `npm run setup`: everything a fresh clone needs to run, test and build, using only the npm
// registry and Debian's packages. Safe to run again; a second run skips what is already done.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium, HOW_TO_GET_CHROMIUM } from './findChromium.mjs';

const root = join(import.meta.dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function step(title) {
  console.log(`\n▸ ${title}`);
}

// 1. Dependencies. Electron's binary download is split off (step 2) so it can never fail the install.
step('Dependencies');
const stampFile = join(root, 'node_modules', '.solocrm-setup-stamp');
const lockHash = createHash('sha256')
  .update(readFileSync(join(root, 'package.json')))
  .update(existsSync(join(root, 'package-lock.json')) ? readFileSync(join(root, 'package-lock.json')) : '')
  .digest('hex');
if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === lockHash) {
  console.log('Already installed.');
} else {
  const installArgs = existsSync(join(root, 'package-lock.json')) ? ['ci'] : ['install'];
  if (!run(npm, [...installArgs, '--no-audit', '--no-fund'], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })) {
    console.error('npm could not install the dependencies (see above).');
    process.exit(1);
  }
  writeFileSync(stampFile, lockHash);
}

// 2. Electron's own binary: wanted for `npm start` as a desktop app, not for tests or the web door.
step('Electron binary');
const electronDir = join(root, 'node_modules', 'electron');
if (existsSync(join(electronDir, 'path.txt'))) {
  console.log('Present.');
} else {
  const fetched = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (fetched.status === 0 && existsSync(join(electronDir, 'path.txt'))) console.log('Downloaded.');
  else
    console.log(
      'Skipped: the Electron binary could not be downloaded here, so `npm start` will open the web door instead of the desktop window.',
    );
}

// 3. Build what the CLI and the web door run (out/main, out/preload, out/renderer).
step('Build');
if (!run(npm, ['run', 'build', '--silent'])) process.exit(1);

// 4. A browser for the end-to-end tests.
step('Chromium for the browser tests');
let chromium = findChromium();
if (!chromium && process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log("Installing Debian's chromium package…");
  const quiet = { DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], quiet) && run('apt-get', ['install', '-y', '-qq', 'chromium'], quiet))
    chromium = findChromium();
}
console.log(chromium ? `Using ${chromium}.` : HOW_TO_GET_CHROMIUM);

console.log('\nReady. Start SoloCRM with `npm start`; run the tests with `npm test`.');
