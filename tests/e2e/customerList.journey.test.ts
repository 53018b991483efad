import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runJourney, see, seeNoMore } from '../support/journey';

/**
 * The customer list over a few hundred customers, through the real UI and the real web door:
 * scrolling a virtualized table to its end, sorting, filtering, a saved view that survives a
 * reload, and a bulk change undone from its toast.
 */

const STAGES = ['lead', 'prospect', 'customer', 'loyal', 'at_risk', 'churned'];
const CITIES = ['Shanghai', 'Beijing', 'Hangzhou', 'Shenzhen', 'Chengdu'];
const SEEDED = 250;

/** Member 001..247 plus three names that test the pinyin order (Han sorts before Latin). */
function seedCustomers() {
  const names = Array.from({ length: SEEDED - 3 }, (_, i) => `Member ${String(i + 1).padStart(3, '0')}`);
  names.push('张三', '阿明', 'Zoe Zhang');
  return names.map((name, i) => ({
    name,
    stage: STAGES[i % STAGES.length],
    city: CITIES[i % CITIES.length],
  }));
}

/** Names of the data rows currently rendered, in order. */
async function renderedNames(table: Locator): Promise<string[]> {
  return table.locator('tbody tr:not(.spacer-row):not(.placeholder-row) .row-link').allTextContents();
}

describe('customer list journey (web door, Chromium)', () => {
  it('scrolls, sorts, filters, saves and reopens a view, and undoes a bulk change', async () => {
    const options = { name: 'customer-list-journey-failure', locale: 'en-US' };
    await runJourney(options, async ({ page, door, problems, call }) => {
      // Planted before the page first opens, as if entered in an earlier session.
      const seeds = seedCustomers();
      for (const customer of seeds) await call('customers.create', customer);
      const shanghaiCustomers = seeds
        .filter((customer) => customer.stage === 'customer' && customer.city === 'Shanghai')
        .map((customer) => customer.name);
      const listRequests: { limit: number }[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/rpc/customers.list')) {
          listRequests.push((request.postDataJSON() as { input: { limit: number } }).input);
        }
      });

      // (1) The list opens on the first rows without fetching them all.
      const started = Date.now();
      // The home page is the dashboard: the customer list is one link away.
      await page.goto(new URL('#/customers', door.url).href);
      const table = page.getByRole('table', { name: 'Customer list' });
      await see(table.locator('.row-link'));
      console.log(`[customer list] first rows visible ${Date.now() - started} ms after navigation`);
      await see(page.getByText(`${SEEDED} in total`));
      expect(await table.getAttribute('aria-rowcount')).toBe(String(SEEDED + 1));
      expect(listRequests.every((input) => input.limit <= 100)).toBe(true);

      // Scroll to the very end from the keyboard: the oldest customer is the last row (newest first).
      const scroller = page.getByRole('region', { name: 'Customer list' });
      await scroller.focus();
      await page.keyboard.press('End');
      const lastRow = table.getByRole('row').filter({ hasText: seeds[0]?.name ?? '' });
      await see(lastRow);
      await seeNoMore(table.locator('tr.placeholder-row'));
      expect(await lastRow.getAttribute('aria-rowindex')).toBe(String(SEEDED + 1));
      expect((await renderedNames(table)).length).toBeGreaterThan(10);
      // Never everything at once: a few windows of at most 100 rows each.
      expect(listRequests.length).toBeLessThan(6);

      // Sort by name: back to the top, Chinese names by pinyin first, then Latin.
      await page.getByRole('button', { name: 'Name' }).click();
      const nameHeader = page.getByRole('columnheader', { name: 'Name' });
      await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
      await expect
        .poll(async () => (await renderedNames(table)).slice(0, 3))
        .toEqual(['阿明', '张三', 'Member 001']);
      await scroller.focus();
      await page.keyboard.press('End');
      await see(table.getByRole('row').filter({ hasText: 'Zoe Zhang' }));
      await seeNoMore(table.locator('tr.placeholder-row'));

      // (2) A mistyped amount is caught at its field; nothing is applied.
      await page.getByRole('button', { name: 'Filters' }).click();
      const filters = page.getByRole('form', { name: 'Filter customers' });
      await see(filters);
      const revenueFrom = filters.getByLabel('Revenue from');
      await revenueFrom.fill('12abc');
      await filters.getByRole('button', { name: 'Apply filters' }).click();
      await see(filters.getByText('Enter an amount such as 1,200.50'));
      expect(await revenueFrom.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByRole('list', { name: 'Filters in force' }).count()).toBe(0);
      await revenueFrom.fill('');

      // Stage = Customer, city = Shanghai.
      await filters.getByRole('group', { name: 'Stage' }).getByLabel('Customer').check();
      await filters.getByLabel('City').fill('Shanghai');
      await filters.getByRole('button', { name: 'Apply filters' }).click();
      const chips = page.getByRole('list', { name: 'Filters in force' });
      await see(chips.getByText('Stage: Customer'));
      await see(chips.getByText('City: Shanghai'));
      await see(page.getByText(`${shanghaiCustomers.length} match the filters`));
      await expect.poll(async () => (await renderedNames(table)).length).toBe(shanghaiCustomers.length);
      const filteredNames = await renderedNames(table);
      expect([...filteredNames].sort()).toEqual([...shanghaiCustomers].sort());

      // Show the email column too; the view will remember it.
      await page.getByRole('button', { name: 'Columns', exact: true }).click();
      const chooser = page.getByRole('dialog', { name: 'Columns' });
      await chooser.getByRole('checkbox', { name: 'Email', exact: true }).check();
      await page.keyboard.press('Escape');
      await seeNoMore(chooser);
      const emailHeader = page.getByRole('columnheader', { name: 'Email' });
      await see(emailHeader);

      // Save it as a view, reload, reopen it from the list of views.
      await page.getByRole('button', { name: 'Save as view…' }).click();
      const saveDialog = page.getByRole('dialog', { name: 'Save view' });
      await saveDialog.getByRole('button', { name: 'Save' }).click();
      await see(saveDialog.getByText('This field is required'));
      await saveDialog.getByLabel('Name of the view').fill('Shanghai customers');
      await saveDialog.getByRole('button', { name: 'Save' }).click();
      await seeNoMore(saveDialog);
      await see(page.getByText('View saved: Shanghai customers'));

      await page.reload();
      await see(page.getByText(`${SEEDED} in total`));
      expect(await page.getByRole('list', { name: 'Filters in force' }).count()).toBe(0);
      expect(await emailHeader.count()).toBe(0);
      await page.getByLabel('View', { exact: true }).selectOption({ label: 'Shanghai customers' });
      await see(chips.getByText('Stage: Customer'));
      await see(chips.getByText('City: Shanghai'));
      await expect.poll(() => renderedNames(table)).toEqual(filteredNames);
      expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
      await see(emailHeader);

      // (3) Two rows to "Loyal": they leave this view; Undo brings them back as customers.
      const [first, second] = filteredNames as [string, string];
      await page.getByRole('checkbox', { name: `Select ${first}`, exact: true }).check();
      await page.getByRole('checkbox', { name: `Select ${second}`, exact: true }).check();
      const bulkBar = page.getByRole('toolbar', { name: 'Actions for the selected customers' });
      await see(bulkBar.getByText('2 selected'));
      await bulkBar.getByRole('button', { name: 'Set stage…' }).click();
      const stageDialog = page.getByRole('dialog', { name: 'Set stage…' });
      await stageDialog.getByLabel('Stage').selectOption({ label: 'Loyal' });
      await stageDialog.getByRole('button', { name: 'Apply' }).click();
      const toast = page.getByRole('listitem').filter({ hasText: '2 customers updated' });
      await see(toast);
      await expect.poll(() => renderedNames(table)).toEqual(filteredNames.slice(2));
      await toast.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => renderedNames(table)).toEqual(filteredNames);
      for (const name of [first, second]) {
        await see(table.getByRole('row').filter({ hasText: name }).filter({ hasText: 'Customer' }));
      }

      // The header checkbox picks everything the filters match, loaded or not: the server gets the filters.
      const bulkTargets: unknown[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/rpc/customers.bulk')) {
          bulkTargets.push((request.postDataJSON() as { input: { target: unknown } }).input.target);
        }
      });
      await page
        .getByRole('checkbox', { name: `Select all ${shanghaiCustomers.length} matching customers` })
        .check();
      await see(bulkBar.getByText(`All ${shanghaiCustomers.length} matching customers selected`));
      await bulkBar.getByRole('button', { name: 'Set stage…' }).click();
      await stageDialog.getByLabel('Stage').selectOption({ label: 'Churned' });
      await stageDialog.getByRole('button', { name: 'Apply' }).click();
      const allToast = page
        .getByRole('listitem')
        .filter({ hasText: `${shanghaiCustomers.length} customers updated` });
      await see(allToast);
      await see(page.getByText('No customers match these filters.'));
      expect(bulkTargets).toEqual([{ filters: { stages: ['customer'], cities: ['Shanghai'] } }]);
      await allToast.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => renderedNames(table)).toEqual(filteredNames);

      expect(problems).toEqual([]);
    });
  }, 90_000);
});
