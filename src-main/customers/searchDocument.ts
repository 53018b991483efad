import { namePinyin } from './pinyin';
import { shortSearchDocument } from './shortSearch';

/** The customer's own text its search rows are derived from (contacts are added as they are). */
export interface SearchText {
  name: string;
  company: string | null;
  wechat: string | null;
  notes: string | null;
}

/** What the search rows hold beyond that text: the name's pinyin and the short-search tokens. */
export interface SearchDocument {
  pinyin: string;
  starts: string;
  grams: string;
}

export function searchDocumentOf(text: SearchText): SearchDocument {
  const pinyin = namePinyin(text.name);
  const { starts, grams } = shortSearchDocument({
    name: text.name,
    pinyin,
    company: text.company ?? '',
    wechat: text.wechat ?? '',
    notes: text.notes ?? '',
  });
  return { pinyin, starts, grams };
}

/**
 * The documents of a bulk load's rows, one per row in order. `textAt(i)` may be read for row `i`
 * and later rows only: the rows before it have been written and let go. Made right here, or ahead
 * on another thread (imports/customers/searchDocumentHelper.ts): the same function either way.
 */
export interface SearchDocumentSource {
  documents(count: number, textAt: (row: number) => SearchText): Iterable<SearchDocument>;
}

export const searchDocumentsHere: SearchDocumentSource = {
  *documents(count, textAt) {
    for (let row = 0; row < count; row++) yield searchDocumentOf(textAt(row));
  },
};
