import { describe, expect, test } from 'vitest';
import { shortSearchDocument, shortSearchQuery } from '../../src-main/customers/shortSearch';

const empty = { name: '', pinyin: '', company: '', wechat: '', notes: '' };

describe('the one- and two-character search row', () => {
  test('holds the beginnings of the name and its pinyin, and every piece of each word', () => {
    const document = shortSearchDocument({
      name: '张三',
      pinyin: 'zhangsan zs zhang san',
      company: 'ACME-公司 Ltd.',
      wechat: 'zs_2024',
      notes: '喜欢龙井，每月 3 号\n回访！😀 ok',
    });
    expect(document.starts).toBe('张 张三 z zh zs');
    // Punctuation, symbols (the emoji) and spaces end a word: no pair spans them (`e-公`, `号回`).
    expect(document.grams).toBe(
      '张 三 张三 z h zh a ha n an g ng s gs sa zs c ac m cm e me 公 司 公司 l t lt d td 2 0 20 02 4 24 ' +
        '喜 欢 喜欢 龙 欢龙 井 龙井 每 月 每月 3 号 回 访 回访 o k ok',
    );
  });

  test('folds case and keeps each piece once', () => {
    const document = shortSearchDocument({ ...empty, name: 'Anna ANNA', notes: 'nana' });
    expect(document.starts).toBe('a an');
    expect(document.grams).toBe('a n an nn na');
  });

  test('an empty customer has an empty row', () => {
    expect(shortSearchDocument(empty)).toEqual({ starts: '', grams: '' });
  });

  test('a query is one token without separators, quoted so nothing in it is syntax', () => {
    expect(shortSearchQuery('grams', 'Z"S OR')).toBe('grams : "zsor"');
    expect(shortSearchQuery('starts', '@@')).toBeNull();
  });
});
