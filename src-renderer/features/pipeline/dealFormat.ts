import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useI18n, type Translate } from '../../i18n/useI18n';
import { formatMoney } from '../customers/money';

/** How the pipeline pages write money, percentages and calendar days, in the reader's language. */
export interface DealFormat {
  t: Translate;
  money: (cents: number, currency: string) => string;
  /** 42 -> "42%"; P(win) arrives as a share (0.42) and goes through `share`. */
  percent: (whole: number) => string;
  share: (share: number) => string;
  /** `YYYY-MM-DD` -> "3 Dec 2026", read in UTC so the day shown is the day stored. */
  day: (day: string) => string;
}

export function dealFormat(t: Translate, locale: string): DealFormat {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const days = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    t,
    money: (cents, currency) => formatMoney(locale, cents, currency),
    percent: (whole) => percent.format(whole / 100),
    share: (share) => percent.format(share),
    day: (day) => {
      const date = new Date(`${day}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? day : days.format(date);
    },
  };
}

export function useDealFormat(): DealFormat {
  const { t, locale } = useI18n(useShallow((s) => ({ t: s.t, locale: s.locale })));
  return useMemo(() => dealFormat(t, locale), [t, locale]);
}

/** Today as `YYYY-MM-DD` in the owner's own time zone: the default close date. */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
