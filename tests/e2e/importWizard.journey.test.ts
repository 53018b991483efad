import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runJourney, see, seeNoMore } from '../support/journey';
import { tempDir } from '../support/tempBackend';

/**
 * The import wizard through the real UI, web door and SQLite file: a GBK file from a Chinese Excel
 * read correctly, one column remapped, a refused row seen before anything is written, the import
 * committed, checked in the customer list, its rejected rows downloaded, and undone; a broken file
 * refused with its line number; an export downloaded from the customer list.
 */

/** What Excel on a Chinese Windows saves as "CSV": GBK bytes, CRLF, no BOM. */
const GBK_CUSTOMERS = [
  '姓名,手机,邮箱,所在地,备注',
  '张三,13800138000,zhangsan@example.cn,杭州,老客户',
  '李四,139 0013 9000,lisi@example.cn,上海,',
  '王五,13700137000,"a@b.cn, c@d.cn",北京,两个邮箱',
].join('\r\n');

interface CustomerPage {
  total: number;
  rows: { id: number; name: string }[];
}

interface CustomerRecord {
  notes: string | null;
  phones: { value: string; e164: string | null; valid: boolean }[];
}

describe('import wizard journey (web door, Chromium)', () => {
  it('imports a GBK customer file with a remapped column, shows the refused row, and undoes it', async () => {
    const dir = tempDir();
    const file = join(dir, '客户名单-gbk.csv');
    writeFileSync(file, iconv.encode(GBK_CUSTOMERS, 'gbk'));

    await runJourney(
      { name: 'import-wizard-gbk', locale: 'zh-CN' },
      async ({ page, door, problems, call }) => {
        await page.goto(door.url);
        await page.getByRole('link', { name: '导入', exact: true }).click();
        await see(page.getByRole('heading', { name: '导入', level: 1 }));
        await see(page.getByText('还没有导入过。'));
        expect(await page.getByRole('radio', { name: '客户' }).isChecked()).toBe(true);

        // (1) The file, through the file input (the file dialog).
        await page.getByLabel('选择文件…').setInputFiles(file);

        // (2) Read as GB18030 because it is not UTF-8, and the Chinese comes out right.
        await see(page.getByRole('heading', { name: '确认文件读取正确' }));
        expect(await page.getByLabel('文字编码').inputValue()).toBe('gb18030');
        await see(page.getByText('GB18030 / GBK：不是有效的 UTF-8，按中文 Windows 编码读取。'));
        const preview = page.getByRole('table', { name: '文件预览' });
        await see(preview.getByRole('cell', { name: '张三', exact: true }));
        await see(preview.getByRole('columnheader', { name: '所在地' }));

        // Overriding the encoding reads the file again: as UTF-8 the Chinese is lost, back as GB18030 it returns.
        await page.getByLabel('文字编码').selectOption('utf-8');
        await see(page.getByText('UTF-8：按您的选择。'));
        await seeNoMore(preview.getByRole('cell', { name: '张三', exact: true }));
        await page.getByLabel('文字编码').selectOption('gb18030');
        await see(page.getByText('GB18030 / GBK：按您的选择。'));
        await see(preview.getByRole('cell', { name: '张三', exact: true }));
        await page.getByRole('button', { name: '下一步：字段对应' }).click();

        // (3) The suggestions from the Chinese headers, and two changes: 所在地 is the city, 备注 is dropped.
        await see(page.getByRole('heading', { name: '选择每一列导入到哪里（客户）' }));
        expect(await page.getByRole('combobox', { name: '“姓名”导入到' }).inputValue()).toBe('name');
        expect(await page.getByRole('combobox', { name: '“手机”导入到' }).inputValue()).toBe('phone');
        expect(await page.getByRole('combobox', { name: '“邮箱”导入到' }).inputValue()).toBe('email');
        await page.getByRole('combobox', { name: '“所在地”导入到' }).selectOption({ label: '城市' });
        await page.getByRole('combobox', { name: '“备注”导入到' }).selectOption({ label: '忽略此列' });

        // (4) The dry run: two to create, one refused with its line and reason, nothing written yet.
        await page.getByRole('button', { name: '检查文件' }).click();
        const rejected = page.getByRole('table', { name: '被拒绝的行' });
        const refusedRow = rejected.getByRole('row').filter({ hasText: 'a@b.cn, c@d.cn' });
        await see(refusedRow);
        expect(await refusedRow.getByRole('cell').allTextContents()).toEqual([
          '4',
          '邮箱',
          '一个单元格里有两个地址：请分成两列',
          'a@b.cn, c@d.cn',
        ]);
        await see(page.getByText('尚未写入任何数据', { exact: false }));
        expect((await call<CustomerPage>('customers.list', {})).total).toBe(0);

        // (5) Import: the result, and the refused row as a CSV to fix.
        await page.getByRole('button', { name: '导入 2 行' }).click();
        await see(page.getByText('客户名单-gbk.csv 已导入。'));
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: '下载被拒绝的行' }).first().click(),
        ]);
        const rejectsFile = await download.path();
        expect(readFileSync(rejectsFile, 'utf8')).toContain('a@b.cn, c@d.cn');

        // The customers are in the list: 所在地 became the city, 备注 was left out, phones normalized.
        await page.getByRole('link', { name: '打开客户列表' }).click();
        const table = page.getByRole('table', { name: '客户列表' });
        await see(table.getByRole('row').filter({ hasText: '张三' }).filter({ hasText: '杭州' }));
        await see(table.getByRole('row').filter({ hasText: '李四' }).filter({ hasText: '上海' }));
        await seeNoMore(table.getByRole('row').filter({ hasText: '王五' }));
        const { rows } = await call<CustomerPage>('customers.list', {});
        const zhang = await call<CustomerRecord>('customers.get', {
          id: rows.find((row) => row.name === '张三')?.id,
        });
        expect(zhang.notes).toBeNull();
        expect(zhang.phones).toEqual([{ value: '13800138000', e164: '+8613800138000', valid: true }]);

        // (6) The history has it; Undo (after saying what it does) removes both again.
        await page.getByRole('link', { name: '导入', exact: true }).click();
        const history = page.getByRole('table', { name: '导入历史' });
        await see(history.getByRole('row').filter({ hasText: '客户名单-gbk.csv' }));
        await history.getByRole('button', { name: '撤销 客户名单-gbk.csv 的导入' }).click();
        const confirm = page.getByRole('dialog', { name: '撤销 客户名单-gbk.csv 的导入？' });
        await confirm.getByRole('button', { name: '撤销导入' }).click();
        await see(page.getByText('已撤销 客户名单-gbk.csv 的导入：删除或恢复了 2 条记录'));
        await see(history.getByText(/^已于 .+ 撤销$/));
        await see(page.getByText('客户名单-gbk.csv 的导入已撤销。'));

        await page.getByRole('link', { name: '客户', exact: true }).click();
        await see(page.getByRole('heading', { name: '还没有客户' }));

        expect(problems).toEqual([]);
      },
    );
  });

  it('refuses an Excel workbook and a file with an unclosed quote, naming its line; imports nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'broken.csv');
    writeFileSync(file, 'Name,Phone\nAlice,123\n"Bob,456\nCarol,789\n');
    // What an .xlsx starts with: a zip archive's local file header.
    const workbook = join(dir, 'customers.xlsx');
    writeFileSync(workbook, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 1)]));

    await runJourney(
      { name: 'import-wizard-quote', locale: 'en-US' },
      async ({ page, door, problems, call }) => {
        await page.goto(new URL('#/import', door.url).href);
        await see(page.getByRole('heading', { name: 'Choose what to import and the file' }));
        // An Excel workbook chosen by mistake: said so at once, with what to do instead.
        await page.getByLabel('Choose a file…').setInputFiles(workbook);
        await see(
          page
            .getByRole('alert')
            .filter({ hasText: 'This is an Excel workbook. In Excel choose File › Save As › CSV UTF-8' }),
        );

        await page.getByLabel('Choose a file…').setInputFiles(file);

        // The preview reads only the first rows; the check reads the whole file and finds the quote.
        await see(page.getByRole('heading', { name: 'Check that the file reads correctly' }));
        await page.getByRole('button', { name: 'Next: columns' }).click();
        await page.getByRole('button', { name: 'Check the file' }).click();
        await see(
          page.getByRole('alert').filter({ hasText: 'Line 3: a quote (") is opened and never closed' }),
        );
        await seeNoMore(page.getByRole('button', { name: /^Import \d/ }));
        expect(await call<unknown[]>('imports.list', {})).toEqual([]);
        expect((await call<CustomerPage>('customers.list', {})).total).toBe(0);

        expect(problems).toEqual([]);
      },
    );
  });

  it('exports the selected customers from the list as a CSV that opens in Excel', async () => {
    await runJourney({ name: 'export-dialog', locale: 'en-US' }, async ({ page, door, problems, call }) => {
      await call('customers.create', { name: 'Ada Lovelace', phones: ['+44 20 7946 0000'], city: 'London' });
      await call('customers.create', { name: 'Grace Hopper', city: 'New York' });
      // The home page is the dashboard: the customer list is one link away.
      await page.goto(new URL('#/customers', door.url).href);
      const table = page.getByRole('table', { name: 'Customer list' });
      await see(table.getByRole('link', { name: 'Grace Hopper' }));
      await table.getByRole('row').filter({ hasText: 'Ada Lovelace' }).getByRole('checkbox').check();

      await page.getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export' });
      expect(await dialog.getByRole('radio', { name: 'The 1 selected customers' }).isChecked()).toBe(true);
      await dialog.getByRole('checkbox', { name: 'Notes' }).uncheck();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        dialog.getByRole('button', { name: 'Export', exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const bytes = readFileSync(await download.path());
      // UTF-8 with a BOM, so Excel opens it with the right characters.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text).toContain('Ada Lovelace');
      expect(text).not.toContain('Grace Hopper');
      expect(text.split(/\r?\n/)[0]).not.toContain('Notes');
      await seeNoMore(dialog);
      await see(page.getByText(/^Downloaded .+\.csv$/));

      // One customer's card for the owner's phone, from the customer's own page.
      await table.getByRole('link', { name: 'Ada Lovelace' }).click();
      const [card] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Save as vCard' }).click(),
      ]);
      expect(card.suggestedFilename()).toMatch(/\.vcf$/);
      const vcard = readFileSync(await card.path(), 'utf8');
      expect(vcard).toContain('VERSION:3.0');
      expect(vcard).toContain('FN:Ada Lovelace');
      expect(vcard).not.toContain('Grace Hopper');

      expect(problems).toEqual([]);
    });
  });

  // 100,000 rows: long enough, even on a fast machine, for Cancel to land while the job runs.
  it(
    'cancels a check and an import while they run, leaving nothing behind',
    { timeout: 180_000 },
    async () => {
      const dir = tempDir();
      const file = join(dir, 'big.csv');
      const lines = ['Name,Email,City'];
      for (let index = 0; index < 100_000; index++)
        lines.push(`Person ${index},p${index}@example.com,Hangzhou`);
      writeFileSync(file, lines.join('\n') + '\n');

      await runJourney(
        { name: 'import-wizard-cancel', locale: 'en-US' },
        async ({ page, door, problems, call }) => {
          await page.goto(new URL('#/import', door.url).href);
          await page.getByLabel('Choose a file…').setInputFiles(file);
          await page.getByRole('button', { name: 'Next: columns' }).click();

          // The check: a progress bar while it runs, Cancel takes us back to the columns.
          await page.getByRole('button', { name: 'Check the file' }).click();
          await see(page.getByRole('progressbar', { name: 'Checking the file' }));
          await page.getByRole('button', { name: 'Cancel' }).click();
          await see(page.getByText('Check cancelled'));
          await see(page.getByRole('heading', { name: 'Choose where each column goes (Customers)' }));

          // The import itself: cancelled half way, nothing of it is in the database or the history.
          await page.getByRole('button', { name: 'Check the file' }).click();
          const importButton = page.getByRole('button', { name: 'Import 100,000 rows' });
          await importButton.waitFor({ timeout: 120_000 });
          await importButton.click();
          await see(page.getByRole('progressbar', { name: 'Importing' }));
          await page.getByRole('button', { name: 'Cancel' }).click();
          await see(page.getByText('Import cancelled: nothing was written'));
          await see(page.getByRole('heading', { name: 'Check before importing' }));
          expect((await call<CustomerPage>('customers.list', {})).total).toBe(0);
          expect(await call<unknown[]>('imports.list', {})).toEqual([]);

          expect(problems).toEqual([]);
        },
      );
    },
  );
});
