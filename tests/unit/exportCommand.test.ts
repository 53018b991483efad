import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExportCommand } from '../../src-main/cli/exportCommand';
import { UsageError } from '../../src-main/cli/io';
import { AppError } from '../../src-main/core/errors';
import { tempDir } from '../support/tempBackend';

/** What parsing throws: every refusal happens before a database is opened. */
function refusal(args: string[]): Error {
  try {
    parseExportCommand(args);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`expected ${args.join(' ')} to be refused`);
}

describe('solocrm export: parsing', () => {
  it('accepts every documented form', () => {
    const out = join(tempDir(), 'out.csv');
    expect(typeof parseExportCommand(['customers', '--out', out])).toBe('function');
    expect(
      typeof parseExportCommand(['orders', '--out', out, '--encoding', 'gb18030', '--format', 'csv']),
    ).toBe('function');
    expect(
      typeof parseExportCommand(['customers', '--out', out, '--format', 'vcf', '--vcard-version', '3.0']),
    ).toBe('function');
    expect(typeof parseExportCommand(['conversations', '--encoding', 'UTF8', '--out', out])).toBe('function');
  });

  it.each([
    ['no kind', ['--out', 'x.csv'], /customers, orders or conversations/],
    ['an unknown kind', ['invoices', '--out', 'x.csv'], /customers, orders or conversations/],
    ['a second word', ['customers', 'all', '--out', 'x.csv'], /Unexpected "all"/],
    ['no --out', ['customers'], /--out FILE is required/],
    [
      'an unknown format',
      ['customers', '--out', 'x.csv', '--format', 'xlsx'],
      /--format must be one of csv, vcf/,
    ],
    [
      'GBK, which cannot hold every character',
      ['customers', '--out', 'x.csv', '--encoding', 'gbk'],
      /gb18030/,
    ],
    ['vCard for orders', ['orders', '--out', 'x.vcf', '--format', 'vcf'], /exports customers only/],
  ])('refuses %s as wrong usage', (_what, args, message) => {
    const error = refusal(args);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(message);
  });

  it('refuses an unknown flag', () => {
    expect(refusal(['customers', '--out', 'x.csv', '--delimiter', ';'])).toMatchObject({
      code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION',
    });
  });

  it('refuses a vCard version the contract does not know, naming the flag', () => {
    const out = join(tempDir(), 'out.vcf');
    const error = refusal(['customers', '--out', out, '--format', 'vcf', '--vcard-version', '2.1']);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues?.map((issue) => issue.path)).toEqual(['vcard-version']);
  });

  it('refuses to write into a folder that does not exist', () => {
    const out = join(tempDir(), 'missing', 'out.csv');
    const error = refusal(['customers', '--out', out]);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues?.[0]).toMatchObject({ path: 'out' });
    expect(error.message).toContain('does not exist');
  });

  it('refuses --out naming a folder', () => {
    const folder = join(tempDir(), 'exports');
    mkdirSync(folder);
    const error = refusal(['customers', '--out', folder]);
    expect(error).toBeInstanceOf(AppError);
    expect(error.message).toContain('is a folder');
  });
});
