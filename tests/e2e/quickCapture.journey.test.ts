import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../src-shared/contract';
import { fieldMessage, runJourney, see } from '../support/journey';

/**
 * Quick capture through the real UI and the real web door, in a window the size of the desktop's
 * quick-capture one: no sidebar; Save with no customer is refused at the customer field; a WeChat
 * conversation with a note and a follow-up date is saved as a conversation and a follow-up titled
 * from the note; "Log another" clears the form; Esc goes back to the customer page, whose timeline
 * shows the conversation.
 */

interface TaskRow {
  title: string;
  customerId: number | null;
  dueDate: string;
  dueTime: string | null;
}

const pad = (value: number) => String(value).padStart(2, '0');
const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

describe('quick capture journey (web door, Chromium)', () => {
  it('refuses a missing customer, logs a conversation with its follow-up, and the timeline shows it', async () => {
    const options = {
      name: 'quick-capture-journey-failure',
      locale: 'en-US',
      viewport: { width: 420, height: 520 },
    };
    await runJourney(options, async ({ page, door, call, problems }) => {
      const customer = await call<{ id: number }>('customers.create', { name: 'Li Na', company: 'Peak Tea' });
      const now = new Date();
      const due = dayOf(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 2));

      // (1) From the customer's page to the capture page: a compact form without the sidebar.
      await page.goto(`${door.url}#/customers/${customer.id}`);
      await see(page.getByRole('heading', { name: 'Li Na' }));
      await page.goto(`${door.url}#/capture`);
      await see(page.getByRole('heading', { name: 'Quick log' }));
      expect(await page.getByRole('navigation', { name: 'Main navigation' }).count()).toBe(0);
      const picker = page.getByRole('combobox', { name: 'Customer' });
      // The window opens to type into: the customer box has the focus.
      await expect
        .poll(() => page.evaluate<string>("document.activeElement?.getAttribute('name') ?? ''"))
        .toBe('customerId');

      // (2) Bad input: no customer, named at its field; nothing is sent.
      await page.getByLabel('Note').fill('Sent the spring price list\nShe wants samples of the oolong');
      await page.getByRole('button', { name: 'Save' }).click();
      expect(await fieldMessage(picker)).toBe('Choose a customer');
      const logged = () =>
        call<{ items: TimelineItem[] }>('customers.timeline', {
          customerId: customer.id,
          kinds: ['conversation'],
        });
      expect((await logged()).items).toHaveLength(0);

      // (3) A customer, WeChat, the note and a follow-up day and time: saved.
      await picker.fill('Li');
      await page.getByRole('option', { name: /Li Na/ }).click();
      await page.getByLabel('Channel').selectOption({ label: 'WeChat' });
      await page.getByLabel('Due day').fill(due);
      await page.getByLabel('Time (optional)').fill('10:30');
      await page.getByRole('button', { name: 'Save' }).click();
      const saved = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Saved' }) });
      await see(saved.getByText('Conversation logged (WeChat).'));
      await see(saved.getByText(/^Follow-up “Sent the spring price list” due /));

      // (4) Both records exist, seen by another client of the same backend.
      const { items } = await logged();
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        kind: 'conversation',
        conversation: {
          kind: 'wechat',
          direction: 'outbound',
          body: 'Sent the spring price list\nShe wants samples of the oolong',
        },
      });
      const tasks = await call<TaskRow[]>('tasks.list', { customerId: customer.id });
      expect(
        tasks.map(({ title, customerId, dueDate, dueTime }) => ({ title, customerId, dueDate, dueTime })),
      ).toEqual([
        { title: 'Sent the spring price list', customerId: customer.id, dueDate: due, dueTime: '10:30' },
      ]);

      // (5) "Log another" brings back a blank form.
      await saved.getByRole('button', { name: 'Log another' }).click();
      await see(picker);
      expect(await picker.inputValue()).toBe('');
      expect(await page.getByLabel('Note').inputValue()).toBe('');
      expect(await page.getByLabel('Due day').inputValue()).toBe('');

      // (6) Esc goes back (in a browser; the desktop's window closes), to the customer's timeline.
      await page.keyboard.press('Escape');
      const timeline = page.getByRole('list', { name: 'Timeline' });
      const entry = timeline.getByRole('listitem').filter({ hasText: 'She wants samples of the oolong' });
      await see(entry);
      await see(entry.getByText('WeChat'));
      expect(new URL(page.url()).hash).toBe(`#/customers/${customer.id}`);

      expect(problems).toEqual([]);
    });
  }, 90_000);
});
