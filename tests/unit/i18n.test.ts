import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ISSUE_CODES, LANGUAGES } from '../../src-shared/contract';
import { en } from '../../src-renderer/i18n/en';
import { resolveLocale } from '../../src-renderer/i18n/locale';
import { zhCN } from '../../src-renderer/i18n/zh-CN';

const catalogs: Record<string, Record<string, string>> = { en, 'zh-CN': zhCN };

describe('message catalogs', () => {
  it('have exactly the same keys', () => {
    const enKeys = Object.keys(en).sort();
    expect(Object.keys(zhCN).sort()).toEqual(enKeys);
  });

  it.each(Object.entries(catalogs))('%s has no empty messages', (_locale, catalog) => {
    const empty = Object.entries(catalog)
      .filter(([, message]) => message.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(Object.entries(catalogs))('%s uses the same placeholders as English', (_locale, catalog) => {
    const placeholders = (message: string) => (message.match(/\{\w+\}/g) ?? []).sort();
    const mismatched = Object.entries(en)
      .filter(([key, message]) => placeholders(catalog[key] ?? '').join() !== placeholders(message).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it.each(Object.entries(catalogs))('%s translates every error code and issue code', (_locale, catalog) => {
    const needed = [
      ...ERROR_CODES.map((code) => `error.${code}`),
      ...ISSUE_CODES.map((code) => `issue.${code}`),
    ];
    expect(needed.filter((key) => !catalog[key])).toEqual([]);
  });

  it.each(Object.entries(catalogs))('%s names every language the settings offer', (_locale, catalog) => {
    expect(LANGUAGES.filter((language) => !catalog[`settings.language.${language}`])).toEqual([]);
  });

  it('really is translated: Chinese messages differ from English except names and symbols', () => {
    const same = Object.keys(en).filter((key) => zhCN[key as keyof typeof en] === en[key as keyof typeof en]);
    expect(same.sort()).toEqual(
      [
        'app.name',
        'app.documentTitle',
        'customers.newShortcut',
        'customer.logConversationShortcut',
        'settings.language.en',
        'settings.language.zh-CN',
        'table.emptyCell',
      ].sort(),
    );
  });
});

describe('resolveLocale', () => {
  it('uses the saved language when there is one', () => {
    expect(resolveLocale('en', 'zh-CN')).toBe('en');
    expect(resolveLocale('zh-CN', 'en-US')).toBe('zh-CN');
  });

  it('follows the system language while none is saved: any Chinese gets zh-CN, anything else English', () => {
    expect(resolveLocale(null, 'zh-CN')).toBe('zh-CN');
    expect(resolveLocale(null, 'zh-TW')).toBe('zh-CN');
    expect(resolveLocale(null, 'zh')).toBe('zh-CN');
    expect(resolveLocale(null, 'en-GB')).toBe('en');
    expect(resolveLocale(null, 'de-DE')).toBe('en');
    expect(resolveLocale(null, undefined)).toBe('en');
  });
});
