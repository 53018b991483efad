import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fieldMessage, runJourney, see, SEEN_WITHIN_MS, seeNoMore } from '../support/journey';

/**
 * Follow-ups through the real UI and the real web door, whose scheduler delivers the reminders: a
 * daily follow-up due in under a minute is created on Today (after a reminder set after its due
 * time is refused at its field), its reminder appears as an in-page notice, it is snoozed a few
 * seconds from the row's snooze dialog, comes back, is done from the notice, and the next day's
 * occurrence shows up on Today and on the customer's page.
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
});
