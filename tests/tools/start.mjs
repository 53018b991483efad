// `npm start`: the desktop app where Electron's binary is installed, otherwise the web door.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);

if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
  console.error('SoloCRM is not built yet: run `npm run setup` (or `npm run build`) first.');
  process.exit(1);
}

let command;
let commandArgs;
if (existsSync(join(root, 'node_modules', 'electron', 'path.txt'))) {
  const electron = (await import('electron')).default;
  command = electron;
  commandArgs = [root, ...args];
} else {
  console.log(
    "Electron's binary is not installed on this machine, so SoloCRM opens as a web app on 127.0.0.1 instead.",
  );
  command = process.execPath;
  commandArgs = [join(root, 'out', 'main', 'web.js'), ...args];
}
const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
