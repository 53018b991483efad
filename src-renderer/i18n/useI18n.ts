import { create } from 'zustand';
import { en, type MessageKey, type Messages } from './en';
import { resolveLocale, type Locale } from './locale';
import { zhCN } from './zh-CN';

export type { MessageKey } from './en';
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogs: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

interface I18nState {
  locale: Locale;
  /** Replaced on every locale change, so components that select it re-render in the new language. */
  t: Translate;
  formatNumber: (value: number) => string;
  /** ISO-8601 instant -> date and time in the locale's style. */
  formatDateTime: (iso: string) => string;
  setLocale: (locale: Locale) => void;
}

function bind(locale: Locale): Omit<I18nState, 'setLocale'> {
  const catalog = catalogs[locale];
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const formatNumber = (value: number) => numbers.format(value);
  const t: Translate = (key, params) => {
    const template = catalog[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? formatNumber(value) : value;
    });
  };
  const formatDateTime = (iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : dates.format(date);
  };
  return { locale, t, formatNumber, formatDateTime };
}

// Read through globalThis: unit tests load this module in Node, whose types know no navigator.
const systemLanguage = (globalThis as { navigator?: { language?: string } }).navigator?.language;
const initialLocale = resolveLocale(null, systemLanguage);

/** The UI language. The settings store decides the locale; everything else only reads it. */
export const useI18n = create<I18nState>()((set, get) => ({
  ...bind(initialLocale),
  setLocale: (locale) => {
    if (get().locale !== locale) set(bind(locale));
  },
}));

/** Shorthand for the common case: a component that only needs `t`. */
export const useT = (): Translate => useI18n((state) => state.t);
