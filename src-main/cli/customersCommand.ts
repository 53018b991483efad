import { parseArgs } from 'node:util';
import type { Customer, CustomerPage } from '../../src-shared/contract';
import { parseSearch, parseShow, SEARCH_HELP } from './customerLookup';
import { call, checkInput, UsageError, type CliAction } from './io';
import { textTable } from './textTable';

export const CUSTOMERS_HELP = `solocrm customers add --name NAME [--company C] [--email E]... [--phone P]... [--city C] [--notes N] [--json]
solocrm customers list [--trash] [--page N] [--page-size N] [--json]
${SEARCH_HELP}`;

/** --email and --phone may be repeated (the first one is the primary one). */
const LIST_FLAGS = { email: 'emails', phone: 'phones' } as const;

/** Parses the whole command line before anything opens the database, so a typo changes nothing. */
export function parseCustomersCommand(args: string[]): CliAction {
  const [action, ...rest] = args;
  if (action === 'add') return parseAdd(rest);
  if (action === 'list') return parseList(rest);
  if (action === 'search') return parseSearch(rest);
  if (action === 'show') return parseShow(rest);
  throw new UsageError(`Unknown customers command "${action ?? ''}".\n${CUSTOMERS_HELP}`);
}

function parseAdd(args: string[]): CliAction {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      company: { type: 'string' },
      city: { type: 'string' },
      notes: { type: 'string' },
      email: { type: 'string', multiple: true },
      phone: { type: 'string', multiple: true },
    },
    strict: true,
  });
  const { email, phone, ...text } = values;
  const input = { ...text, emails: email ?? [], phones: phone ?? [] };
  checkInput('customers.create', input, (path) => {
    // `emails.1` is the second --email: name it by what was typed.
    const [field, index] = path.split('.');
    const flag = Object.entries(LIST_FLAGS).find(([, key]) => key === field)?.[0];
    if (!flag) return path;
    const typed = index === undefined ? undefined : input[field as 'emails' | 'phones'][Number(index)];
    return typed === undefined ? flag : `${flag} "${typed}"`;
  });
  return async (backend, io, json) => {
    const created = await call<Customer>(backend, 'customers.create', input);
    io.stdout(json ? JSON.stringify(created, null, 2) : `Created customer #${created.id} ${created.name}`);
  };
}

function wholeNumber(flag: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) {
    throw new UsageError(`--${flag} must be a whole number from 1 to ${max}, not "${value}".`);
  }
  return number;
}

function parseList(args: string[]): CliAction {
  const { values } = parseArgs({
    args,
    options: { trash: { type: 'boolean' }, page: { type: 'string' }, 'page-size': { type: 'string' } },
    strict: true,
  });
  const page = wholeNumber('page', values.page, 1, Number.MAX_SAFE_INTEGER);
  const pageSize = wholeNumber('page-size', values['page-size'], 500, 500);
  return async (backend, io, json) => {
    const result = await call<CustomerPage>(backend, 'customers.list', {
      view: values.trash ? 'trash' : 'active',
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    if (json) {
      io.stdout(JSON.stringify(result, null, 2));
      return;
    }
    if (result.total === 0) {
      io.stdout(
        values.trash
          ? 'The trash is empty.'
          : 'No customers yet. Add one with: solocrm customers add --name NAME',
      );
      return;
    }
    const rows = result.rows.map((c) => [
      String(c.id),
      c.name,
      c.company ?? '',
      c.email ?? '',
      c.phone ?? '',
      c.city ?? '',
    ]);
    io.stdout(textTable(['ID', 'Name', 'Company', 'Email', 'Phone', 'City'], rows));
    if (result.total > result.rows.length) {
      io.stdout(`Showing ${result.rows.length} of ${result.total}; use --page and --page-size for more.`);
    }
  };
}
