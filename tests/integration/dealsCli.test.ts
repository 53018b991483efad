import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput, Deal, DealForecast } from '../../src-shared/contract';
import { backendIn, solocrmIn } from '../support/cliRun';
import { REPO_ROOT, tempDir } from '../support/tempBackend';

type DealList = ChannelOutput<'deals.list'>;

/** A data folder with one customer (#1, 张三 of 华辰贸易), and the CLI bound to it. */
async function withCustomer() {
  const dir = tempDir();
  const solocrm = solocrmIn(dir);
  expect((await solocrm('customers', 'add', '--name', '张三', '--company', '华辰贸易')).code).toBe(0);
  const add = async (...args: string[]) => {
    const run = await solocrm('deals', 'add', '--customer', '1', '--title', '年度采购', ...args, '--json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    return JSON.parse(run.stdout) as Deal;
  };
  const deals = async (...args: string[]) =>
    JSON.parse((await solocrm('deals', 'list', ...args, '--json')).stdout) as DealList;
  return { dir, solocrm, add, deals };
}

describe('solocrm deals add', () => {
  it('prints the new deal with its id, customer, value and stage', async () => {
    const { solocrm } = await withCustomer();
    const run = await solocrm('deals', 'add', '--customer', '1', '--title', 'Tea', '--value', '1234.50');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('Created deal #1: "Tea" for 张三, 华辰贸易 (#1), CN¥1,234.50 in lead (10 %)');
  });

  it.each([
    ['1234.50', [], 123_450, 'CNY'],
    ['1,234.50', [], 123_450, 'CNY'],
    ['¥1,234.50', [], 123_450, 'CNY'],
    ['1,234.50', ['--currency', 'usd'], 123_450, 'USD'],
    ['US$99', [], 9_900, 'USD'],
    ['0', [], 0, 'CNY'],
  ])('reads --value %s %j as %i cents in %s', async (value, more, cents, currency) => {
    const { add } = await withCustomer();
    expect(await add('--value', value, ...more)).toMatchObject({ valueCents: cents, currency });
  });

  it('puts the deal in the stage named by key, by the owner’s label or by id, with the other fields', async () => {
    const { dir, add } = await withCustomer();
    const backend = backendIn(dir);
    const stages = await backend<{ id: number; key: string }[]>('dealStages.list');
    const negotiation = stages.find((stage) => stage.key === 'negotiation')!.id;
    await backend('dealStages.update', { id: negotiation, patch: { label: '商务谈判' } });
    const byKey = await add(
      '--value',
      '10',
      '--stage',
      'Proposal',
      '--probability',
      '35',
      '--source',
      'referral',
    );
    expect(byKey).toMatchObject({ probability: 35, probabilityOverridden: true, source: 'referral' });
    expect(stages.find((stage) => stage.id === byKey.stageId)?.key).toBe('proposal');
    expect((await add('--value', '10', '--stage', '商务谈判')).stageId).toBe(negotiation);
    expect((await add('--value', '10', '--stage', String(negotiation))).stageId).toBe(negotiation);
    expect((await add('--value', '10', '--expected-close', '2099-06-30')).expectedClose).toBe('2099-06-30');
  });
});

describe('solocrm deals add refuses, naming the flag, and adds nothing', () => {
  it.each([
    [
      'a negative value',
      ['--customer', '1', '--title', 'x', '--value=-5'],
      "--value: A deal's value cannot be negative",
    ],
    [
      'a value that is not an amount',
      ['--customer', '1', '--title', 'x', '--value', '12abc'],
      '--value: "12abc" is not an amount',
    ],
    [
      'two currencies',
      ['--customer', '1', '--title', 'x', '--value', '€5', '--currency', 'CNY'],
      '--currency: --value is in EUR',
    ],
    [
      'an unknown stage',
      ['--customer', '1', '--title', 'x', '--value', '5', '--stage', 'Maybe'],
      '--stage: Unknown stage "Maybe"; the stages are lead, qualified',
    ],
    [
      'won as a stage',
      ['--customer', '1', '--title', 'x', '--value', '5', '--stage', 'won'],
      'use solocrm deals close ID won',
    ],
    ['no customer', ['--title', 'x', '--value', '5'], '--customer:'],
    [
      'a customer that does not exist',
      ['--customer', '9', '--title', 'x', '--value', '5'],
      '--customer: Customer 9 does not exist',
    ],
    ['no title', ['--customer', '1', '--value', '5'], '--title:'],
    [
      'an expected close before today',
      ['--customer', '1', '--title', 'x', '--value', '5', '--expected-close', '2001-01-01'],
      '--expected-close: Cannot be before the deal was created',
    ],
  ])('%s', async (_, args, message) => {
    const { solocrm, deals } = await withCustomer();
    const run = await solocrm('deals', 'add', ...args);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
    expect((await deals('--status', 'open,won,lost')).total).toBe(0);
  });
});

describe('solocrm deals move and close', () => {
  it('moves a deal by stage name and closes it as won with its order', async () => {
    const { dir, solocrm, add } = await withCustomer();
    const created = await add('--value', '880');
    const moved = await solocrm('deals', 'move', String(created.id), 'negotiation');
    expect(moved).toMatchObject({ code: 0, stderr: '' });
    expect(moved.stdout).toContain(
      `Moved deal #${created.id}: "年度采购" for 张三, 华辰贸易 (#1), CN¥880.00 in negotiation (70 %)`,
    );
    const closed = await solocrm('deals', 'close', String(created.id), 'won', '--create-order', '--json');
    const result = JSON.parse(closed.stdout) as ChannelOutput<'deals.close'>;
    expect(result).toMatchObject({ deal: { status: 'won', orderId: result.orderId } });
    const customer = await backendIn(dir)<{ stats: { revenueCents: number } }>('customers.get', { id: 1 });
    expect(customer.stats.revenueCents).toBe(88_000);
  });

  it('closes a deal as lost with a reason and a close day, and says so', async () => {
    const { solocrm, add } = await withCustomer();
    const created = await add('--value', '5');
    const today = new Date().toLocaleDateString('sv'); // YYYY-MM-DD on this machine's clock
    const run = await solocrm(
      'deals',
      'close',
      String(created.id),
      'lost',
      '--reason',
      'price',
      '--on',
      today,
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`Deal #${created.id} lost: "年度采购"`);
    expect(run.stdout).toContain(`lost on ${today} (price)`);
  });

  it.each([
    ['won as a stage', (id: number) => ['move', `${id}`, 'Won'], 'use solocrm deals close ID won'],
    ['an unknown stage', (id: number) => ['move', `${id}`, 'nowhere'], '--stage: Unknown stage "nowhere"'],
    ['a deal id that is not a number', () => ['move', 'abc', 'lead'], '"abc" is not a deal id'],
    [
      'lost without a reason',
      (id: number) => ['close', `${id}`, 'lost'],
      '--reason: Say why the deal was lost',
    ],
    [
      'an unknown reason',
      (id: number) => ['close', `${id}`, 'lost', '--reason', 'luck'],
      '--reason: Not a reason',
    ],
    [
      'a close day before creation',
      (id: number) => ['close', `${id}`, 'won', '--on', '2001-01-01'],
      '--on: Cannot be before',
    ],
    [
      'an order for a lost deal',
      (id: number) => ['close', `${id}`, 'lost', '--reason', 'price', '--create-order'],
      '--create-order: Only a won deal',
    ],
  ])('refuses %s with exit code 1, leaving the deal open where it was', async (_, args, message) => {
    const { solocrm, add, deals } = await withCustomer();
    const created = await add('--value', '5');
    const run = await solocrm('deals', ...args(created.id));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect((await deals()).deals).toEqual([
      expect.objectContaining({ id: created.id, status: 'open', stageId: created.stageId }),
    ]);
  });

  it('refuses to move or close a closed deal, saying to reopen it', async () => {
    const { solocrm, add } = await withCustomer();
    const created = await add('--value', '5');
    expect((await solocrm('deals', 'close', `${created.id}`, 'won')).code).toBe(0);
    for (const args of [
      ['move', `${created.id}`, 'lead'],
      ['close', `${created.id}`, 'lost', '--reason', 'price'],
    ]) {
      const run = await solocrm('deals', ...args);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Deal ${created.id} is won; reopen it first`);
    }
  });
});

describe('solocrm deals list and forecast', () => {
  it('lists open deals by default, by status and by stage, as JSON or a table', async () => {
    const { solocrm, add, deals } = await withCustomer();
    const lead = await add('--value', '100');
    const proposal = await add('--value', '200', '--stage', 'proposal');
    const won = await add('--value', '300');
    await solocrm('deals', 'close', `${won.id}`, 'won');
    expect((await deals()).deals.map((deal) => deal.id)).toEqual([lead.id, proposal.id]);
    expect((await deals('--status', 'won')).deals.map((deal) => deal.id)).toEqual([won.id]);
    expect((await deals('--stage', 'proposal,qualified')).deals.map((deal) => deal.id)).toEqual([
      proposal.id,
    ]);
    const table = await solocrm('deals', 'list', '--status', 'open,won');
    const lines = table.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^ID\s+Title\s+Customer\s+Stage\s+Value\s+Probability\s+P\(win\)\s+Expected close\s+Status$/,
    );
    expect(lines).toHaveLength(4);
    expect(table.stdout).toMatch(/^\d+\s+年度采购\s+张三\s+proposal\s+CN¥200\.00\s+50 %\s+–\s+open$/m);
  });

  it('says how to add one when there are no deals, and refuses an unknown status', async () => {
    const { solocrm } = await withCustomer();
    expect((await solocrm('deals', 'list')).stdout).toContain('No deals. Add one with: solocrm deals add');
    const run = await solocrm('deals', 'list', '--status', 'maybe');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--status takes open, won, lost');
  });

  it('prints the forecast: weighted value per month, won by month, win rates and the model status', async () => {
    const { solocrm, add } = await withCustomer();
    const nextMonth = new Date(new Date().getFullYear(), new Date().getMonth() + 1, 15).toLocaleDateString(
      'sv',
    );
    await add('--value', '1000', '--stage', 'proposal', '--expected-close', nextMonth);
    const json = await solocrm('deals', 'forecast', '--json');
    const forecast = JSON.parse(json.stdout) as DealForecast;
    expect(forecast.ahead[1]).toEqual({
      month: nextMonth.slice(0, 7),
      count: 1,
      totalCents: 100_000,
      weightedCents: 50_000,
    });
    expect(forecast.past).toHaveLength(6);
    expect(forecast.winRateByStage).toHaveLength(5);
    expect(forecast.model).toMatchObject({ ok: false, reason: 'too_few_closed' });

    const text = (await solocrm('deals', 'forecast')).stdout;
    expect(text).toMatch(new RegExp(`^${nextMonth.slice(0, 7)}\\s+1\\s+CN¥1,000\\.00\\s+CN¥500\\.00$`, 'm'));
    expect(text).toMatch(/^Stage\s+Reached and closed\s+Won\s+Win rate\s+Days in stage$/m);
    expect(text).toContain(
      'Win probability: stage defaults are used; 0 closed deals (0 won, 0 lost), it needs at least 20 closed deals.',
    );
  });

  it('refuses an unknown deals command with usage (exit code 2)', async () => {
    const run = await solocrmIn(tempDir())('deals', 'archive');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown deals command "archive"');
  });
});

describe('the built bin', () => {
  it('adds and lists a deal through `node out/main/cli.js`', () => {
    const bin = join(REPO_ROOT, 'out', 'main', 'cli.js');
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build\` before this test.`);
    const dataDir = tempDir();
    const run = (...args: string[]) =>
      execFileSync(process.execPath, [bin, ...args, '--data-dir', dataDir], {
        encoding: 'utf8',
        timeout: 30_000,
      });
    run('customers', 'add', '--name', 'Ann');
    const created = JSON.parse(
      run(
        'deals',
        'add',
        '--customer',
        '1',
        '--title',
        'Tea',
        '--value',
        '¥1,234.50',
        '--stage',
        'contract',
        '--json',
      ),
    ) as Deal;
    expect(created).toMatchObject({ id: 1, valueCents: 123_450, probability: 90 });
    const listed = JSON.parse(run('deals', 'list', '--json')) as DealList;
    expect(listed.deals.map((deal) => deal.title)).toEqual(['Tea']);
  });
});
