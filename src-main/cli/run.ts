import { homedir } from 'node:os';
import type { Backend } from '../backend/createBackend';
import { openBackendInDataDir, type AppFiles } from '../backend/openInDataDir';
import { AppError } from '../core/errors';
import { silentLogger } from '../core/logger';
import { resolveDataDir } from '../paths/dataDir';
import { ANALYTICS_HELP, parseAnalyticsCommand } from './analyticsCommand';
import { CUSTOMERS_HELP, parseCustomersCommand } from './customersCommand';
import { DEALS_HELP, parseDealsCommand } from './dealsCommand';
import { DEMO_HELP, parseDemoCommand } from './demoCommand';
import { EXPORT_HELP, parseExportCommand } from './exportCommand';
import { IMPORT_HELP, parseImportCommand } from './importCommand';
import { parseTasksCommand, TASKS_HELP } from './tasksCommand';
import { UsageError, type CliAction, type CliIo } from './io';

const HELP = `SoloCRM command line: the same data as the desktop app, from a terminal.

Usage:
  solocrm --version
  solocrm --help
${CUSTOMERS_HELP.replace(/^/gm, '  ')}
  ${DEMO_HELP}
${IMPORT_HELP.replace(/^/gm, '  ')}
  ${EXPORT_HELP}
${ANALYTICS_HELP.replace(/^/gm, '  ')}
${DEALS_HELP.replace(/^/gm, '  ')}
${TASKS_HELP.replace(/^/gm, '  ')}

Options for every command:
  --data-dir DIR   the data folder (default: SOLOCRM_DATA_DIR, else the desktop app's folder)
  --json           machine-readable output on stdout`;

export interface CliContext {
  io: CliIo;
  env: Record<string, string | undefined>;
  files: AppFiles;
}

/** Runs one CLI invocation and returns the exit code: 0 done, 1 refused or failed, 2 wrong usage. */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const { io } = context;
  let backend: Backend | undefined;
  try {
    const { globals, rest } = splitGlobalFlags(argv);
    if (globals.version) return done(io, context.files.version);
    const [command, ...commandArgs] = rest;
    if (globals.help || command === undefined) return done(io, HELP);
    const action = parseCommand(command, commandArgs);

    const dataDir = resolveDataDir(globals.dataDir, {
      platform: process.platform,
      homedir: homedir(),
      env: context.env,
    });
    backend = openBackendInDataDir({ dataDir, files: context.files, door: 'cli', logger: silentLogger });
    await action(backend, io, globals.json);
    return 0;
  } catch (error) {
    return report(error, io);
  } finally {
    backend?.close();
  }
}

function parseCommand(command: string, args: string[]): CliAction {
  if (command === 'customers') return parseCustomersCommand(args);
  if (command === 'demo') return parseDemoCommand(args);
  if (command === 'import') return parseImportCommand(args);
  if (command === 'export') return parseExportCommand(args);
  if (command === 'analytics') return parseAnalyticsCommand(args);
  if (command === 'deals') return parseDealsCommand(args);
  if (command === 'tasks') return parseTasksCommand(args);
  throw new UsageError(`Unknown command "${command}". See solocrm --help.`);
}

function done(io: CliIo, text: string): number {
  io.stdout(text);
  return 0;
}

/** Global flags may stand anywhere on the line; the subcommand parsers see only their own. */
function splitGlobalFlags(argv: string[]) {
  const globals = { dataDir: undefined as string | undefined, json: false, version: false, help: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') globals.json = true;
    else if (arg === '--version' || arg === '-v') globals.version = true;
    else if (arg === '--help' || arg === '-h') globals.help = true;
    else if (arg.startsWith('--data-dir=')) globals.dataDir = arg.slice('--data-dir='.length);
    else if (arg === '--data-dir') {
      globals.dataDir = argv[++i];
      if (!globals.dataDir) throw new UsageError('--data-dir needs a folder.');
    } else rest.push(arg);
  }
  return { globals, rest };
}

function report(error: unknown, io: CliIo): number {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    io.stderr(`Error: ${(error as Error).message}`);
    return 2;
  }
  if (error instanceof AppError) {
    // Issues about a flag name it; a refused file speaks for itself (it has no flag).
    const flagIssues = (error.issues ?? []).filter((issue) => issue.path !== 'file');
    io.stderr(`Error: ${flagIssues.length ? 'some values are not valid.' : error.message}`);
    for (const issue of flagIssues) io.stderr(`  --${issue.path}: ${issue.message}`);
    return 1;
  }
  io.stderr(`Error: ${(error as Error).message ?? String(error)}`);
  return 1;
}
