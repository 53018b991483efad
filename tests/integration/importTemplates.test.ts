import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { templateSaveInput, type ImportTemplate } from '../../src-shared/contract';
import { silentLogger } from '../../src-main/core/logger';
import { openDatabase } from '../../src-main/db/open';
import { ImportTemplates } from '../../src-main/imports/mapping/templates';
import { CLOCK_START, fakeClock, MIGRATIONS_DIR, tempDir } from '../support/tempBackend';
import { refusalOf } from '../support/refusal';

/** The service on a real database file with the shipped migrations; `reopen` is a restart. */
function useTemplates() {
  const file = join(tempDir(), 'solocrm.db');
  const clock = fakeClock();
  let opened = openDatabase({ file, migrationsDir: MIGRATIONS_DIR, logger: silentLogger });
  onTestFinished(() => {
    opened.sqlite.close();
  });
  const handle = {
    clock,
    sqlite: () => opened.sqlite,
    templates: new ImportTemplates(opened.sqlite, clock),
    reopen() {
      opened.sqlite.close();
      opened = openDatabase({ file, migrationsDir: MIGRATIONS_DIR, logger: silentLogger });
      handle.templates = new ImportTemplates(opened.sqlite, clock);
    },
  };
  return handle;
}

/** What the importTemplates.save channel hands the service: the input parsed by the contract. */
const input = (fields: Record<string, unknown>) =>
  templateSaveInput.parse({ kind: 'customers', options: {}, ...fields });

const shopHeaders = ['姓名', '手机', '邮箱', '会员等级'];
const shopMapping = ['name', 'phone', 'email', 'custom:3'];

describe('import templates', () => {
  it('saves a mapping with its headers and options and lists it again after a restart', () => {
    const t = useTemplates();
    const saved = t.templates.save(
      input({ name: '有赞会员', headers: shopHeaders, mapping: shopMapping, options: { region: 'CN' } }),
    );
    expect(saved).toEqual({
      id: expect.any(Number),
      name: '有赞会员',
      kind: 'customers',
      headers: shopHeaders,
      mapping: shopMapping,
      // The contract's importOptions.partial() fills the other options' defaults (zod 4).
      options: expect.objectContaining({ region: 'CN' }),
      updatedAt: new Date(CLOCK_START).toISOString(),
    });
    t.reopen();
    expect(t.templates.list()).toEqual([saved]);
  });

  it('lists by name in Chinese order, and only the kind asked for', () => {
    const t = useTemplates();
    for (const name of ['淘宝订单', 'Alpha', '京东', '阿里']) {
      t.templates.save(input({ name, kind: 'orders', headers: ['订单号'], mapping: ['invoice'] }));
    }
    t.templates.save(input({ name: '客户', headers: ['姓名'], mapping: ['name'] }));
    expect(t.templates.list('orders').map((template) => template.name)).toEqual([
      '阿里',
      '京东',
      '淘宝订单',
      'Alpha',
    ]);
    expect(t.templates.list('customers').map((template) => template.name)).toEqual(['客户']);
    expect(t.templates.list('conversations')).toEqual([]);
    expect(t.templates.list()).toHaveLength(5);
  });

  it('overwrites the template of the same kind and name (ignoring case): same id, new mapping, later time', () => {
    const t = useTemplates();
    const first = t.templates.save(
      input({ name: 'Shop export', headers: shopHeaders, mapping: shopMapping }),
    );
    t.clock.advance(60_000);
    const changed = ['name', null, 'email', null];
    const second = t.templates.save(input({ name: 'SHOP EXPORT', headers: shopHeaders, mapping: changed }));
    expect(second).toEqual({
      ...first,
      name: 'SHOP EXPORT',
      mapping: changed,
      updatedAt: new Date(CLOCK_START + 60_000).toISOString(),
    });
    expect(t.templates.list()).toEqual([second]);
  });

  it('keeps templates of different kinds with the same name apart', () => {
    const t = useTemplates();
    t.templates.save(input({ name: 'Shop', headers: ['姓名'], mapping: ['name'] }));
    t.templates.save(input({ name: 'Shop', kind: 'orders', headers: ['订单号'], mapping: ['invoice'] }));
    expect(t.templates.list().map(({ name, kind }) => [name, kind])).toEqual([
      ['Shop', 'customers'],
      ['Shop', 'orders'],
    ]);
  });

  it('deletes a template: it is gone from the list and from suggestions', () => {
    const t = useTemplates();
    const kept = t.templates.save(input({ name: 'Keep', headers: ['Name'], mapping: ['name'] }));
    const gone = t.templates.save(input({ name: 'Gone', headers: shopHeaders, mapping: shopMapping }));
    expect(t.templates.delete(gone.id)).toEqual({ id: gone.id });
    expect(t.templates.list()).toEqual([kept]);
    expect(t.templates.findFor('customers', shopHeaders)).toBeNull();
  });

  it('refuses to delete a template that does not exist (or no longer does) with NOT_FOUND', () => {
    const t = useTemplates();
    const saved = t.templates.save(input({ name: 'Once', headers: ['Name'], mapping: ['name'] }));
    t.templates.delete(saved.id);
    const again = refusalOf(() => t.templates.delete(saved.id));
    expect(again.code).toBe('NOT_FOUND');
    expect(again.message).toBe(`Template ${saved.id} does not exist`);
    expect(refusalOf(() => t.templates.delete(999)).code).toBe('NOT_FOUND');
  });

  it('finds the template for a file with the same headers, ignoring case, spaces, BOM and full-width forms', () => {
    const t = useTemplates();
    const saved = t.templates.save(input({ name: '有赞会员', headers: shopHeaders, mapping: shopMapping }));
    expect(t.templates.findFor('customers', ['\uFEFF姓名 ', '手 机', '邮箱：', '会员等级'])).toEqual(saved);
  });

  it('does not offer a template for reordered or different headers, or for another kind', () => {
    const t = useTemplates();
    t.templates.save(input({ name: '有赞会员', headers: shopHeaders, mapping: shopMapping }));
    expect(t.templates.findFor('customers', ['手机', '姓名', '邮箱', '会员等级'])).toBeNull();
    expect(t.templates.findFor('customers', ['姓名', '手机', '邮箱'])).toBeNull();
    expect(t.templates.findFor('orders', shopHeaders)).toBeNull();
  });

  it('offers the most recently saved of two templates for the same headers', () => {
    const t = useTemplates();
    const older = t.templates.save(input({ name: 'Old', headers: shopHeaders, mapping: shopMapping }));
    t.clock.advance(1000);
    const newer = t.templates.save(
      input({ name: 'New', headers: shopHeaders, mapping: ['name', 'phone', null, null] }),
    );
    expect(t.templates.findFor('customers', shopHeaders)?.name).toBe(newer.name);
    t.clock.advance(1000);
    t.templates.save(input({ name: 'Old', headers: shopHeaders, mapping: shopMapping }));
    expect(t.templates.findFor('customers', shopHeaders)).toMatchObject({ id: older.id, name: 'Old' });
  });

  it('refuses a mapping whose length differs from the headers, naming mapping; nothing saved', () => {
    const t = useTemplates();
    const error = refusalOf(() =>
      t.templates.save(input({ name: 'Short', headers: shopHeaders, mapping: ['name', 'phone'] })),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([
      expect.objectContaining({ path: 'mapping', code: 'invalid', params: { expected: 4, actual: 2 } }),
    ]);
    expect(t.templates.list()).toEqual([]);
  });

  it('refuses a mapping to a field the kind does not have (wechat for orders, custom fields for orders)', () => {
    const t = useTemplates();
    const error = refusalOf(() =>
      t.templates.save(
        input({
          name: 'Wrong kind',
          kind: 'orders',
          headers: ['订单号', '微信', '会员等级'],
          mapping: ['invoice', 'wechat', 'custom:3'],
        }),
      ),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.issues?.map((issue) => [issue.path, issue.code])).toEqual([
      ['mapping.1', 'option'],
      ['mapping.2', 'option'],
    ]);
    expect(t.templates.list()).toEqual([]);
  });

  it('leaves out a template whose stored definition no longer reads, and drops options that no longer read', () => {
    const t = useTemplates();
    const broken = t.templates.save(input({ name: 'Broken', headers: shopHeaders, mapping: shopMapping }));
    const oldOptions = t.templates.save(input({ name: 'Old options', headers: ['Name'], mapping: ['name'] }));
    const update = t.sqlite().prepare('UPDATE import_templates SET definition = ? WHERE id = ?');
    update.run('{"headers": "not a list"', broken.id);
    update.run(
      JSON.stringify({ headers: ['Name'], mapping: ['name'], options: { onMatch: 'merge-somehow' } }),
      oldOptions.id,
    );
    const listed: ImportTemplate[] = t.templates.list();
    expect(listed).toEqual([{ ...oldOptions, options: {} }]);
    expect(t.templates.findFor('customers', shopHeaders)).toBeNull();
    expect(t.templates.delete(broken.id)).toEqual({ id: broken.id });
  });
});
