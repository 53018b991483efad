import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  DownloadFile,
  ImportHistoryEntry,
  ImportSummary,
  Language,
  ParsedInput,
  Settings,
} from '../../src-shared/contract';
import { effectiveRegion } from '../../src-shared/contract';
import { toIso, toIsoOrNull, type Clock } from '../core/clock';
import { notFound } from '../core/errors';
import type { EventHub } from '../core/events';
import { csvLine, encodeCsv } from '../exports/csvWriter';
import { neutralizeCell, stripFormulaGuard } from '../exports/formulaGuard';
import type { JobRunner } from '../jobs/runner';
import type { ImportTemplates } from './mapping/templates';
import { previewImport } from './preview';
import { rejectReason } from './rejectReasons';
import type { StagedFiles } from './staging';
import { localDate } from '../core/localDate';

export interface ImportServiceDeps {
  sqlite: Database.Database;
  clock: Clock;
  events: EventHub;
  settings: { get(): Settings };
  staging: StagedFiles;
  templates: ImportTemplates;
  jobs: JobRunner;
}

/** The owner's local calendar day (birthdays cannot be after it). */

/**
 * The main-thread side of imports: staging uploads, previews, history, and handing the heavy
 * work (dry run, commit, undo) to the worker, then telling the UI what changed.
 */
export class ImportService {
  constructor(private readonly deps: ImportServiceDeps) {}

  upload(input: ParsedInput<'imports.upload'>) {
    return this.deps.staging.append(input);
  }

  preview(input: ParsedInput<'imports.preview'>) {
    return previewImport(this.deps.staging.get(input.fileId), input, this.deps);
  }

  async run(input: ParsedInput<'imports.dryRun'>, dryRun: boolean): Promise<ImportSummary> {
    const file = this.deps.staging.get(input.fileId);
    const settings = this.deps.settings.get();
    const summary = await this.deps.jobs.run(input.jobId, {
      type: 'import',
      dryRun,
      input,
      env: {
        file: file.path,
        fileName: file.fileName,
        settings,
        region: input.options.region ?? effectiveRegion(settings),
        today: localDate(this.deps.clock.now()),
      },
    });
    if (!dryRun) {
      // Imported: the copy of the owner's file has done its job (history keeps name and checksum).
      this.deps.staging.remove(input.fileId);
      this.deps.events.emit({ type: 'data.changed', payload: { entity: 'customers' } });
      this.deps.events.emit({ type: 'data.changed', payload: { entity: 'imports' } });
      this.deps.events.emit({ type: 'data.changed', payload: { entity: 'tags' } });
    }
    return summary;
  }

  async undo(importId: number) {
    const settings = this.deps.settings.get();
    const result = await this.deps.jobs.run(randomUUID(), {
      type: 'undoImport',
      importId,
      env: { region: effectiveRegion(settings), currency: settings.currency },
    });
    this.deps.events.emit({ type: 'data.changed', payload: { entity: 'customers' } });
    this.deps.events.emit({ type: 'data.changed', payload: { entity: 'imports' } });
    this.deps.events.emit({ type: 'data.changed', payload: { entity: 'tags' } });
    return result;
  }

  /** The import a change batch belongs to, so the generic undo toast can route to `undo`. */
  importOfBatch(batchId: number): number | null {
    const row = this.deps.sqlite.prepare('SELECT id FROM imports WHERE batch_id = ?').get(batchId) as
      { id: number } | undefined;
    return row?.id ?? null;
  }

  list(): ImportHistoryEntry[] {
    const rows = this.deps.sqlite
      .prepare(
        `SELECT i.*, b.undone_at FROM imports i JOIN change_batches b ON b.id = i.batch_id ORDER BY i.id DESC LIMIT 200`,
      )
      .all() as Record<string, string | number | null>[];
    return rows.map((row) => ({
      id: row.id as number,
      kind: row.kind as ImportHistoryEntry['kind'],
      format: row.format as ImportHistoryEntry['format'],
      fileName: row.file_name as string,
      encoding: row.encoding as string,
      at: toIso(row.created_at as number),
      counts: {
        rows: row.total_rows as number,
        create: row.created_count as number,
        update: row.updated_count as number,
        skip: row.skipped_count as number,
        reject: row.rejected_count as number,
        warn: row.warning_count as number,
      },
      batchId: row.batch_id as number,
      undoneAt: toIsoOrNull(row.undone_at as number | null),
      ms: row.duration_ms as number,
    }));
  }

  /** The file's own columns plus Line and Reason: fix the cells in Excel and import the file again. */
  rejects(importId: number, language: Language | undefined): DownloadFile {
    const row = this.deps.sqlite
      .prepare('SELECT file_name AS fileName, settings FROM imports WHERE id = ?')
      .get(importId) as { fileName: string; settings: string } | undefined;
    if (!row) throw notFound('Import', importId);
    const lang = language ?? this.deps.settings.get().language ?? 'zh-CN';
    const headers = (JSON.parse(row.settings) as { headers: string[] }).headers;
    const rejects = this.deps.sqlite
      .prepare('SELECT line, code, column, cells FROM import_rejects WHERE import_id = ? ORDER BY line')
      .all(importId) as { line: number; code: string; column: string | null; cells: string }[];
    // The owner's own cells go back out: guarded against formulas like any export.
    // Cells our own export guarded (`'=…`) are stored with the guard: strip it before guarding again.
    const line = (cells: string[]) => csvLine(cells.map((cell) => neutralizeCell(stripFormulaGuard(cell))));
    const lines = [line([...headers, lang === 'en' ? 'Line' : '行号', lang === 'en' ? 'Reason' : '原因'])];
    for (const reject of rejects) {
      const cells = JSON.parse(reject.cells) as string[];
      lines.push(line([...cells, String(reject.line), rejectReason(reject.code, reject.column, lang)]));
    }
    const base = row.fileName.replace(/\.[^.]+$/, '');
    return {
      fileName: `${base}-${lang === 'en' ? 'rejected' : '未导入'}.csv`,
      mime: 'text/csv;charset=utf-8',
      base64: encodeCsv(lines.join(''), 'utf-8').toString('base64'),
      rows: rejects.length,
    };
  }
}
