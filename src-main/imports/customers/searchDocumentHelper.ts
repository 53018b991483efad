import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import {
  searchDocumentOf,
  type SearchDocument,
  type SearchDocumentSource,
  type SearchText,
} from '../../customers/searchDocument';
import type { JobContext } from '../../jobs/context';
import { startHelperThread, type HelperThread } from '../../jobs/helperThread';

/**
 * An import writes the search rows of its new customers after all of them, and making their
 * documents (pinyin, 1–2 character tokens) was a third of that: ~0.6 s of JavaScript for 100,000
 * customers, while the second core waits. A helper thread makes them a few chunks ahead of the
 * writes instead. Nothing waits for it: a chunk whose documents have not arrived when the import
 * reaches it is made by the import itself (and skipped by the helper), with the same function.
 */

/** Rows per message each way. */
const ROWS_PER_CHUNK = 1_000;
/** Chunks sent ahead of the one being written: enough to keep the helper busy, few to hold. */
const CHUNKS_AHEAD = 4;
/**
 * pinyin-pro alone is ~8 MB of heap. Under 32 MB old and 2 MB young the helper spent its time
 * collecting and fell behind mid-import (up to 9 chunks made by the import); at 48/4, only the
 * first one or two, for the same app peak within the noise (376–380 MB).
 */
const HELPER_HEAP = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 4 };

/** What the helper thread is started with (it is the job worker's file, in this role). */
export interface SearchDocumentHelperInput {
  role: 'searchDocuments';
  port: MessagePort;
  /** Int32 slot 0: the first chunk the import still wants; the helper skips those before it. */
  wanted: SharedArrayBuffer;
}

/** Name, company, WeChat and notes of each row, flat. */
interface Request {
  chunk: number;
  texts: (string | null)[];
}

/** Pinyin, starts and grams of each row, flat. */
interface Reply {
  chunk: number;
  documents: string[];
}

const TEXT_FIELDS = 4;
const DOCUMENT_FIELDS = 3;

/** The import's side: a SearchDocumentSource for CustomerRecords.endBulk. */
export class SearchDocumentHelper implements SearchDocumentSource {
  private readonly wanted: Int32Array;

  private constructor(
    private readonly helper: HelperThread,
    wanted: SharedArrayBuffer,
  ) {
    this.wanted = new Int32Array(wanted);
  }

  /** Start it early (at the commit's start): loading its modules takes a few tenths of a second. */
  static start(startHelper: JobContext['startHelper']): SearchDocumentHelper | null {
    const wanted = new SharedArrayBuffer(4);
    const helper = startHelperThread(
      startHelper,
      (port): SearchDocumentHelperInput => ({ role: 'searchDocuments', port, wanted }),
      HELPER_HEAP,
    );
    return helper && new SearchDocumentHelper(helper, wanted);
  }

  *documents(count: number, textAt: (row: number) => SearchText): Iterable<SearchDocument> {
    const chunks = Math.ceil(count / ROWS_PER_CHUNK);
    let sent = 0;
    for (let chunk = 0; chunk < chunks; chunk++) {
      for (; sent < Math.min(chunks, chunk + 1 + CHUNKS_AHEAD); sent++) this.send(sent, count, textAt);
      const documents = this.take(chunk);
      const first = chunk * ROWS_PER_CHUNK;
      const end = Math.min(count, first + ROWS_PER_CHUNK);
      for (let row = first; row < end; row++) {
        if (!documents) {
          yield searchDocumentOf(textAt(row));
          continue;
        }
        const at = (row - first) * DOCUMENT_FIELDS;
        yield { pinyin: documents[at]!, starts: documents[at + 1]!, grams: documents[at + 2]! };
      }
    }
  }

  /** Ends the helper: after the search rows, or when the commit fails. */
  stop(): void {
    this.helper.stop();
  }

  private send(chunk: number, count: number, textAt: (row: number) => SearchText): void {
    const texts: (string | null)[] = [];
    const end = Math.min(count, (chunk + 1) * ROWS_PER_CHUNK);
    for (let row = chunk * ROWS_PER_CHUNK; row < end; row++) {
      const text = textAt(row);
      texts.push(text.name, text.company, text.wechat, text.notes);
    }
    this.helper.port.postMessage({ chunk, texts } satisfies Request);
  }

  /**
   * The helper's documents for `chunk` if they are here; null: the import makes them itself.
   * The helper answers in order, so replies before this chunk's are for chunks the import has
   * made already: dropped.
   */
  private take(chunk: number): string[] | null {
    let documents: string[] | null = null;
    for (
      let message = receiveMessageOnPort(this.helper.port);
      message;
      message = receiveMessageOnPort(this.helper.port)
    ) {
      const reply = message.message as Reply;
      if (reply.chunk !== chunk) continue;
      documents = reply.documents;
      break;
    }
    Atomics.store(this.wanted, 0, chunk + 1);
    return documents;
  }
}

/** The helper thread's side: documents for each chunk the import still wants, in order. */
export function runSearchDocumentHelper(input: SearchDocumentHelperInput): void {
  const wanted = new Int32Array(input.wanted);
  // pinyin-pro reads its dictionaries on first use: done now, while the customers are written,
  // or the first chunks asked for arrive too late and the import makes them itself.
  searchDocumentOf({ name: '张三', company: null, wechat: null, notes: null });
  input.port.on('message', (request: Request) => {
    if (request.chunk < Atomics.load(wanted, 0)) return;
    const { texts } = request;
    const documents: string[] = [];
    for (let at = 0; at < texts.length; at += TEXT_FIELDS) {
      const document = searchDocumentOf({
        name: texts[at] ?? '',
        company: texts[at + 1] ?? null,
        wechat: texts[at + 2] ?? null,
        notes: texts[at + 3] ?? null,
      });
      documents.push(document.pinyin, document.starts, document.grams);
    }
    input.port.postMessage({ chunk: request.chunk, documents } satisfies Reply);
  });
}
