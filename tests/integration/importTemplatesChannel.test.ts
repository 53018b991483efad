import { describe, expect, it } from 'vitest';
import type { ImportTemplate } from '../../src-shared/contract';
import { errorOf } from '../support/envelopes';
import { encodeFile, importer } from '../support/importCalls';
import { useBackendCalls } from '../support/tempBackend';

/**
 * Templates through the channels the wizard uses: a mapping saved once is offered again for next
 * month's file from the same shop, and the preview says which template it used. (The service's
 * own rules, naming and lookup key, are in importTemplates.test.ts.)
 */

/** A shop's export whose headers mean nothing to the suggestions: only a template maps it. */
const SHOP_HEADERS = ['Kunde', 'Handy Nr', 'Post', 'Notiz'];
const SHOP_MAPPING = ['name', 'phone', 'email', 'notes'];
const shopFile = (rows: string[], headers = SHOP_HEADERS.join(',')) =>
  encodeFile([headers, ...rows].join('\r\n'), 'utf8');
const MARCH = shopFile(['Anna Müller,+49 30 1234567,anna@example.de,Stammkundin', 'Ben,,ben@example.de,']);
const APRIL = shopFile(
  ['Carla,,carla@example.de,neu', 'Anna Müller,+49 30 1234567,anna@example.de,'],
  'kunde, HANDY-NR ,post,NOTIZ',
);

function useTemplateCalls() {
  const { call, dispatch, pushed } = useBackendCalls();
  const imports = importer(call);
  const save = (fields: Record<string, unknown> = {}) =>
    call<ImportTemplate>('importTemplates.save', {
      name: 'Laden Berlin',
      kind: 'customers',
      headers: SHOP_HEADERS,
      mapping: SHOP_MAPPING,
      ...fields,
    });
  return { call, dispatch, pushed, imports, save };
}

describe('templates through importTemplates.*', () => {
  it("a saved template maps next month's file with the same headers (case and spaces aside) and is named", async () => {
    const { imports, save } = useTemplateCalls();
    const template = await save();
    const { fileId, preview } = await imports.preview(APRIL, 'april.csv');
    expect(preview.columns.map((column) => column.header)).toEqual(['kunde', 'HANDY-NR', 'post', 'NOTIZ']);
    expect(preview.template).toEqual({ id: template.id, name: 'Laden Berlin' });
    expect(preview.mapping).toEqual(SHOP_MAPPING);
    const done = await imports.run('imports.commit', fileId, preview);
    expect(done.counts).toMatchObject({ create: 2, reject: 0 });
  });

  it('without a template the same file is not mapped: the preview names no template', async () => {
    const { imports } = useTemplateCalls();
    const { preview } = await imports.preview(APRIL, 'april.csv');
    expect(preview.template).toBeNull();
    expect(preview.mapping).not.toEqual(SHOP_MAPPING);
  });

  it('a file with other headers gets the usual suggestions and no template', async () => {
    const { imports, save } = useTemplateCalls();
    await save();
    const other = encodeFile('Name,Email,Phone\nAnn,ann@example.com,\n', 'utf8');
    const { preview } = await imports.preview(other, 'other.csv');
    expect(preview.template).toBeNull();
    expect(preview.mapping).toEqual(['name', 'email', 'phone']);
  });

  it('the same headers in another order are another file: no template', async () => {
    const { imports, save } = useTemplateCalls();
    await save();
    const reordered = shopFile(['anna@example.de,Anna Müller,,'], 'Post,Kunde,Handy Nr,Notiz');
    expect((await imports.preview(reordered, 'reordered.csv')).preview.template).toBeNull();
  });

  it('a customers template is not offered for the same headers imported as orders', async () => {
    const { imports, save } = useTemplateCalls();
    await save();
    expect((await imports.preview(APRIL, 'april.csv', 'orders')).preview.template).toBeNull();
  });

  it('lists the saved template under its kind and announces the change to open windows', async () => {
    const { call, pushed, save } = useTemplateCalls();
    const template = await save();
    expect(await call<ImportTemplate[]>('importTemplates.list', { kind: 'customers' })).toEqual([template]);
    expect(await call<ImportTemplate[]>('importTemplates.list', { kind: 'orders' })).toEqual([]);
    expect(pushed).toContainEqual({ type: 'data.changed', payload: { entity: 'imports' } });
  });

  it('gives back only the options the owner set, so applying it does not reset the others', async () => {
    const { call, save } = useTemplateCalls();
    const template = await save({ options: { onMatch: 'fill' } });
    expect(template.options).toEqual({ onMatch: 'fill' });
    const [listed] = await call<ImportTemplate[]>('importTemplates.list', {});
    expect(listed!.options).toEqual({ onMatch: 'fill' });
  });

  it('after delete the template is gone from the list and the preview', async () => {
    const { call, imports, save } = useTemplateCalls();
    const template = await save();
    expect(await call('importTemplates.delete', { id: template.id })).toEqual({ id: template.id });
    expect(await call<ImportTemplate[]>('importTemplates.list', {})).toEqual([]);
    expect((await imports.preview(APRIL, 'april.csv')).preview.template).toBeNull();
  });

  it('deleting a template that is not there is NOT_FOUND', async () => {
    const { dispatch } = useTemplateCalls();
    errorOf(await dispatch('importTemplates.delete', { id: 4242 }), 'NOT_FOUND');
  });

  it('a mapping to a field customers do not have is refused naming that column of the mapping', async () => {
    const { dispatch } = useTemplateCalls();
    const refused = errorOf(
      await dispatch('importTemplates.save', {
        name: 'Falsch',
        kind: 'customers',
        headers: SHOP_HEADERS,
        mapping: ['name', 'invoice', 'email', 'notes'],
      }),
      'VALIDATION',
    );
    expect(refused.issues?.map((issue) => issue.path)).toEqual(['mapping.1']);
  });
});

describe('preview.previousImport', () => {
  it('is null for a file never imported, and for one only dry-run', async () => {
    const { imports } = useTemplateCalls();
    const { fileId, preview } = await imports.preview(MARCH, 'march.csv');
    expect(preview.previousImport).toBeNull();
    await imports.run('imports.dryRun', fileId, { ...preview, mapping: SHOP_MAPPING });
    expect((await imports.preview(MARCH, 'march.csv')).preview.previousImport).toBeNull();
  });

  it('names the earlier import when the same file comes again, even under another name', async () => {
    const { imports } = useTemplateCalls();
    const first = await imports.preview(MARCH, 'march.csv');
    const done = await imports.run('imports.commit', first.fileId, {
      ...first.preview,
      mapping: SHOP_MAPPING,
    });
    const again = await imports.preview(MARCH, 'march (1).csv');
    expect(again.preview.previousImport).toEqual({
      importId: done.importId,
      at: expect.any(String),
      undone: false,
    });
    // A different file from the same shop is not "imported before".
    expect((await imports.preview(APRIL, 'april.csv')).preview.previousImport).toBeNull();
  });

  it('says undone once that import was undone', async () => {
    const { call, imports } = useTemplateCalls();
    const first = await imports.preview(MARCH, 'march.csv');
    const done = await imports.run('imports.commit', first.fileId, {
      ...first.preview,
      mapping: SHOP_MAPPING,
    });
    await call('imports.undo', { importId: done.importId });
    expect((await imports.preview(MARCH, 'march.csv')).preview.previousImport).toEqual({
      importId: done.importId,
      at: expect.any(String),
      undone: true,
    });
  });
});
