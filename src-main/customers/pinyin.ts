import { pinyin } from 'pinyin-pro';
import { rememberBounded } from '../core/boundedCache';

/*
 * Apart from contacts.ts so that a thread that needs only pinyin (an import's search document
 * helper, imports/customers/searchDocumentHelper.ts) does not load libphonenumber's metadata.
 */

const HAN = /\p{Script=Han}/u;

/**
 * Names repeat (王伟, 张敏…), and reading one costs pinyin-pro ~5 µs: a 100,000-customer import
 * asks for each name once. Bounded like the phone cache (contacts.ts); only an import's threads fill it.
 */
const PINYIN_CACHE_SIZE = 50_000;
const pinyinCache = new Map<string, string>();

/**
 * Pinyin forms of a name for search: full (`zhangsan`) and initials (`zs`); empty for names
 * without Chinese characters. Surname mode reads 曾/单/解 as surnames (zeng, shan, xie).
 */
export function namePinyin(name: string): string {
  if (!HAN.test(name)) return '';
  const cached = pinyinCache.get(name);
  if (cached !== undefined) return cached;
  const syllables = pinyin(name, { toneType: 'none', type: 'array', mode: 'surname' })
    .map((syllable) => syllable.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  const full = syllables.join('');
  const initials = syllables.map((syllable) => syllable[0]).join('');
  return rememberBounded(pinyinCache, name, `${full} ${initials}`, PINYIN_CACHE_SIZE);
}
