import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fieldMessage, runJourney, see, SEEN_WITHIN_MS, seeNoMore } from '../support/journey';

/**
 * Follow-ups through the real UI and the real web door, whose scheduler delivers the reminders: a
 * daily follow-up due in under a minute is created on Today (after a reminder set after its due
 * time is refused at its field), its reminder appears as an in-page notice, it is snoozed a few
 * seconds from the row's snooze dialog, comes back, is done from the notice, and the next day's
 * occurrence shows up on Today and on the customer's page. Then a follow-up is edited from its row
 * (Today, the customer's card), and an emptied title is refused naming the field, in both languages.
 */

interface TaskRow {
  id: number;
  title: string;
  dueDate: string;
  doneAt: string | null;
}

const POLL = { timeout: SEEN_WITHIN_MS };
/** The due time is on the minute; the reminder fires then, at most this long after the form is saved. */
const REMINDER_WITHIN_MS = 90_000;
/** The form needs a few seconds to fill: the due minute is at least this far ahead. */
const LEAD_MS = 20_000;

const pad = (value: number) => String(value).padStart(2, '0');
const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
const timeOf = (date: Date) => `${pad(date.getHours())}:${pad(date.getMinutes())}`;
const localInput = (date: Date, seconds = false) =>
  `${dayOf(date)}T${timeOf(date)}${seconds ? `:${pad(date.getSeconds())}` : ''}`;

/** The first whole minute at least LEAD_MS from now: the due time (and so the reminder). */
function dueMinute(): Date {
  const due = new Date(Date.now() + LEAD_MS + 60_000);
  due.setSeconds(0, 0);
  return due.getTime() - Date.now() - 60_000 >= LEAD_MS ? new Date(due.getTime() - 60_000) : due;
}

const notice = (page: Page, title: string) =>
  page.getByRole('region', { name: 'Reminders' }).getByRole('group', { name: title, exact: true });

describe('follow-ups journey (web door, Chromium)', () => {
  it('reminds on time, is snoozed, reminds again, is done, and the next occurrence shows on Today', async () => {
    const options = { name: 'followups-journey-failure', locale: 'en-US' };
    await runJourney(options, async ({ page, door, call, problems }) => {
      const customer = await call<{ id: number }>('customers.create', { name: 'Li Na', company: 'Peak Tea' });
      const title = 'Call Li Na about the spring order';

      // (1) Today starts empty; "New follow-up" opens the quick form.
      await page.goto(`${door.url}#/today`);
      const todaySection = page.getByRole('region', { name: 'Today', exact: true });
      await see(todaySection.getByText('Nothing due today.'));
      await page.getByRole('button', { name: 'New follow-up' }).click();
      const form = page.getByRole('dialog', { name: 'New follow-up' });
      const due = dueMinute();
      await form.getByLabel('What to do').fill(title);
      await form.getByRole('combobox', { name: 'Customer' }).fill('Li');
      await form.getByRole('option', { name: /Li Na/ }).click();
      await form.getByLabel('Due day').fill(dayOf(due));
      await form.getByLabel('Time (optional)').fill(timeOf(due));
      await form.getByLabel('Repeat', { exact: true }).selectOption({ label: 'Daily' });

      // (2) Bad input: a weekly repeat on no day, then a reminder after the due time, each named at its field.
      await form.getByLabel('Repeat', { exact: true }).selectOption({ label: 'Weekly' });
      await form.getByRole('checkbox', { name: /^[A-Z][a-z]{2}$/, checked: true }).uncheck();
      await form.getByRole('button', { name: 'Save' }).click();
      await see(form.getByText('Choose at least one day'));
      await form.getByLabel('Repeat', { exact: true }).selectOption({ label: 'Daily' });
      await form.getByLabel('Reminder').selectOption({ label: 'At a time I choose' });
      await form.getByLabel('Remind me at').fill(localInput(new Date(due.getTime() + 5 * 60_000)));
      await form.getByRole('button', { name: 'Save' }).click();
      const remindAt = form.getByLabel('Remind me at');
      await expect
        .poll(() => fieldMessage(remindAt, form), POLL)
        .toBe('The reminder must come before the due time');
      expect(await call<TaskRow[]>('tasks.list', {})).toHaveLength(0);

      // (3) With the default reminder (the due time) it saves, and Today lists it with its repeat.
      await form.getByLabel('Reminder').selectOption('default');
      await form.getByRole('button', { name: 'Save' }).click();
      await see(page.getByText(`Follow-up added: ${title}`));
      const row = todaySection.getByRole('listitem', { name: title });
      await see(row.getByText('Repeats daily'));
      await see(row.getByRole('link', { name: 'Li Na' }));
      await see(page.getByRole('link', { name: /^Today.*1 due/ }));

      // (4) On the minute, the web door's scheduler pushes the reminder: an in-page notice.
      await notice(page, title).waitFor({ state: 'visible', timeout: REMINDER_WITHIN_MS });
      await see(notice(page, title).getByText(/Li Na · /));

      // (5) Its time has come, so it is overdue now; snoozed from its row to a few seconds from now,
      // the notice goes, then comes back.
      const overdue = page.getByRole('region', { name: 'Overdue', exact: true });
      await see(overdue.getByRole('listitem', { name: title }));
      await overdue.getByRole('listitem', { name: title }).getByRole('button', { name: 'Snooze…' }).click();
      const snooze = page.getByRole('dialog', { name: `Snooze “${title}”` });
      await snooze.getByLabel('Or at').fill(localInput(new Date(Date.now() + 6_000), true));
      await snooze.getByRole('button', { name: 'Snooze until then' }).click();
      await see(page.getByText(new RegExp(`^Snoozed until .*: ${title}$`)));
      await seeNoMore(notice(page, title));
      await notice(page, title).waitFor({ state: 'visible', timeout: 30_000 });

      // (6) Done from the notice: the next day's occurrence appears under Next 7 days, marked.
      await notice(page, title).getByRole('button', { name: 'Done' }).click();
      await see(page.getByText(new RegExp(`^Done: ${title}\\. The next one is due `)));
      await seeNoMore(notice(page, title));
      const upcoming = page.getByRole('region', { name: 'Next 7 days' });
      const next = upcoming.getByRole('listitem', { name: title });
      await see(next.getByText('Next occurrence'));
      await see(next.getByText(/^Tomorrow · /));
      await see(overdue.getByText('Nothing overdue.'));
      const tasks = await call<TaskRow[]>('tasks.list', { status: 'all' });
      const tomorrow = new Date(due.getFullYear(), due.getMonth(), due.getDate() + 1);
      expect(tasks.map((task) => [task.dueDate, task.doneAt !== null])).toEqual(
        expect.arrayContaining([
          [dayOf(due), true],
          [dayOf(tomorrow), false],
        ]),
      );

      // (7) The customer's page lists the open one, and keeps a cadence with its next due day.
      await next.getByRole('link', { name: 'Li Na' }).click();
      const card = page.getByRole('region', { name: 'Follow-ups', exact: true });
      await see(card.getByRole('listitem', { name: title }));
      await card.getByLabel('Keep in touch every … days').fill('0');
      await card.getByRole('button', { name: 'Save' }).click();
      const cadence = card.getByLabel('Keep in touch every … days');
      expect(await fieldMessage(cadence, card)).toBe('A whole number of days from 1 to 3650');
      await cadence.fill('30');
      await card.getByRole('button', { name: 'Save' }).click();
      await see(card.getByText(/^Next contact due /));
      expect(await call<{ everyDays: number }>('keepInTouch.get', { customerId: customer.id })).toMatchObject(
        {
          everyDays: 30,
        },
      );

      expect(problems).toEqual([]);
    });
  }, 150_000);

  it('edits a follow-up from its row: title and priority saved and shown; an empty title is refused, naming the field', async () => {
    const options = { name: 'followups-edit-journey-failure', locale: 'en-US' };
    await runJourney(options, async ({ page, door, call, problems }) => {
      const customer = await call<{ id: number }>('customers.create', { name: 'Li Na' });
      const today = dayOf(new Date());
      const task = await call<TaskRow>('tasks.create', {
        title: 'Send the price list',
        customerId: customer.id,
        dueDate: today,
        rrule: 'FREQ=WEEKLY;BYDAY=MO,TH',
      });
      // User text is text: markup in a title is shown as typed, never run as HTML.
      const title = 'Send Li Na the <b>new</b> price list';

      // (1) On Today, a click on the title opens the edit dialog, filled in, with the series hint.
      await page.goto(`${door.url}#/today`);
      const todaySection = page.getByRole('region', { name: 'Today', exact: true });
      await todaySection.getByRole('button', { name: 'Send the price list' }).click();
      const form = page.getByRole('dialog', { name: 'Edit “Send the price list”' });
      await see(form.getByText(/^This follow-up repeats\. Changes apply to this occurrence/));
      expect(await form.getByLabel('What to do').inputValue()).toBe('Send the price list');
      expect(await form.getByLabel('Repeat', { exact: true }).inputValue()).toBe('weekly');

      // (2) An empty title is refused at its field, naming it, and nothing is saved.
      await form.getByLabel('What to do').fill('   ');
      await form.getByLabel('Priority').selectOption({ label: 'High priority' });
      await form.getByRole('button', { name: 'Save' }).click();
      const titleField = form.getByLabel('What to do');
      await expect.poll(() => fieldMessage(titleField, form), POLL).toBe('“What to do” cannot be empty');
      expect(await call('tasks.get', { id: task.id })).toMatchObject({
        title: 'Send the price list',
        priority: 'normal',
      });

      // (3) A new title and priority save; Today shows both, and the rule is the same.
      await titleField.fill(title);
      await form.getByRole('button', { name: 'Save' }).click();
      await see(page.getByText(`Saved: ${title}`, { exact: true }));
      await seeNoMore(form);
      const row = todaySection.getByRole('listitem', { name: title });
      await see(row.getByText('High priority'));
      await see(row.getByText(/^Weekly on /));
      expect(await page.locator('b', { hasText: 'new' }).count()).toBe(0);
      expect(await call('tasks.get', { id: task.id })).toMatchObject({
        title,
        priority: 'high',
        rrule: 'FREQ=WEEKLY;BYDAY=MO,TH',
      });

      // (4) The customer's card opens the same dialog for the same task.
      await row.getByRole('link', { name: 'Li Na' }).click();
      const card = page.getByRole('region', { name: 'Follow-ups', exact: true });
      await card.getByRole('button', { name: title }).click();
      const again = page.getByRole('dialog', { name: `Edit “${title}”` });
      await see(again);
      await again.getByRole('button', { name: 'Cancel' }).click();
      await seeNoMore(again);

      // (5) So does a deal's card, over the deal's own dialog: the notes change there.
      const deal = await call<{ id: number }>('deals.create', {
        customerId: customer.id,
        title: 'Spring order',
        valueCents: 120_000,
      });
      const onDeal = await call<TaskRow>('tasks.create', {
        title: 'Confirm the spring order',
        dealId: deal.id,
        customerId: customer.id,
        dueDate: today,
      });
      await page.goto(`${door.url}#/today`);
      await todaySection.getByRole('button', { name: 'Deal: Spring order' }).click();
      const dealCard = page.getByRole('dialog').getByRole('region', { name: 'Follow-ups', exact: true });
      await dealCard.getByRole('button', { name: 'Confirm the spring order' }).click();
      const dealForm = page.getByRole('dialog', { name: 'Edit “Confirm the spring order”' });
      await see(dealForm.getByText('For Li Na · deal “Spring order”'));
      await dealForm.getByLabel('Notes').fill('Ask about <script>alert(1)</script> delivery');
      await dealForm.getByRole('button', { name: 'Save' }).click();
      await see(page.getByText('Saved: Confirm the spring order', { exact: true }));
      expect(await call('tasks.get', { id: onDeal.id })).toMatchObject({
        notes: 'Ask about <script>alert(1)</script> delivery',
        title: 'Confirm the spring order',
      });

      expect(problems).toEqual([]);
    });
  }, 60_000);

  it('in Chinese, an emptied title is refused with the message naming the field', async () => {
    const options = { name: 'followups-edit-zh-journey-failure', locale: 'zh-CN' };
    await runJourney(options, async ({ page, door, call, problems }) => {
      const task = await call<TaskRow>('tasks.create', { title: '回访张三', dueDate: dayOf(new Date()) });
      await page.goto(`${door.url}#/today`);
      await page.getByRole('button', { name: '回访张三' }).click();
      const form = page.getByRole('dialog', { name: '编辑「回访张三」' });
      await form.getByLabel('要做什么').fill('');
      await form.getByRole('button', { name: '保存' }).click();
      await expect
        .poll(() => fieldMessage(form.getByLabel('要做什么'), form), POLL)
        .toBe('「要做什么」不能为空');
      expect(await call('tasks.get', { id: task.id })).toMatchObject({ title: '回访张三' });
      expect(problems).toEqual([]);
    });
  }, 60_000);
});
