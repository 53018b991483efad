import { randomUUID } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_KINDS, type DownloadFile } from '../../src-shared/contract';
import { AppError } from '../core/errors';
import { call, checkInput, UsageError, type CliAction } from './io';

export const EXPORT_HELP = `solocrm export <customers|orders|conversations> --out FILE [--format csv|vcf] [--encoding utf8|gb18030] [--vcard-version 3.0|4.0] [--json]`;

/** What the person may type, and the contract's word for it. */
const FORMATS: Record<string, 'csv' | 'vcard'> = { csv: 'csv', vcf: 'vcard', vcard: 'vcard' };
const ENCODINGS: Record<string, 'utf-8' | 'gb18030'> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  gb18030: 'gb18030',
};
/** Orders are written one row per order line. */
const ROW_NAMES: Record<string, string> = {
  customers: 'customers',
  orders: 'order lines',
  conversations: 'conversations',
};
const FLAGS: Record<string, string> = {
  format: 'format',
  encoding: 'encoding',
  vcardVersion: 'vcard-version',
};

function choice<T>(flag: string, value: string | undefined, choices: Record<string, T>): T | undefined {
  if (value === undefined) return undefined;
  const key = value.toLowerCase();
  // Own keys only: `--format constructor` must not find Object.prototype's.
  const chosen = Object.hasOwn(choices, key) ? choices[key] : undefined;
  if (chosen === undefined) {
    throw new UsageError(
      `--${flag} must be one of ${Object.keys(choices).join(', ')}, not "${value}".\n${EXPORT_HELP}`,
    );
  }
  return chosen;
}

/**
 * The file is checked before anything runs: an export that would fail to be written only at the
 * end (its folder missing, or --out naming a folder) is refused up front.
 */
function outputFile(out: string): string {
  const file = resolve(out);
  const refuse = (message: string) =>
    new AppError('VALIDATION', message, [{ path: 'out', code: 'invalid', message }]);
  const folder = statSync(dirname(file), { throwIfNoEntry: false });
  if (!folder?.isDirectory()) throw refuse(`The folder ${dirname(file)} does not exist; create it first.`);
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    throw refuse(`${file} is a folder; name the file to write, e.g. ${file}/export.csv.`);
  }
  return file;
}

/** `solocrm export`: writes customers, orders or conversations to a CSV (or customers to a vCard) file. */
export function parseExportCommand(args: string[]): CliAction {
  const { values, positionals } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      format: { type: 'string' },
      encoding: { type: 'string' },
      'vcard-version': { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [kind, ...extra] = positionals;
  if (kind === undefined || !(EXPORT_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`Say what to export: customers, orders or conversations.\n${EXPORT_HELP}`);
  }
  if (extra.length > 0) throw new UsageError(`Unexpected "${extra.join(' ')}".\n${EXPORT_HELP}`);
  if (values.out === undefined) throw new UsageError(`--out FILE is required.\n${EXPORT_HELP}`);
  const format = choice('format', values.format, FORMATS);
  if (format === 'vcard' && kind !== 'customers') {
    throw new UsageError(`--format vcf exports customers only; export ${kind} as csv.\n${EXPORT_HELP}`);
  }
  const input = Object.fromEntries(
    Object.entries({
      jobId: randomUUID(),
      kind,
      format,
      encoding: choice('encoding', values.encoding, ENCODINGS),
      vcardVersion: values['vcard-version'],
    }).filter(([, value]) => value !== undefined),
  );
  checkInput('exports.run', input, (path) => FLAGS[path] ?? path);
  const file = outputFile(values.out);
  return async (backend, io, json) => {
    const download = await call<DownloadFile>(backend, 'exports.run', input);
    writeFileSync(file, Buffer.from(download.base64, 'base64'));
    if (json) {
      io.stdout(JSON.stringify({ kind, rows: download.rows, file }, null, 2));
      return;
    }
    io.stdout(`Exported ${download.rows.toLocaleString('en')} ${ROW_NAMES[kind]} to ${file}`);
  };
}
