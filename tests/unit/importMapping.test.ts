import { joinTags, splitTags } from '../../src-main/imports/tagList';
import { describe, expect, it } from 'vitest';
import { headerKey, normalizeHeader, suggestMapping } from '../../src-main/imports/mapping/suggest';

const customers = (headers: string[], customFields: { id: number; name: string }[] = []) =>
  suggestMapping(headers, 'customers', customFields);

describe('normalizeHeader', () => {
  it('folds full-width letters and brackets, case, spaces and punctuation away', () => {
    expect(normalizeHeader('\uFEFFＥ－ｍａｉｌ （Work）')).toBe('emailwork');
    expect(normalizeHeader(' Phone_No. ')).toBe('phoneno');
    expect(normalizeHeader('*手机号码：')).toBe('手机号码');
    expect(normalizeHeader('时长(分钟)')).toBe(normalizeHeader('时长（分钟）'));
    expect(normalizeHeader('Country/Region')).toBe('countryregion');
  });
});

describe('suggestMapping', () => {
  it('maps the Chinese headers a Chinese spreadsheet uses', () => {
    expect(customers(['姓名', '手机', '邮箱', '公司', '微信', '城市', '备注', '标签'])).toEqual([
      'name',
      'phone',
      'email',
      'company',
      'wechat',
      'city',
      'notes',
      'tags',
    ]);
  });

  it('maps the Chinese synonyms other tools write', () => {
    expect(customers(['客户名称', '联系电话', '电子邮件', '单位', '微信号', '所在城市', '客户编号'])).toEqual(
      ['name', 'phone', 'email', 'company', 'wechat', 'city', 'externalId'],
    );
    expect(customers(['名字'])).toEqual(['name']);
    expect(customers(['电话'])).toEqual(['phone']);
  });

  it('maps English headers whatever their case', () => {
    expect(
      customers(['Name', 'PHONE', 'email', 'Company', 'WeChat', 'City', 'Job Title', 'ZIP code']),
    ).toEqual(['name', 'phone', 'email', 'company', 'wechat', 'city', 'jobTitle', 'postcode']);
  });

  it('maps full-width and spaced variants (Ｅ－ｍａｉｌ, 手 机, "Phone No.")', () => {
    expect(customers(['Ｅ－ｍａｉｌ', ' 手 机 ', 'Phone number', '姓名：', '（公司）', 'e_mail'])).toEqual([
      'email',
      'phone',
      'phone',
      'name',
      'company',
      'email',
    ]);
  });

  it('maps a header that starts with a byte-order mark', () => {
    expect(customers(['\uFEFF姓名', 'Phone'])).toEqual(['name', 'phone']);
  });

  it('maps every email and phone column: Email, Email 2, 电话2, Phone3', () => {
    expect(customers(['Name', 'Email', 'Email 2', '电话', '电话2', 'Phone3', 'Mobile'])).toEqual([
      'name',
      'email',
      'email',
      'phone',
      'phone',
      'phone',
      'phone',
    ]);
  });

  it('maps only the first of duplicate non-repeatable headers; the later ones are ignored', () => {
    expect(customers(['Name', '姓名', 'Company', 'Company', '名字', 'Tags', 'Tags'])).toEqual([
      'name',
      null,
      'company',
      null,
      null,
      'tags',
      'tags',
    ]);
  });

  it('does not treat a trailing number as a copy for non-repeatable fields (Name 2 is unknown)', () => {
    expect(customers(['Name', 'Name 2', 'Company2'])).toEqual(['name', null, null]);
  });

  it('maps a column named like a custom field to that field', () => {
    expect(
      customers(
        ['姓名', '会员等级', 'Shoe size'],
        [
          { id: 3, name: '会员等级' },
          { id: 7, name: 'shoe-size' },
        ],
      ),
    ).toEqual(['name', 'custom:3', 'custom:7']);
  });

  it("lets the owner's custom field win over a built-in synonym of the same name (Status)", () => {
    expect(customers(['Status'])).toEqual(['stage']);
    expect(customers(['Status', 'Stage'], [{ id: 4, name: 'Status' }])).toEqual(['custom:4', 'stage']);
  });

  it('ignores custom fields for orders and conversations, which have none', () => {
    expect(suggestMapping(['会员等级'], 'orders', [{ id: 3, name: '会员等级' }])).toEqual([null]);
  });

  it('maps the real Online Retail headers to order lines', () => {
    expect(
      suggestMapping(
        [
          'InvoiceNo',
          'StockCode',
          'Description',
          'Quantity',
          'InvoiceDate',
          'UnitPrice',
          'CustomerID',
          'Country',
        ],
        'orders',
        [],
      ),
    ).toEqual([
      'invoice',
      'sku',
      'lineDescription',
      'quantity',
      'orderedAt',
      'unitPrice',
      'customerExternalId',
      'customerCountry',
    ]);
  });

  it('maps Description to the order description in a file of whole orders (no line columns)', () => {
    expect(suggestMapping(['订单号', '日期', '金额', 'Description', '客户'], 'orders', [])).toEqual([
      'invoice',
      'orderedAt',
      'amount',
      'description',
      'customerName',
    ]);
  });

  it('gives Description the order description when the line description is already named (Item)', () => {
    expect(suggestMapping(['Invoice', 'Description', 'Item', 'Qty', 'Price'], 'orders', [])).toEqual([
      'invoice',
      'description',
      'lineDescription',
      'quantity',
      'unitPrice',
    ]);
  });

  it('maps Chinese order headers: 订单号, 日期, 金额, 手机, 姓名', () => {
    expect(suggestMapping(['订单号', '日期', '金额', '币种', '手机', '姓名', '状态'], 'orders', [])).toEqual([
      'invoice',
      'orderedAt',
      'amount',
      'currency',
      'customerPhone',
      'customerName',
      'status',
    ]);
  });

  it('maps English order headers: Invoice, Date, Amount, Customer, Email', () => {
    expect(
      suggestMapping(['Invoice', 'Date', 'Amount', 'Customer', 'Email', 'Order status'], 'orders', []),
    ).toEqual(['invoice', 'orderedAt', 'amount', 'customerName', 'customerEmail', 'status']);
  });

  it('maps conversation headers', () => {
    expect(
      suggestMapping(['日期', '方式', '主题', '内容', '时长（分钟）', '邮箱'], 'conversations', []),
    ).toEqual(['occurredAt', 'kind', 'subject', 'body', 'durationMinutes', 'customerEmail']);
  });

  it('leaves unknown, blank and punctuation-only headers unmapped', () => {
    expect(customers(['Shoe size', '', '***', '2', '鞋码'])).toEqual([null, null, null, null, null]);
  });
});

describe('headerKey', () => {
  it('is the same for headers that differ only cosmetically', () => {
    expect(headerKey(['\uFEFF姓名', 'E-mail', '手机 号码'])).toBe(headerKey(['姓名 ', 'EMAIL', '手机号码']));
    expect(headerKey(['Ｐｈｏｎｅ（1）'])).toBe(headerKey(['phone(1)']));
  });

  it('differs when the columns are reordered, renamed or one is added', () => {
    const key = headerKey(['姓名', '手机']);
    expect(headerKey(['手机', '姓名'])).not.toBe(key);
    expect(headerKey(['姓名', '电话'])).not.toBe(key);
    expect(headerKey(['姓名', '手机', '邮箱'])).not.toBe(key);
  });

  it('keeps column boundaries: ["ab", "c"] is not ["a", "bc"]', () => {
    expect(headerKey(['ab', 'c'])).not.toBe(headerKey(['a', 'bc']));
  });
});

describe('tags in one cell', () => {
  it('splits on Chinese and English separators', () => {
    expect(splitTags('VIP, 老客户，批发；华东、华南;x')).toEqual([
      'VIP',
      '老客户',
      '批发',
      '华东',
      '华南',
      'x',
    ]);
  });

  it('keeps a quoted tag whole, and joinTags quotes exactly the names that need it', () => {
    const names = ['批发, 华东', 'VIP', 'say "hi"', '重要、紧急'];
    expect(joinTags(names)).toBe('"批发, 华东", VIP, "say ""hi""", "重要、紧急"');
    expect(splitTags(joinTags(names))).toEqual(names);
  });
});
