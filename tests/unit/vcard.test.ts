import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../src-main/imports/mapping/suggest';
import { readVcardTable } from '../../src-main/imports/vcard/readVcard';
import { writeVcards, type VcardCustomer } from '../../src-main/imports/vcard/writeVcard';
import { refusalOf } from '../support/refusal';

/** Cards as the owner would see them in the preview: one object per contact, by our column names. */
function contacts(text: string) {
  const { headers, rows } = readVcardTable(text);
  return rows.map(({ line, cells }) => {
    const column = (header: string) => cells.filter((_, index) => headers[index] === header);
    const cell = (header: string) => column(header)[0];
    return {
      line,
      name: cell('Name'),
      company: cell('Company'),
      jobTitle: cell('Job title'),
      emails: column('Email').filter(Boolean),
      phones: column('Phone').filter(Boolean),
      wechat: cell('WeChat'),
      street: cell('Street'),
      city: cell('City'),
      province: cell('Province'),
      postcode: cell('Postcode'),
      country: cell('Country'),
      birthday: cell('Birthday'),
      notes: cell('Notes'),
      tags: cell('Tags'),
      uid: cell('Customer ID'),
    };
  });
}

const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n';
/** The lines of one card: BEGIN, VERSION, the properties given, END. */
const vcard = (version: string, ...properties: string[]) => [
  'BEGIN:VCARD',
  `VERSION:${version}`,
  ...properties,
  'END:VCARD',
];

const refusal = (text: string) => refusalOf(() => readVcardTable(text), 'the file');

describe('reading vCards', () => {
  it('reads a 3.0 card from iPhone with every field we import', () => {
    const [card] = contacts(
      crlf(
        ...vcard(
          '3.0',
          'PRODID:-//Apple Inc.//iPhone OS 17.0//EN',
          'N:Smith;John;Q.;Dr.;',
          'FN:John Smith',
          'ORG:Acme Trading;Sales',
          'TITLE:Buyer',
          'item1.EMAIL;type=INTERNET;type=WORK:john@acme.example',
          'item1.X-ABLabel:_$!<Work>!$_',
          'TEL;type=CELL;type=VOICE:+1 (555) 010-0199',
          'ADR;type=WORK:;Suite 5;1 Main St;Springfield;IL;62701;USA',
          'BDAY:1985-04-12',
          'NOTE:Met at the Canton Fair',
          'CATEGORIES:VIP,Wholesale',
          'UID:8F3C2B1A-1111-4222-8333-944455556666',
          'X-WECHAT:johnsmith_sh',
        ),
      ),
    );
    expect(card).toEqual({
      line: 1,
      name: 'John Smith',
      company: 'Acme Trading',
      jobTitle: 'Buyer',
      emails: ['john@acme.example'],
      phones: ['+1 (555) 010-0199'],
      wechat: 'johnsmith_sh',
      street: '1 Main St Suite 5',
      city: 'Springfield',
      province: 'IL',
      postcode: '62701',
      country: 'USA',
      birthday: '1985-04-12',
      notes: 'Met at the Canton Fair',
      tags: 'VIP,Wholesale',
      uid: '8F3C2B1A-1111-4222-8333-944455556666',
    });
  });

  it('reads a 4.0 card: tel: URIs, PREF=1 first, quoted parameters, urn:uuid, basic-format birthday', () => {
    const [card] = contacts(
      crlf(
        ...vcard(
          '4.0',
          'FN:王小明',
          'N:王;小明;;;',
          'TEL;VALUE=uri;TYPE="voice,home":tel:+86-10-6552-9988',
          'TEL;VALUE=uri;TYPE="cell,voice";PREF=1:tel:+86-138-0013-8000',
          'EMAIL;TYPE=home:xm@home.example',
          'EMAIL;PREF=1:wang@work.example',
          'ADR;TYPE=home:;;人民路1号;杭州;浙江;310000;中国',
          'BDAY:19900501',
          'UID:urn:uuid:0190f1c2-7a3b-7c4d-8e5f-000000000001',
        ),
      ),
    );
    expect(card).toMatchObject({
      name: '王小明',
      phones: ['+86-138-0013-8000', '+86-10-6552-9988'],
      emails: ['wang@work.example', 'xm@home.example'],
      street: '人民路1号',
      city: '杭州',
      province: '浙江',
      postcode: '310000',
      country: '中国',
      birthday: '1990-05-01',
      uid: '0190f1c2-7a3b-7c4d-8e5f-000000000001',
    });
  });

  it('joins folded lines (space and tab), LF-only files and a fold inside a Chinese name', () => {
    const [card] = contacts(
      [
        ...vcard(
          '3.0',
          'FN:欧阳',
          ' 娜娜',
          'NOTE:This note was folded by a writer that keeps lines short,',
          '\t so the tab starts the continuation.',
        ),
        '',
      ].join('\n'),
    );
    expect(card).toMatchObject({
      name: '欧阳娜娜',
      notes: 'This note was folded by a writer that keeps lines short, so the tab starts the continuation.',
    });
  });

  it('decodes a QUOTED-PRINTABLE name whose soft line break falls inside one character (old Android)', () => {
    const [card] = contacts(
      crlf(
        ...vcard(
          '2.1',
          'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=',
          '=A0;=E4=B8=89;;;',
          'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=E8=80=81=E5=AE=A2=E6=88=B7=0D=0A=E5=96=9C=E6=AC=A2=E7=BB=',
          ' =BF=E8=8C=B6',
          'TEL;CELL;PREF:13800138000',
        ),
      ),
    );
    expect(card).toMatchObject({ name: '张三', notes: '老客户\r\n喜欢绿茶', phones: ['13800138000'] });
  });

  it('decodes CHARSET=GB2312 and Big5 QUOTED-PRINTABLE values (Nokia exports)', () => {
    const [zhang, chan] = contacts(
      crlf(
        ...vcard(
          '2.1',
          'N;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:=D5=C5;=C8=FD;;;',
          'ORG;CHARSET=GBK;QUOTED-PRINTABLE:=C0=EE=CB=C4 Trading',
          'TEL;HOME:0571-8888 1234',
        ),
        ...vcard('2.1', 'FN;CHARSET=BIG5;ENCODING=QUOTED-PRINTABLE:=B3=AF=A4=6A=A4=E5'),
      ),
    );
    expect(zhang).toMatchObject({ name: '张三', company: '李四 Trading', phones: ['0571-8888 1234'] });
    expect(chan).toMatchObject({ name: '陳大文', line: 7 });
  });

  it('reads several TEL and EMAIL: as many Phone and Email columns as the fullest card, others left empty', () => {
    const text = crlf(
      ...vcard(
        '3.0',
        'FN:Li Lei',
        'TEL;TYPE=CELL:13800138000',
        'TEL;TYPE=WORK:021 6234 5678',
        'TEL;TYPE=HOME:400-810-8888',
        'EMAIL:lilei@example.cn',
        'EMAIL:li.lei@work.example',
      ),
      ...vcard('3.0', 'FN:Han Meimei', 'TEL:13900139000'),
    );
    const { headers, rows } = readVcardTable(text);
    expect(headers.filter((header) => header === 'Phone')).toHaveLength(3);
    expect(headers.filter((header) => header === 'Email')).toHaveLength(2);
    expect(contacts(text)).toMatchObject([
      {
        name: 'Li Lei',
        phones: ['13800138000', '021 6234 5678', '400-810-8888'],
        emails: ['lilei@example.cn', 'li.lei@work.example'],
      },
      { name: 'Han Meimei', phones: ['13900139000'], emails: [] },
    ]);
    expect(rows.map((row) => row.cells.length)).toEqual([headers.length, headers.length]);
  });

  it('unescapes commas, semicolons, newlines and backslashes in a 3.0 NOTE', () => {
    const [card] = contacts(
      crlf(
        ...vcard(
          '3.0',
          'FN:Zhou Xun',
          'NOTE:Tea\\, not coffee\\; call after 6pm\\nSecond line\\NThird C:\\\\orders',
          'CATEGORIES:VIP,Shanghai\\, Pudong',
        ),
      ),
    );
    expect(card!.notes).toBe('Tea, not coffee; call after 6pm\nSecond line\nThird C:\\orders');
    expect(card!.tags).toBe('VIP,Shanghai, Pudong');
  });

  it('keeps a backslash in a 2.1 note as text (2.1 escapes only semicolons)', () => {
    const [card] = contacts(crlf(...vcard('2.1', 'FN:Old Nokia', 'NOTE:C:\\new\\; ok')));
    expect(card!.notes).toBe('C:\\new; ok');
  });

  it('composes the name from N when FN is missing: family+given for Chinese, given family otherwise', () => {
    expect(
      contacts(crlf(...vcard('3.0', 'N:王;小明;;;'), ...vcard('3.0', 'N:Smith;Anna;Marie;Ms.;', 'FN:'))).map(
        (card) => card.name,
      ),
    ).toEqual(['王小明', 'Anna Marie Smith']);
  });

  it('reads a card with no name at all as an empty Name (the dry run rejects it on its line)', () => {
    const [card] = contacts(crlf(...vcard('3.0', 'TEL:13800138000')));
    expect(card).toMatchObject({ line: 1, name: '', phones: ['13800138000'] });
  });

  it('leaves a birthday without a year (--0412) empty, and passes an unreadable one on as typed', () => {
    const birthdays = contacts(
      crlf(
        ...vcard('4.0', 'FN:A', 'BDAY:--0412'),
        ...vcard('4.0', 'FN:B', 'BDAY;VALUE=text:circa 1980'),
        ...vcard('3.0', 'FN:C', 'BDAY:1979-11-30T00:00:00Z'),
      ),
    ).map((card) => card.birthday);
    expect(birthdays).toEqual(['', 'circa 1980', '1979-11-30']);
  });

  it('gives each row the line of its BEGIN:VCARD, blank lines between cards included', () => {
    const lines = contacts(
      crlf(
        'BEGIN:VCARD',
        'FN:First',
        'END:VCARD',
        '',
        'BEGIN:VCARD',
        'FN:Second',
        'NOTE:folded',
        ' note',
        'END:VCARD',
        'BEGIN:VCARD',
        'FN:Third',
        'END:VCARD',
      ),
    ).map((card) => [card.name, card.line]);
    expect(lines).toEqual([
      ['First', 1],
      ['Second', 5],
      ['Third', 10],
    ]);
  });

  it('refuses a card cut off before END:VCARD at the end of the file, naming its line', () => {
    const error = refusal(
      crlf('BEGIN:VCARD', 'FN:Complete', 'END:VCARD', 'BEGIN:VCARD', 'FN:Cut off', 'TEL:1380013'),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([
      expect.objectContaining({ path: 'file', code: 'file_vcard', params: { line: 4, problem: 'no_end' } }),
    ]);
  });

  it('refuses a card with no END:VCARD before the next card begins', () => {
    const error = refusal(crlf('BEGIN:VCARD', 'FN:No end', 'BEGIN:VCARD', 'FN:Next', 'END:VCARD'));
    expect(error.issues?.[0]).toMatchObject({ code: 'file_vcard', params: { line: 1, problem: 'no_end' } });
  });

  it('refuses text that is not a vCard (a CSV chosen as .vcf)', () => {
    const error = refusal('Name,Phone\r\n张三,13800138000\r\n');
    expect(error.code).toBe('VALIDATION');
    expect(error.issues?.[0]).toMatchObject({
      code: 'file_vcard',
      params: { line: 1, problem: 'not_vcard' },
    });
  });

  it('refuses a file of blank lines as empty', () => {
    expect(refusal('\r\n  \r\n').issues?.[0]).toMatchObject({ path: 'file', code: 'file_empty' });
  });

  it('suggests a mapping for every column it reads, so a vCard imports without mapping by hand', () => {
    const { headers } = readVcardTable(
      crlf('BEGIN:VCARD', 'FN:A', 'TEL:1', 'TEL:2', 'EMAIL:a@b.cn', 'EMAIL:c@d.cn', 'END:VCARD'),
    );
    expect(suggestMapping(headers, 'customers', [])).toEqual([
      'name',
      'company',
      'jobTitle',
      'email',
      'email',
      'phone',
      'phone',
      'wechat',
      'street',
      'city',
      'province',
      'postcode',
      'country',
      'birthday',
      'notes',
      'tags',
      'externalId',
    ]);
  });
});

const zhang: VcardCustomer = {
  uid: '0190f1c2-7a3b-7c4d-8e5f-00000000abcd',
  name: '张三丰',
  company: '武当贸易有限公司',
  jobTitle: '总经理',
  emails: ['zhang@wudang.example', 'sanfeng@163.example'],
  phones: [
    { value: '138 0013 8000', e164: '+8613800138000' },
    { value: '0571-8888 1234 转 12', e164: null },
  ],
  wechat: 'zsf_1247',
  street: '人民路1号; 3楼, 东门',
  city: '杭州',
  province: '浙江',
  postcode: '310000',
  country: '中国',
  birthday: '1947-04-09',
  notes:
    '老客户，喜欢绿茶 🍵; prefers calls, not email.\nSecond line with a backslash \\ and 😀 emoji. ' +
    '这是一段很长的备注，用来检查折行不会把一个汉字或表情符号拆成两半。'.repeat(3),
  tags: ['VIP', '批发, 华东', 'tea;lover'],
  updatedAt: Date.UTC(2026, 0, 15, 9, 30, 5),
};
const smith: VcardCustomer = {
  uid: '0190f1c2-7a3b-7c4d-8e5f-00000000ef01',
  name: 'Anna Marie Smith',
  company: null,
  jobTitle: null,
  emails: [],
  phones: [],
  wechat: null,
  street: null,
  city: null,
  province: null,
  postcode: null,
  country: null,
  birthday: null,
  notes: null,
  tags: [],
  updatedAt: Date.UTC(2026, 0, 15, 9, 30, 5),
};

/** What an import of the written card gives back, in the same shape as the reader's output. */
const expectedBack = (customer: VcardCustomer) => ({
  name: customer.name,
  company: customer.company ?? '',
  jobTitle: customer.jobTitle ?? '',
  emails: customer.emails,
  phones: customer.phones.map((phone) => phone.e164 ?? phone.value),
  wechat: customer.wechat ?? '',
  street: customer.street ?? '',
  city: customer.city ?? '',
  province: customer.province ?? '',
  postcode: customer.postcode ?? '',
  country: customer.country ?? '',
  birthday: customer.birthday ?? '',
  notes: customer.notes ?? '',
  tags: customer.tags.join(','),
  uid: customer.uid,
});

describe('writing vCards', () => {
  for (const version of ['4.0', '3.0'] as const) {
    it(`round-trips ${version}: Chinese text, emoji, escapes and long folded notes come back the same`, () => {
      const back = contacts(writeVcards([zhang, smith], version));
      expect(back.map(({ line: _line, ...fields }) => fields)).toEqual([
        expectedBack(zhang),
        expectedBack(smith),
      ]);
    });

    it(`folds ${version} lines at 75 UTF-8 octets without splitting a character, CRLF line ends`, () => {
      const text = writeVcards([zhang], version);
      expect(text.endsWith('END:VCARD\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const lines = text.split('\r\n');
      for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      // Each physical line decodes on its own: no half of 张 or 😀 at a line end.
      for (const line of lines) expect(line).not.toMatch(/\uFFFD|[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
      expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(3);
    });
  }

  it('writes 4.0 phones as tel: URIs when E.164 is known and as typed otherwise', () => {
    const text = writeVcards([zhang], '4.0');
    expect(text).toContain('\r\nTEL;VALUE=uri:tel:+8613800138000\r\n');
    expect(text).toContain('\r\nTEL:0571-8888 1234 转 12\r\n');
    expect(text).toContain('\r\nUID:urn:uuid:0190f1c2-7a3b-7c4d-8e5f-00000000abcd\r\n');
    expect(text).toContain('\r\nBDAY:19470409\r\n');
    expect(text).toContain('\r\nREV:20260115T093005Z\r\n');
  });

  it('writes 3.0 for old phones: no VALUE=uri, TYPE=CELL phones, plain UID, dashed birthday', () => {
    const text = writeVcards([zhang], '3.0');
    expect(text).not.toContain('VALUE=uri');
    expect(text).toContain('\r\nVERSION:3.0\r\n');
    expect(text).toContain('\r\nTEL;TYPE=CELL:+8613800138000\r\n');
    expect(text).toContain('\r\nTEL;TYPE=CELL:0571-8888 1234 转 12\r\n');
    expect(text).toContain('\r\nUID:0190f1c2-7a3b-7c4d-8e5f-00000000abcd\r\n');
    expect(text).toContain('\r\nBDAY:1947-04-09\r\n');
  });

  it('writes N for phones that show N instead of FN: a Chinese name whole, otherwise family;given', () => {
    expect(writeVcards([zhang], '3.0')).toContain('\r\nN:张三丰;;;;\r\n');
    expect(writeVcards([smith], '3.0')).toContain('\r\nN:Smith;Anna Marie;;;\r\n');
  });

  it('writes nothing for an empty file of customers', () => {
    expect(writeVcards([], '4.0')).toBe('');
  });
});
