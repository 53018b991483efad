import type { Delimiter } from '../../../src-shared/contract';
import { DELIMITERS } from '../../../src-shared/contract/importTerms';

/** Records looked at: enough to see a pattern, few enough that the sniff stays instant. */
const SAMPLE_RECORDS = 50;

/**
 * How often each candidate occurs per record, outside quotes. A quoted field may hold
 * delimiters and line breaks, so a quoted line break does not end the record.
 */
function countsPerRecord(sample: string): Map<Delimiter, number>[] {
  const records: Map<Delimiter, number>[] = [];
  let counts = new Map<Delimiter, number>();
  let quoting = false;
  let recordHasText = false;
  const endRecord = () => {
    if (recordHasText) records.push(counts);
    counts = new Map();
    recordHasText = false;
  };
  for (let i = 0; i < sample.length && records.length < SAMPLE_RECORDS; i++) {
    const char = sample[i]!;
    if (char === '"') {
      // A doubled quote inside a quoted field toggles twice: still quoting, as it should.
      quoting = !quoting;
    } else if (!quoting && (char === '\n' || char === '\r')) {
      endRecord();
      continue;
    } else if (!quoting && (DELIMITERS as readonly string[]).includes(char)) {
      counts.set(char as Delimiter, (counts.get(char as Delimiter) ?? 0) + 1);
    }
    recordHasText = true;
  }
  // The sample is usually cut in the middle of a record: its last record only counts when whole.
  if (records.length === 0) endRecord();
  return records;
}

/**
 * Picks the delimiter whose count per record is the most consistent (the share of records that
 * have its most common count), among candidates that occur at all; ties go to the one that makes
 * more columns, then to the order of DELIMITERS (`,` first). A one-column file gives `,`.
 */
export function sniffDelimiter(sample: string): Delimiter {
  const records = countsPerRecord(sample);
  let best: { delimiter: Delimiter; consistency: number; columns: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const frequency = new Map<number, number>();
    for (const counts of records) {
      const count = counts.get(delimiter) ?? 0;
      frequency.set(count, (frequency.get(count) ?? 0) + 1);
    }
    let mode = 0;
    let modeRecords = 0;
    for (const [count, times] of frequency) {
      if (count > 0 && (times > modeRecords || (times === modeRecords && count > mode))) {
        mode = count;
        modeRecords = times;
      }
    }
    if (mode === 0) continue;
    const consistency = modeRecords / records.length;
    if (
      !best ||
      consistency > best.consistency ||
      (consistency === best.consistency && mode > best.columns)
    ) {
      best = { delimiter, consistency, columns: mode };
    }
  }
  return best?.delimiter ?? ',';
}
