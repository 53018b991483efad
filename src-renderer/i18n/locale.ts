import type { Language } from '../../src-shared/contract';

export type Locale = Language;

/**
 * The locale the UI shows: the saved choice, or, while the owner has not chosen (null),
 * the browser's/OS's language: any Chinese variant gets Simplified Chinese, anything else English.
 */
export function resolveLocale(saved: Language | null, navigatorLanguage: string | undefined): Locale {
  if (saved) return saved;
  return navigatorLanguage?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
