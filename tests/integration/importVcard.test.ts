import { describe, expect, it } from 'vitest';
import type { Customer, CustomerPage, ImportHistoryEntry } from '../../src-shared/contract';
import { encodeFile, importer } from '../support/importCalls';
import { useBackendCalls } from '../support/tempBackend';

/**
 * A contacts file as an old Android phone writes it: vCard 3.0, Chinese names in
 * QUOTED-PRINTABLE UTF-8 (with a soft line break inside a character's bytes), long values folded
 * onto continuation lines, several TEL and EMAIL per card, CRLF line ends.
 */
const OLD_PHONE = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0;=E4=B8=89;;;',
  'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0=E4=B8=89',
  'TEL;TYPE=CELL:138 0013 8000',
  'TEL;TYPE=WORK:021-6234 5678',
  'TEL;TYPE=HOME:+86 10 6552 9988',
  'EMAIL;TYPE=INTERNET:zhangsan@example.com',
  'EMAIL;TYPE=INTERNET,WORK:zs@work.example.cn',
  'ORG:杭州小店;销售部',
  'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E8=80=81=E5=AE=A2=E6=88=B7=EF=BC=8C=E6=AF=8F=E6=9C=88=E6=9D=A5=',
  '=E4=B8=A4=E6=AC=A1=E3=80=82',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  // The family name split mid-character by the phone's 76-column limit.
  'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E6=9D=',
  '=8E;=E5=9B=9B;;;',
  'TEL;TYPE=CELL:13900139000',
  'TEL;TYPE=CELL,PREF:+86 137 0013 7000',
  'EMAIL;TYPE=INTERNET:lisi@example.cn',
  'EMAIL;TYPE=INTERNET,PREF:li.si@gmail.com',
  'NOTE:This note is long enough that the phone folded it onto a second line, w',
  ' ith one leading space on the continuation.',
  'BDAY:1990-05-01',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Müller;Anna;;;',
  'FN:Anna Müller',
  'TITLE:Einkauf',
  'EMAIL;TYPE=INTERNET:anna@example.de',
  'END:VCARD',
  '',
].join('\r\n');

type Call = ReturnType<typeof useBackendCalls>['call'];

async function customers(call: Call): Promise<Customer[]> {
  const page = await call<CustomerPage>('customers.list', { limit: 100 });
  return Promise.all(page.rows.map((row) => call<Customer>('customers.get', { id: row.id })));
}

async function customerNamed(call: Call, name: string): Promise<Customer> {
  const found = (await customers(call)).filter((customer) => customer.name === name);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('a vCard 3.0 file from an old phone', () => {
  it('previews as a vCard table with decoded Chinese names and every column mapped', async () => {
    const { call } = useBackendCalls();
    const { preview } = await importer(call).preview(encodeFile(OLD_PHONE, 'utf8'), 'contacts.vcf');
    expect(preview).toMatchObject({ format: 'vcard', encoding: 'utf-8' });
    const nameColumn = preview.mapping.indexOf('name');
    expect(preview.rows.map((row) => row[nameColumn])).toEqual(['张三', '李四', 'Anna Müller']);
    // Three phones on one card, two emails on another: a column for each, all mapped.
    expect(preview.mapping.filter((target) => target === 'phone')).toHaveLength(3);
    expect(preview.mapping.filter((target) => target === 'email')).toHaveLength(2);
    expect(preview.mapping).not.toContain(null);
  });

  it('a dry run counts the three contacts and writes nothing', async () => {
    const { call } = useBackendCalls();
    const imports = importer(call);
    const { fileId, preview } = await imports.preview(encodeFile(OLD_PHONE, 'utf8'), 'contacts.vcf');
    const dry = await imports.run('imports.dryRun', fileId, preview);
    expect(dry).toMatchObject({ dryRun: true, importId: null, rejected: [] });
    expect(dry.counts).toMatchObject({ rows: 3, create: 3, update: 0, skip: 0, reject: 0 });
    expect(await customers(call)).toEqual([]);
    expect(await call<ImportHistoryEntry[]>('imports.list', {})).toEqual([]);
  });

  it('commits names, every phone and email (preferred first), company, unfolded notes and birthday', async () => {
    const { call } = useBackendCalls();
    const imports = importer(call);
    const { fileId, preview } = await imports.preview(encodeFile(OLD_PHONE, 'utf8'), 'contacts.vcf');
    const done = await imports.run('imports.commit', fileId, preview);
    expect(done.counts).toMatchObject({ rows: 3, create: 3, reject: 0 });

    const zhang = await customerNamed(call, '张三');
    expect(zhang).toMatchObject({
      company: '杭州小店',
      emails: ['zhangsan@example.com', 'zs@work.example.cn'],
      notes: '老客户，每月来两次。',
    });
    expect(zhang.phones.map((phone) => phone.e164)).toEqual([
      '+8613800138000',
      '+862162345678',
      '+861065529988',
    ]);

    const li = await customerNamed(call, '李四');
    expect(li.emails).toEqual(['li.si@gmail.com', 'lisi@example.cn']);
    expect(li.phones.map((phone) => phone.e164)).toEqual(['+8613700137000', '+8613900139000']);
    expect(li.birthday).toBe('1990-05-01');
    expect(li.notes).toBe(
      'This note is long enough that the phone folded it onto a second line, with one leading space on the continuation.',
    );
    expect(await customerNamed(call, 'Anna Müller')).toMatchObject({
      jobTitle: 'Einkauf',
      emails: ['anna@example.de'],
    });
  });

  it('is listed in the history as a vCard import, and undo removes exactly its contacts', async () => {
    const { call } = useBackendCalls();
    await call('customers.create', { name: '老王', emails: ['laowang@example.com'] });
    const imports = importer(call);
    const { fileId, preview } = await imports.preview(encodeFile(OLD_PHONE, 'utf8'), 'contacts.vcf');
    const done = await imports.run('imports.commit', fileId, preview);
    const [entry] = await call<ImportHistoryEntry[]>('imports.list', {});
    expect(entry).toMatchObject({ format: 'vcard', fileName: 'contacts.vcf', undoneAt: null });

    const undo = await call<{ restored: number; kept: number }>('imports.undo', { importId: done.importId });
    expect(undo).toEqual({ importId: done.importId, restored: 3, kept: 0 });
    expect((await customers(call)).map((customer) => customer.name)).toEqual(['老王']);
    expect((await call<ImportHistoryEntry[]>('imports.list', {}))[0]!.undoneAt).not.toBeNull();
  });

  it('importing the same phone book again skips the contacts it already has', async () => {
    const { call } = useBackendCalls();
    const imports = importer(call);
    const first = await imports.preview(encodeFile(OLD_PHONE, 'utf8'), 'contacts.vcf');
    await imports.run('imports.commit', first.fileId, first.preview);
    const again = await imports.preview(encodeFile(OLD_PHONE, 'utf8'), 'contacts.vcf');
    expect(again.preview.previousImport).not.toBeNull();
    const dry = await imports.run('imports.dryRun', again.fileId, again.preview);
    expect(dry.counts).toMatchObject({ rows: 3, create: 0, skip: 3 });
  });

  it('reads a QUOTED-PRINTABLE name in the GB2312 charset Chinese phones used', async () => {
    const { call } = useBackendCalls();
    const imports = importer(call);
    const card = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:=CD=F5;=CE=E5',
      'TEL;CELL;PREF:13800138000',
      'ADR;HOME;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:;;;=C9=CF=BA=A3;;;',
      'END:VCARD',
      '',
    ].join('\r\n');
    const { fileId, preview } = await imports.preview(encodeFile(card, 'utf8'), 'nokia.vcf');
    expect(preview.format).toBe('vcard');
    await imports.run('imports.commit', fileId, preview);
    expect(await customerNamed(call, '王五')).toMatchObject({
      city: '上海',
      phones: [{ value: '13800138000', e164: '+8613800138000', valid: true }],
    });
  });
});
