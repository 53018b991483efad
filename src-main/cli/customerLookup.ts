import { parseArgs } from 'node:util';
import type { ChannelOutput, Customer, Settings } from '../../src-shared/contract';
import { AppError } from '../core/errors';
import { call, checkInput, numberFlag, UsageError, type CliAction } from './io';
import { textTable } from './textTable';

export const SEARCH_HELP = `solocrm customers search "TEXT" [--limit N] [--json]
solocrm customers show ID [--json]`;

/** `customers search "<text>"`: the palette's search from a terminal, with the time it took. */
export function parseSearch(args: string[]): CliAction {
  const { values, positionals } = parseArgs({
    args,
    options: { limit: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) {
    throw new UsageError(
      `Put the search text in quotes: solocrm customers search "${positionals.join(' ')}"`,
    );
  }
  const query = positionals[0] ?? '';
  if (query.trim() === '') {
    throw new AppError('VALIDATION', 'Give the text to search for, e.g. solocrm customers search "张三".');
  }
  const input = { query, ...(values.limit === undefined ? {} : { limit: numberFlag(values.limit) }) };
  checkInput('customers.search', input, (path) => (path === 'query' ? 'search text' : path));
  return async (backend, io, json) => {
    const result = await call<ChannelOutput<'customers.search'>>(backend, 'customers.search', input);
    if (json) {
      io.stdout(JSON.stringify(result, null, 2));
      return;
    }
    if (result.hits.length === 0) {
      io.stdout(`No customer matches "${query}" (${result.tookMs} ms).`);
      return;
    }
    const rows = result.hits.map(({ customer, matchedIn, excerpt }) => [
      String(customer.id),
      customer.name,
      customer.company ?? '',
      customer.phone ?? '',
      customer.city ?? '',
      excerpt ? `${matchedIn}: ${excerpt}` : matchedIn,
    ]);
    io.stdout(textTable(['ID', 'Name', 'Company', 'Phone', 'City', 'Matched'], rows));
    io.stdout(`${result.hits.length} result(s) in ${result.tookMs} ms.`);
  };
}

/** `customers show <id>`: the whole record (JSON), or its key facts for a person. */
export function parseShow(args: string[]): CliAction {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError(`Name one customer: ${SEARCH_HELP.split('\n')[1]}`);
  const typed = positionals[0]!;
  const id = /^\d+$/.test(typed) ? Number(typed) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new AppError('VALIDATION', `"${typed}" is not a customer id: ids are whole numbers such as 42.`);
  }
  return async (backend, io, json) => {
    const customer = await call<Customer>(backend, 'customers.get', { id });
    if (json) {
      io.stdout(JSON.stringify(customer, null, 2));
      return;
    }
    const settings = await call<Settings>(backend, 'settings.get', {});
    io.stdout(describeCustomer(customer, settings.currency));
  };
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

function describeCustomer(customer: Customer, currency: string): string {
  const { stats } = customer;
  const money = new Intl.NumberFormat('en', { style: 'currency', currency }).format(stats.revenueCents / 100);
  const address = [customer.street, customer.city, customer.province, customer.country, customer.postcode]
    .filter(Boolean)
    .join(', ');
  const phones = customer.phones.map((phone) =>
    phone.e164 && phone.e164 !== phone.value
      ? `${phone.value} (${phone.e164})`
      : `${phone.value}${phone.valid ? '' : ' (not a valid number)'}`,
  );
  const facts: [string, string | null][] = [
    ['Company', [customer.company, customer.jobTitle].filter(Boolean).join(', ') || null],
    ['Emails', customer.emails.join(', ') || null],
    ['Phones', phones.join(', ') || null],
    ['WeChat', customer.wechat],
    ['Address', address || null],
    ['Stage', customer.stage],
    ['Source', customer.source],
    ['Tags', customer.tags.map((tag) => tag.name).join(', ') || null],
    ['Revenue', `${money} from ${stats.orderCount} paid order(s)`],
    ['First order', day(stats.firstOrderAt)],
    ['Last order', day(stats.lastOrderAt)],
    ['Last contact', day(stats.lastContactAt)],
    ['Birthday', customer.birthday],
    ['Consent', customer.consent],
    ['Notes', customer.notes],
    ['Created', day(customer.createdAt)],
    ['In trash since', day(customer.deletedAt)],
  ];
  const shown = facts.filter((fact): fact is [string, string] => fact[1] !== null);
  const width = Math.max(...shown.map(([label]) => label.length)) + 1;
  const lines = shown.map(
    ([label, value]) =>
      `  ${`${label}:`.padEnd(width)}  ${value.replace(/\n/g, `\n  ${' '.repeat(width)}  `)}`,
  );
  return [`#${customer.id} ${customer.name}`, ...lines].join('\n');
}
