import { parseArgs } from 'node:util';
import type { Customer, CustomerPage } from '../../src-shared/contract';
import type { Backend } from '../backend/createBackend';
import { call, UsageError, type CliIo } from './io';
import { textTable } from './textTable';

export const CUSTOMERS_HELP = `solocrm customers add --name NAME [--company C] [--email E] [--phone P] [--city C] [--notes N] [--json]
solocrm customers list [--trash] [--page N] [--page-size N] [--json]`;

const FIELD_FLAGS = ['name', 'company', 'email', 'phone', 'city', 'notes'] as const;

export async function customersCommand(args: string[], backend: Backend, io: CliIo, json: boolean) {
  const [action, ...rest] = args;
  if (action === 'add') return add(rest, backend, io, json);
  if (action === 'list') return list(rest, backend, io, json);
  throw new UsageError(`Unknown customers command "${action ?? ''}".\n${CUSTOMERS_HELP}`);
}

async function add(args: string[], backend: Backend, io: CliIo, json: boolean) {
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(FIELD_FLAGS.map((flag) => [flag, { type: 'string' as const }])),
    strict: true,
  });
  const created = await call<Customer>(backend, 'customers.create', values);
  io.stdout(json ? JSON.stringify(created, null, 2) : `Created customer #${created.id} ${created.name}`);
}

async function list(args: string[], backend: Backend, io: CliIo, json: boolean) {
  const { values } = parseArgs({
    args,
    options: { trash: { type: 'boolean' }, page: { type: 'string' }, 'page-size': { type: 'string' } },
    strict: true,
  });
  const page = await call<CustomerPage>(backend, 'customers.list', {
    view: values.trash ? 'trash' : 'active',
    page: values.page === undefined ? 0 : Number(values.page) - 1,
    pageSize: values['page-size'] === undefined ? 500 : Number(values['page-size']),
  });
  if (json) {
    io.stdout(JSON.stringify(page, null, 2));
    return;
  }
  if (page.total === 0) {
    io.stdout(
      values.trash
        ? 'The trash is empty.'
        : 'No customers yet. Add one with: solocrm customers add --name NAME',
    );
    return;
  }
  const rows = page.rows.map((c) => [
    String(c.id),
    c.name,
    c.company ?? '',
    c.email ?? '',
    c.phone ?? '',
    c.city ?? '',
  ]);
  io.stdout(textTable(['ID', 'Name', 'Company', 'Email', 'Phone', 'City'], rows));
  if (page.total > page.rows.length) {
    io.stdout(`Showing ${page.rows.length} of ${page.total}; use --page and --page-size for more.`);
  }
}
