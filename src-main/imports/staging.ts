import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { MAX_IMPORT_BYTES } from '../../src-shared/contract';
import { AppError } from '../core/errors';

/** Uploads nobody finished importing are removed after a day. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export interface StagedFile {
  fileId: string;
  fileName: string;
  /** Where the uploaded bytes are. */
  path: string;
}

interface StagedMeta {
  fileName: string;
}

const tooLarge = () =>
  new AppError('VALIDATION', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`, [
    {
      path: 'file',
      code: 'file_too_large',
      message: 'The file is too large',
      params: { max: MAX_IMPORT_BYTES / 1024 / 1024 },
    },
  ]);

/**
 * Files on their way into an import. Every door uploads in chunks (`imports.upload`) into
 * `<dataDir>/import-staging/<fileId>` (the CLI too). File ids are UUIDs checked by the contract,
 * so they cannot point outside the folder. An import removes its upload; the rest go after a day.
 */
export class StagedFiles {
  constructor(
    private readonly dir: string,
    private readonly now: () => number,
  ) {}

  append(input: { fileId: string; fileName: string; offset: number; data: string }): {
    fileId: string;
    bytes: number;
  } {
    mkdirSync(this.dir, { recursive: true });
    const dataFile = this.dataFile(input.fileId);
    const chunk = Buffer.from(input.data, 'base64');
    if (input.offset === 0) {
      writeFileSync(
        this.metaFile(input.fileId),
        JSON.stringify({ fileName: basename(input.fileName) } satisfies StagedMeta),
      );
      writeFileSync(dataFile, chunk);
      return { fileId: input.fileId, bytes: chunk.length };
    }
    const size = existsSync(dataFile) ? statSync(dataFile).size : -1;
    if (size < 0) throw missing(input.fileId);
    if (size !== input.offset) {
      throw new AppError('VALIDATION', `The upload continues at byte ${size}, not ${input.offset}.`, [
        { path: 'offset', code: 'invalid', message: `Expected offset ${size}`, params: { expected: size } },
      ]);
    }
    if (size + chunk.length > MAX_IMPORT_BYTES) {
      this.remove(input.fileId);
      throw tooLarge();
    }
    appendFileSync(dataFile, chunk);
    return { fileId: input.fileId, bytes: size + chunk.length };
  }

  get(fileId: string): StagedFile {
    const metaFile = this.metaFile(fileId);
    if (!existsSync(metaFile)) throw missing(fileId);
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as StagedMeta;
    const path = this.dataFile(fileId);
    if (!existsSync(path)) throw missing(fileId);
    return { fileId, fileName: meta.fileName, path };
  }

  remove(fileId: string): void {
    rmSync(this.dataFile(fileId), { force: true });
    rmSync(this.metaFile(fileId), { force: true });
  }

  /** Removes uploads older than a day (run at start-up). */
  sweep(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      const file = join(this.dir, name);
      if (this.now() - statSync(file).mtimeMs > STALE_AFTER_MS) rmSync(file, { force: true });
    }
  }

  private dataFile(fileId: string) {
    return join(this.dir, `${fileId}.upload`);
  }

  private metaFile(fileId: string) {
    return join(this.dir, `${fileId}.json`);
  }
}

function missing(fileId: string) {
  return new AppError('VALIDATION', `The file ${fileId} is no longer staged; choose it again.`, [
    { path: 'fileId', code: 'file_missing', message: 'Choose the file again' },
  ]);
}
