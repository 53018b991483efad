import { describe, expect, it } from 'vitest';
import { canonicalEmail, normalizePhone, phoneSearchText } from '../../src-main/customers/contacts';
import { namePinyin } from '../../src-main/customers/pinyin';
import { nameSortKey } from '../../src-main/customers/sortKey';

const byKey = (a: string, b: string) => {
  const [x, y] = [nameSortKey(a), nameSortKey(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

/** A seeded mix of Chinese, English and odd names, like a real customer list. */
function sampleNames(count: number): string[] {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const han =
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐曾单解区仇朴阿安按暗岸案胺明华伟芳娜静丽强磊军洋勇艳杰娟涛超';
  const latin = [
    'Anna',
    'anna',
    'Bob',
    'Émile',
    'zoe',
    'Zhang',
    'O’Brien',
    'van Dijk',
    'ＡＢＣ',
    '123 Shop',
    '#1',
    ' spaced',
  ];
  return Array.from({ length: count }, () => {
    if (next() < 0.6)
      return Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick([...han])).join('');
    if (next() < 0.5) return `${pick(latin)} ${pick([...han])}`;
    return pick(latin) + (next() < 0.5 ? '' : ` ${pick(latin)}`);
  });
}

describe('name sort key', () => {
  it('orders names exactly as Intl.Collator("zh-CN") does (pinyin; punctuation < digits < Han < Latin)', () => {
    const names = sampleNames(3000);
    const collator = new Intl.Collator('zh-CN', { sensitivity: 'base' });
    const expected = [...names].sort(collator.compare);
    const actual = [...names].sort(byKey);
    // Names the collator calls equal may come in either order; compare the order of distinct keys.
    const rank = (list: string[]) =>
      list.map((name) => expected.findIndex((e) => collator.compare(e, name) === 0));
    expect(rank(actual)).toEqual(rank(expected));
  });

  it('puts 阿强 before 李四 before 张三, and Chinese names before Latin ones', () => {
    expect(['张三', 'Anna', '李四', '阿强'].sort(byKey)).toEqual(['阿强', '李四', '张三', 'Anna']);
  });

  it('ignores case, so Anna and anna sit together', () => {
    expect(nameSortKey('Anna')).toBe(nameSortKey('anna'));
  });
});

describe('canonical email (duplicate matching)', () => {
  it.each([
    ['Zhang.San+shop@Gmail.com', 'zhangsan@gmail.com'],
    ['z.h.a.n.g.san@googlemail.com', 'zhangsan@gmail.com'],
    ['Li.Si+x@QQ.com', 'li.si+x@qq.com'],
    ['  ann@Example.CN ', 'ann@example.cn'],
  ])('%s → %s', (typed, canonical) => {
    expect(canonicalEmail(typed)).toBe(canonical);
  });
});

describe('phone normalization (default region CN, full metadata)', () => {
  it.each([
    ['13800138000', '+8613800138000', true],
    ['+86 138 0013 8000', '+8613800138000', true],
    ['0086 138 0013 8000', '+8613800138000', true],
    ['１３８００１３８０００', '+8613800138000', true],
    ['(010) 6552 9988', '+861065529988', true],
    ['+1 650 253 0000', '+16502530000', true],
    ['138 0013 8000 转 123', '+8613800138000', true],
  ])('%s → %s', (typed, e164, valid) => {
    expect(normalizePhone(typed, 'CN')).toEqual({ value: typed.trim(), e164, valid });
  });

  it.each(['12345678901', '852 2123 4567'])(
    '%s is kept but flagged: it does not exist in the CN plan',
    (typed) => {
      expect(normalizePhone(typed, 'CN')).toMatchObject({ value: typed, valid: false });
    },
  );

  it.each(['1.38001E+10', 'call me', '转 123'])(
    '%s cannot be read: kept as typed, no E.164, flagged',
    (typed) => {
      expect(normalizePhone(typed, 'CN')).toEqual({ value: typed, e164: null, valid: false });
    },
  );

  it('without a default region only numbers with + are read', () => {
    expect(normalizePhone('13800138000', null).e164).toBeNull();
    expect(normalizePhone('+8613800138000', null).e164).toBe('+8613800138000');
  });

  it('indexes the digits a user might type: international, national and as typed', () => {
    const text = phoneSearchText(normalizePhone('+86 138-0013-8000', 'CN'));
    expect(text).toContain('8613800138000');
    expect(text).toContain('13800138000');
  });

  it('writes each form once, and none that a longer form already contains', () => {
    expect(phoneSearchText(normalizePhone('+86 138-0013-8000', 'CN'))).toBe(
      '+86 138-0013-8000 8613800138000',
    );
    expect(phoneSearchText(normalizePhone('13800138000', 'CN'))).toBe('8613800138000');
    // A trunk 0 is in no international form: the national digits as typed stay.
    expect(phoneSearchText(normalizePhone('07911 123456', 'GB'))).toBe(
      '07911 123456 07911123456 447911123456',
    );
  });
});

describe('pinyin for search', () => {
  it.each([
    ['张三', ['zhangsan', 'zs']],
    ['曾小贤', ['zengxiaoxian', 'zxx']],
    ['单田芳', ['shantianfang', 'stf']],
    ['欧阳娜娜', ['ouyangnana', 'oynn']],
  ])('%s reads as %j (surnames read as surnames)', (name, forms) => {
    const text = namePinyin(name).split(' ');
    for (const form of forms) expect(text).toContain(form);
  });

  it('is empty for names without Chinese characters', () => {
    expect(namePinyin('Anna Li')).toBe('');
  });
});
