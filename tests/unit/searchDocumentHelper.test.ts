import { MessageChannel, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { searchDocumentOf, type SearchText } from '../../src-main/customers/searchDocument';
import {
  runSearchDocumentHelper,
  SearchDocumentHelper,
  type SearchDocumentHelperInput,
} from '../../src-main/imports/customers/searchDocumentHelper';
import type { JobContext } from '../../src-main/jobs/context';

// An import of many customers has their search documents made on a helper thread
// (imports/customers/searchDocumentHelper.ts). Whichever thread made a row's document, the search
// rows must hold exactly what making it in the import would have.

const NAMES = ['张三', '曾小明', '单田芳', 'Anna Li', '李😀', 'O’Brien-Smith', '', '欧阳娜娜', '解缙'];

const textOf = (row: number): SearchText => ({
  name: `${NAMES[row % NAMES.length]}${row % 7 === 0 ? '' : row}`,
  company: row % 3 === 0 ? null : `公司${row % 50} Ltd.`,
  wechat: row % 4 === 0 ? null : `wx_${row}`,
  notes: row % 5 === 0 ? null : `第${row}位客户, 喜欢龙井`,
});

const ROWS = 4_500;
const texts = Array.from({ length: ROWS }, (_, row) => textOf(row));

/** Stands in for the worker handle of a helper run in this thread: nothing to stop. */
const thisThread = { on: () => undefined, terminate: () => Promise.resolve(0) } as unknown as Worker;

/**
 * Runs the real helper in this thread. `mark` tags each reply's grams with ` ✓`, so the test
 * sees which rows the import took from the helper.
 */
function helperHere(
  options: { mark?: boolean; silent?: boolean } = {},
): NonNullable<JobContext['startHelper']> {
  return (data) => {
    const input = data as SearchDocumentHelperInput;
    if (options.silent) return thisThread;
    if (options.mark) {
      const post = input.port.postMessage.bind(input.port);
      input.port.postMessage = (reply: { chunk: number; documents: string[] }) =>
        post({ ...reply, documents: reply.documents.map((text, at) => (at % 3 === 2 ? `${text} ✓` : text)) });
    }
    runSearchDocumentHelper(input);
    return thisThread;
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('search documents made on a helper thread', () => {
  it('the helper makes each row’s document as the import would, and skips chunks the import has made', async () => {
    const { port1, port2 } = new MessageChannel();
    const wanted = new SharedArrayBuffer(4);
    runSearchDocumentHelper({ role: 'searchDocuments', port: port2, wanted });
    const flat = (from: number, to: number) =>
      texts.slice(from, to).flatMap((text) => [text.name, text.company, text.wechat, text.notes]);
    // The import has reached chunk 1: chunk 0 is no longer wanted.
    Atomics.store(new Int32Array(wanted), 0, 1);
    port1.postMessage({ chunk: 0, texts: flat(0, 1_000) });
    port1.postMessage({ chunk: 1, texts: flat(1_000, 2_000) });
    await settle();
    const replies = [];
    for (let message = receiveMessageOnPort(port1); message; message = receiveMessageOnPort(port1)) {
      replies.push(message.message as { chunk: number; documents: string[] });
    }
    port1.close();
    expect(replies.map((reply) => reply.chunk)).toEqual([1]);
    const documents = replies[0]!.documents;
    expect(documents).toHaveLength(3 * 1_000);
    texts.slice(1_000, 2_000).forEach((text, at) => {
      const { pinyin, starts, grams } = searchDocumentOf(text);
      expect(documents.slice(3 * at, 3 * at + 3)).toEqual([pinyin, starts, grams]);
    });
  });

  it('the import takes the helper’s documents where they have arrived and makes the rest, in row order', async () => {
    const helper = SearchDocumentHelper.start(helperHere({ mark: true }))!;
    const made = helper.documents(ROWS, (row) => texts[row]!)[Symbol.iterator]();
    // The first row: every chunk is asked for, none has arrived, so chunk 0 is made here.
    const documents = [made.next().value!];
    await settle();
    for (let next = made.next(); !next.done; next = made.next()) documents.push(next.value);
    helper.stop();

    expect(documents).toHaveLength(ROWS);
    documents.forEach((document, row) => {
      const expected = searchDocumentOf(texts[row]!);
      const fromHelper = row >= 1_000;
      expect(document).toEqual(fromHelper ? { ...expected, grams: `${expected.grams} ✓` } : expected);
    });
  });

  it('a helper that never answers costs nothing but its thread: every document is made here', () => {
    const helper = SearchDocumentHelper.start(helperHere({ silent: true }))!;
    const documents = [...helper.documents(ROWS, (row) => texts[row]!)];
    helper.stop();
    expect(documents).toEqual(texts.map(searchDocumentOf));
  });

  it('without helper threads (a job run in the test process), or when none can start, there is no helper', () => {
    expect(SearchDocumentHelper.start(undefined)).toBeNull();
    const noThreads = () => {
      throw new Error('ERR_WORKER_INIT_FAILED');
    };
    expect(SearchDocumentHelper.start(noThreads)).toBeNull();
  });
});
