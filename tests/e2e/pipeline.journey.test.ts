import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fieldMessage, runJourney, see, SEEN_WITHIN_MS, seeNoMore } from '../support/journey';

/**
 * The sales pipeline through the real UI and the real web door: a deal created from a customer's
 * page (after a negative value is refused at its field), dragged across two stages with the mouse,
 * won onto Won with its order, then seen in the forecast and on the customer's timeline; and a
 * second deal moved with the keyboard only (shortcuts and the "Move…" dialog).
 */

interface DealRow {
  id: number;
  stageId: number;
  status: string;
  orderId: number | null;
}
interface StageRow {
  id: number;
  key: string | null;
}

/** Waiting as long as `see` does: on a busy machine the page answers later, never wrongly. */
const POLL = { timeout: SEEN_WITHIN_MS };

/** A board column, found the way a screen reader finds it: the region named by its heading. */
const column = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const card = (scope: Page | Locator, title: string) =>
  scope.getByRole('article', { name: new RegExp(`^${title}[,，]`) });

/** The first day of the month after this one, as the date input wants it. */
function nextMonthDay(): string {
  const now = new Date();
  const next = new Date(now.getFullYear(), now.getMonth() + 1, 15);
  return `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-15`;
}

/** The keyboard's focus is on the card of `title` (a screen reader would announce it). */
async function seeFocusOn(page: Page, title: string): Promise<void> {
  await expect
    .poll(() => page.evaluate<string>("document.activeElement?.getAttribute('aria-label') ?? ''"), POLL)
    .toMatch(new RegExp(`^${title}[,，]`));
}

async function dragCard(page: Page, title: string, target: Locator): Promise<void> {
  // A real HTML5 drag: mouse down on the card, moves over the target, mouse up (Playwright's dragAndDrop).
  await card(page, title).dragTo(target, { targetPosition: { x: 60, y: 40 }, timeout: SEEN_WITHIN_MS });
}

describe('pipeline journey (web door, Chromium)', () => {
  it('creates a deal from a customer, drags it to Won with its order, and moves another by keyboard', async () => {
    const options = { name: 'pipeline-journey-failure', locale: 'en-US' };
    await runJourney(options, async ({ page, door, call }) => {
      const customer = await call<{ id: number }>('customers.create', {
        name: 'Wang Fang',
        company: 'Harbor Tea Co',
      });
      const stages = await call<StageRow[]>('dealStages.list', {});
      const stageId = (key: string) => stages.find((stage) => stage.key === key)!.id;

      // (1) The customer's page: the Deals card says there are none and offers "New deal".
      await page.goto(`${door.url}#/customers/${customer.id}`);
      const dealsCard = page.getByRole('region', { name: 'Deals', exact: true });
      await see(dealsCard.getByText('No deals with this customer yet.'));
      await dealsCard.getByRole('button', { name: 'New deal' }).click();
      const form = page.getByRole('dialog', { name: 'New deal' });
      await see(form.getByText('For Wang Fang'));
      await form.getByLabel('Title').fill('Tea shop fit-out');
      await form.getByLabel('Value').fill('-120');
      await form.getByLabel('Expected close').fill(nextMonthDay());

      // (2) A negative value is refused at its field, in words, and nothing is saved.
      await form.getByRole('button', { name: 'Save' }).click();
      const value = form.getByLabel('Value');
      expect(await fieldMessage(value, form)).toBe('The value cannot be negative');
      expect((await call<{ total: number }>('deals.list', {})).total).toBe(0);
      await value.fill('12,000');
      await form.getByRole('button', { name: 'Save' }).click();
      await see(page.getByText('Deal added: Tea shop fit-out'));
      await see(dealsCard.getByRole('button', { name: 'Tea shop fit-out' }));

      // (3) The board: the deal sits in Lead; two drags carry it to Qualified, then to Proposal.
      await page.getByRole('link', { name: 'Pipeline', exact: true }).click();
      await see(card(column(page, 'Lead'), 'Tea shop fit-out'));
      await see(column(page, 'Lead').getByText(/CN¥12,000\.00 · weighted CN¥1,200\.00/));
      await dragCard(page, 'Tea shop fit-out', column(page, 'Qualified'));
      await see(card(column(page, 'Qualified'), 'Tea shop fit-out'));
      await dragCard(page, 'Tea shop fit-out', column(page, 'Proposal'));
      await see(card(column(page, 'Proposal'), 'Tea shop fit-out'));
      await expect
        .poll(async () => (await call<{ deals: DealRow[] }>('deals.list', {})).deals[0]?.stageId, POLL)
        .toBe(stageId('proposal'));
      await see(column(page, 'Proposal').getByText(/weighted CN¥6,000\.00/));

      // (4) Dropped on Won: the close dialog, order checked by default; saving wins it with its order.
      await dragCard(page, 'Tea shop fit-out', page.getByRole('region', { name: 'Won', exact: true }));
      const close = page.getByRole('dialog', { name: 'Mark “Tea shop fit-out” as won' });
      await see(close);
      const createOrder = close.getByLabel(/Create the matching order \(CN¥12,000\.00, paid\)/);
      expect(await createOrder.isChecked()).toBe(true);
      await close.getByRole('button', { name: 'Save' }).click();
      await see(page.getByText('Won: Tea shop fit-out. The order was added to the customer.'));
      await expect.poll(async () => card(page, 'Tea shop fit-out').count(), POLL).toBe(0);
      const won = await call<{ deals: DealRow[] }>('deals.list', { statuses: ['won'] });
      expect(won.deals).toHaveLength(1);
      expect(won.deals[0]!.orderId).not.toBeNull();

      // (5) The forecast counts it as this month's won revenue; the model says why it is not learning.
      await page.getByRole('link', { name: 'Forecast', exact: true }).click();
      const months = page.getByRole('region', { name: 'Won and expected revenue' });
      await months.getByText('Show the numbers').click();
      await see(months.getByRole('cell', { name: 'CN¥12,000.00' }));
      await see(page.getByText(/Stage defaults are used because only 1 deals are closed so far/));

      // (6) The customer's timeline: the order, the deal's creation, its moves and its win.
      await page.goto(`${door.url}#/customers/${customer.id}`);
      await see(page.getByText('Deal “Tea shop fit-out” won (CN¥12,000.00)'));
      await see(page.getByText('Deal “Tea shop fit-out” moved from Lead to Qualified'));
      await see(page.getByText('Deal “Tea shop fit-out” moved from Qualified to Proposal'));
      await see(page.getByText(/Deal “Tea shop fit-out” \(CN¥12,000\.00\) created in Lead/));
      await see(page.locator('.timeline-order').getByText(/CN¥12,000\.00/));

      // (7) The keyboard only: focus a card, Alt+→ and ] move it two stages on, the dialog one more.
      await call('deals.create', { customerId: customer.id, title: 'Gift boxes', valueCents: 300_000 });
      await page.getByRole('link', { name: 'Pipeline', exact: true }).click();
      const gift = card(column(page, 'Lead'), 'Gift boxes');
      await see(gift);
      await gift.focus();
      await page.keyboard.press('Alt+ArrowRight');
      await see(card(column(page, 'Qualified'), 'Gift boxes'));
      // The focus follows the card to its new column, so the next key moves it again.
      await seeFocusOn(page, 'Gift boxes');
      await page.keyboard.press(']');
      await see(card(column(page, 'Proposal'), 'Gift boxes'));
      await seeFocusOn(page, 'Gift boxes');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const moveDialog = page.getByRole('dialog', { name: 'Move “Gift boxes”' });
      await see(moveDialog);
      // The focus starts on the next stage: Enter takes it there.
      await page.keyboard.press('Enter');
      await see(card(column(page, 'Negotiation'), 'Gift boxes'));
      await expect
        .poll(async () => {
          const { deals } = await call<{ deals: (DealRow & { title: string })[] }>('deals.list', {});
          return deals.find((deal) => deal.title === 'Gift boxes')?.stageId;
        }, POLL)
        .toBe(stageId('negotiation'));
    });
  }, 60_000);

  it('edits the stages in Settings, sends a removed stage’s deals where asked, and moves deals in bulk', async () => {
    const options = { name: 'pipeline-settings-journey-failure', locale: 'zh-CN' };
    await runJourney(options, async ({ page, door, call }) => {
      const customer = await call<{ id: number }>('customers.create', { name: '李娜' });
      for (const title of ['茶叶礼盒', '年会定制']) {
        await call('deals.create', { customerId: customer.id, title, valueCents: 500_000 });
      }
      const stagesNow = () => call<(StageRow & { label: string | null })[]>('dealStages.list', {});
      const id = async (key: string) => (await stagesNow()).find((stage) => stage.key === key)!.id;
      const negotiation = await id('negotiation');
      const proposal = await id('proposal');

      // (1) Rename a built-in stage; its default probability stays.
      await page.goto(`${door.url}#/settings`);
      const section = page.getByRole('region', { name: '销售阶段' });
      await section.getByLabel('第 2 个销售阶段的名称').fill('需求调研');
      await section.getByRole('listitem').nth(1).getByRole('button', { name: '保存' }).click();
      await see(page.getByText('销售流程已保存'));
      await expect.poll(async () => (await stagesNow())[1]?.label, POLL).toBe('需求调研');

      // (2) Removing 初步接触, which holds both deals, first asks where they go.
      await section.getByRole('button', { name: '删除 初步接触' }).click();
      const ask = page.getByRole('dialog', { name: '删除阶段 初步接触？' });
      await see(ask.getByText('初步接触 中还有 2 个进行中的机会。请选择它们要移到的阶段。'));
      await ask.getByLabel('将机会移到').selectOption({ label: '方案报价' });
      await ask.getByRole('button', { name: '移动机会并删除' }).click();
      await seeNoMore(section.getByLabel('第 5 个销售阶段的名称'));
      expect((await stagesNow()).map((stage) => stage.key)).not.toContain('lead');
      const moved = await call<{ deals: DealRow[] }>('deals.list', {});
      expect(moved.deals.map((deal) => deal.stageId)).toEqual([proposal, proposal]);

      // (3) The list: select both, move them to 商务谈判 in one action.
      await page.getByRole('link', { name: '销售机会', exact: true }).click();
      await page.getByRole('checkbox', { name: '选择 茶叶礼盒' }).check();
      await page.getByRole('checkbox', { name: '选择 年会定制' }).check();
      const bulk = page.getByRole('toolbar', { name: '对所选机会的操作' });
      await see(bulk.getByText('已选 2 个'));
      await bulk.getByRole('button', { name: '移到阶段…' }).click();
      const pick = page.getByRole('dialog', { name: '移到阶段…' });
      await pick.getByLabel('阶段').selectOption({ label: '商务谈判' });
      await pick.getByRole('button', { name: '移动' }).click();
      await see(page.getByText('已移动 2 个机会'));
      await expect
        .poll(
          async () => (await call<{ deals: DealRow[] }>('deals.list', {})).deals.map((d) => d.stageId),
          POLL,
        )
        .toEqual([negotiation, negotiation]);

      // (4) The board follows: the renamed column, no 初步接触, both cards under 商务谈判.
      await page.getByRole('link', { name: '销售看板', exact: true }).click();
      await see(column(page, '需求调研'));
      await see(card(column(page, '商务谈判'), '茶叶礼盒'));
      await see(card(column(page, '商务谈判'), '年会定制'));
      expect(await column(page, '初步接触').count()).toBe(0);
    });
  }, 60_000);
});
