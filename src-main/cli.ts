#!/usr/bin/env node
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli/run';
import { appFiles, appRootFrom } from './paths/appFiles';

const files = appFiles(appRootFrom(dirname(fileURLToPath(import.meta.url))));
process.exitCode = await runCli(process.argv.slice(2), {
  io: { stdout: (text) => console.log(text), stderr: (text) => console.error(text) },
  env: process.env,
  files,
});
