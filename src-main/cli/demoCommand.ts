import { parseArgs } from 'node:util';
import type { ChannelOutput } from '../../src-shared/contract';
import { call, checkInput, numberFlag, UsageError, type CliAction } from './io';

export const DEMO_HELP = `solocrm demo --customers N [--orders-per-customer K] [--seed S] [--json]`;

const FLAGS: Record<string, string> = {
  customers: 'customers',
  ordersPerCustomer: 'orders-per-customer',
  seed: 'seed',
};

/** `solocrm demo`: fills an empty database with seeded demo data (refused when customers exist). */
export function parseDemoCommand(args: string[]): CliAction {
  const { values } = parseArgs({
    args,
    options: {
      customers: { type: 'string' },
      'orders-per-customer': { type: 'string' },
      seed: { type: 'string' },
    },
    strict: true,
  });
  if (values.customers === undefined) throw new UsageError(`--customers N is required.\n${DEMO_HELP}`);
  const input = Object.fromEntries(
    Object.entries({
      customers: numberFlag(values.customers),
      ordersPerCustomer: numberFlag(values['orders-per-customer']),
      seed: numberFlag(values.seed),
    }).filter(([, value]) => value !== undefined),
  );
  checkInput('demo.load', input, (path) => FLAGS[path] ?? path);
  return async (backend, io, json) => {
    const started = performance.now();
    const counts = await call<ChannelOutput<'demo.load'>>(backend, 'demo.load', input);
    const seconds = (performance.now() - started) / 1000;
    if (json) {
      io.stdout(JSON.stringify({ ...counts, seconds: Math.round(seconds * 100) / 100 }, null, 2));
      return;
    }
    const n = (value: number) => value.toLocaleString('en');
    io.stdout(
      `Added ${n(counts.customers)} customers, ${n(counts.orders)} orders, ${n(counts.conversations)} conversations ` +
        `and ${n(counts.feedback)} feedback answers in ${seconds.toFixed(1)} s.`,
    );
  };
}
