import { parseArgs } from 'node:util';
import {
  DEAL_OUTCOMES,
  DEAL_STATUSES,
  type ChannelOutput,
  type Deal,
  type DealForecast,
} from '../../src-shared/contract';
import { dealCurrency, dealIdArg, findStage, listStages, readDealValue } from './dealValues';
import { printDeal, printDeals, printForecast } from './dealsOutput';
import { callNaming, checkInput, defined, numberFlag, UsageError, type CliAction } from './io';

export const DEALS_HELP = `solocrm deals add --customer ID --title TITLE --value AMOUNT [--currency CODE] [--stage STAGE]
    [--probability N] [--expected-close YYYY-MM-DD] [--source S] [--json]
solocrm deals move ID STAGE [--json]
solocrm deals close ID won|lost [--reason KEY] [--on YYYY-MM-DD] [--create-order] [--json]
solocrm deals list [--status open,won,lost] [--stage STAGE,...] [--json]
solocrm deals forecast [--stale-days N] [--json]
    STAGE: a stage's id, built-in key (lead, qualified, proposal, negotiation, contract) or name`;

/** The contract's field names as the flags a person typed. */
const FLAGS: Record<string, string> = {
  customerId: 'customer',
  valueCents: 'value',
  stageId: 'stage',
  expectedClose: 'expected-close',
  lostReason: 'reason',
  closedOn: 'on',
  createOrder: 'create-order',
  statuses: 'status',
  stageIds: 'stage',
  staleDays: 'stale-days',
};
/** `statuses.1` is the second entry of `--status`. */
const flagOf = (path: string) => FLAGS[path.split('.')[0]!] ?? path;

const commaList = (value: string | undefined) =>
  value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** `solocrm deals …`: the pipeline from a terminal, through the same channels as the board. */
export function parseDealsCommand(args: string[]): CliAction {
  const [sub, ...rest] = args;
  if (sub === 'add') return parseAdd(rest);
  if (sub === 'move') return parseMove(rest);
  if (sub === 'close') return parseClose(rest);
  if (sub === 'list') return parseList(rest);
  if (sub === 'forecast') return parseForecast(rest);
  throw new UsageError(`Unknown deals command "${sub ?? ''}".\n${DEALS_HELP}`);
}

function parseAdd(args: string[]): CliAction {
  const { values } = parseArgs({
    args,
    options: {
      customer: { type: 'string' },
      title: { type: 'string' },
      value: { type: 'string' },
      currency: { type: 'string' },
      stage: { type: 'string' },
      probability: { type: 'string' },
      'expected-close': { type: 'string' },
      source: { type: 'string' },
    },
    strict: true,
  });
  const value = values.value === undefined ? undefined : readDealValue(values.value);
  const input = defined({
    customerId: numberFlag(values.customer),
    title: values.title,
    valueCents: value?.cents,
    currency: dealCurrency(values.currency, value?.currency ?? null),
    probability: numberFlag(values.probability),
    expectedClose: values['expected-close'],
    source: values.source,
  });
  checkInput('deals.create', input, flagOf);
  return async (backend, io, json) => {
    // The stage is looked up by name, so it is the one check that needs the database.
    const stageId =
      values.stage === undefined ? undefined : findStage(await listStages(backend), values.stage, 'stage').id;
    const deal = await callNaming<Deal>(
      backend,
      'deals.create',
      { ...input, ...defined({ stageId }) },
      flagOf,
    );
    printDeal(io, json, deal, `Created deal #${deal.id}`, await listStages(backend));
  };
}

function parseMove(args: string[]): CliAction {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length !== 2)
    throw new UsageError(`Name the deal and the stage: ${DEALS_HELP.split('\n')[2]}`);
  const id = dealIdArg(positionals[0]);
  const typedStage = positionals[1]!;
  return async (backend, io, json) => {
    const stages = await listStages(backend);
    const stage = findStage(stages, typedStage, 'stage');
    const deal = await callNaming<Deal>(backend, 'deals.move', { id, stageId: stage.id }, flagOf);
    printDeal(io, json, deal, `Moved deal #${deal.id}`, stages);
  };
}

function parseClose(args: string[]): CliAction {
  const { values, positionals } = parseArgs({
    args,
    options: { reason: { type: 'string' }, on: { type: 'string' }, 'create-order': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const [typedId, outcome, ...extra] = positionals;
  if (!outcome || extra.length > 0 || !(DEAL_OUTCOMES as readonly string[]).includes(outcome)) {
    throw new UsageError(`Say how the deal ended, won or lost: ${DEALS_HELP.split('\n')[3]}`);
  }
  const input = defined({
    id: dealIdArg(typedId),
    outcome,
    lostReason: values.reason,
    closedOn: values.on,
    createOrder: values['create-order'],
  });
  checkInput('deals.close', input, flagOf);
  return async (backend, io, json) => {
    const result = await callNaming<ChannelOutput<'deals.close'>>(backend, 'deals.close', input, flagOf);
    const order = result.orderId === null ? '' : `; order #${result.orderId} recorded`;
    const headline = `Deal #${result.deal.id} ${outcome}${order}`;
    printDeal(io, json, result.deal, headline, await listStages(backend), result);
  };
}

function parseList(args: string[]): CliAction {
  const { values } = parseArgs({
    args,
    options: { status: { type: 'string' }, stage: { type: 'string' } },
    strict: true,
  });
  const statuses = commaList(values.status);
  for (const status of statuses ?? []) {
    if (!(DEAL_STATUSES as readonly string[]).includes(status)) {
      throw new UsageError(`--status takes ${DEAL_STATUSES.join(', ')} (comma-separated), not "${status}".`);
    }
  }
  const typedStages = commaList(values.stage);
  return async (backend, io, json) => {
    const stages = await listStages(backend);
    const stageIds = typedStages?.map((typed) => findStage(stages, typed, 'stage').id);
    const result = await callNaming<ChannelOutput<'deals.list'>>(
      backend,
      'deals.list',
      defined({ statuses, stageIds }),
      flagOf,
    );
    if (json) io.stdout(JSON.stringify(result, null, 2));
    else printDeals(io, result, stages);
  };
}

function parseForecast(args: string[]): CliAction {
  const { values } = parseArgs({ args, options: { 'stale-days': { type: 'string' } }, strict: true });
  const input = defined({ staleDays: numberFlag(values['stale-days']) });
  checkInput('deals.forecast', input, flagOf);
  return async (backend, io, json) => {
    const forecast = await callNaming<DealForecast>(backend, 'deals.forecast', input, flagOf);
    if (json) io.stdout(JSON.stringify(forecast, null, 2));
    else printForecast(io, forecast, await listStages(backend));
  };
}
