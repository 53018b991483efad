import type { FieldIssue, ImportKind, RejectCode, RowProblem } from '../../src-shared/contract';
import { IMPORT_TARGETS, REPEATABLE_TARGETS } from '../../src-shared/contract/importTerms';
import { invalidFields } from '../core/errors';
import { stripFormulaGuard } from '../exports/formulaGuard';
import type { SourceRow } from './read/types';

/** Targets without which a row of that kind means nothing. */
const REQUIRED_TARGETS: Record<ImportKind, { anyOf: string[]; name: string }[]> = {
  customers: [{ anyOf: ['name'], name: 'name' }],
  orders: [
    { anyOf: ['orderedAt'], name: 'orderedAt' },
    { anyOf: ['amount', 'unitPrice'], name: 'amount' },
    {
      anyOf: ['customerExternalId', 'customerEmail', 'customerPhone', 'customerName'],
      name: 'customer',
    },
  ],
  conversations: [
    { anyOf: ['occurredAt'], name: 'occurredAt' },
    {
      anyOf: ['customerExternalId', 'customerEmail', 'customerPhone', 'customerName'],
      name: 'customer',
    },
  ],
};

export const columnLabel = (headers: string[], index: number) =>
  headers[index]?.trim() || `Column ${index + 1}`;

/**
 * The owner's mapping checked against the file and the kind: one entry per column, known
 * targets only, a single-value target on one column at most, and the targets a row needs.
 */
export class ColumnMap {
  private readonly byTarget = new Map<string, number[]>();
  private custom: { fieldId: number; column: number }[] | undefined;

  constructor(
    readonly headers: string[],
    mapping: (string | null)[],
    kind: ImportKind,
    customFieldIds: ReadonlySet<number>,
  ) {
    const issues: FieldIssue[] = [];
    if (mapping.length !== headers.length) {
      issues.push({
        path: 'mapping',
        code: 'invalid',
        message: `The file has ${headers.length} columns; the mapping names ${mapping.length}`,
        params: { columns: headers.length },
      });
    }
    const known: readonly string[] = IMPORT_TARGETS[kind];
    mapping.forEach((target, index) => {
      if (target === null || index >= headers.length) return;
      const custom = /^custom:(\d+)$/.exec(target);
      const valid = custom
        ? kind === 'customers' && customFieldIds.has(Number(custom[1]))
        : known.includes(target);
      if (!valid) {
        issues.push({
          path: `mapping.${index}`,
          code: 'option',
          message: `"${target}" is not a field of ${kind}`,
        });
        return;
      }
      const columns = this.byTarget.get(target) ?? [];
      if (columns.length > 0 && !REPEATABLE_TARGETS.includes(target)) {
        issues.push({
          path: `mapping.${index}`,
          code: 'invalid',
          message: `Columns "${columnLabel(headers, columns[0]!)}" and "${columnLabel(headers, index)}" both go to ${target}`,
          params: { target },
        });
        return;
      }
      this.byTarget.set(target, [...columns, index]);
    });
    for (const required of REQUIRED_TARGETS[kind]) {
      if (!required.anyOf.some((target) => this.byTarget.has(target))) {
        issues.push({
          path: 'mapping',
          code: 'required',
          message: `Map a column to ${required.anyOf.join(' or ')}`,
          params: { target: required.name },
        });
      }
    }
    if (issues.length > 0) throw invalidFields(issues);
  }

  has(target: string): boolean {
    return this.byTarget.has(target);
  }

  columnsOf(target: string): number[] {
    return this.byTarget.get(target) ?? [];
  }

  /** Every mapped custom field id with its column. */
  customColumns(): { fieldId: number; column: number }[] {
    this.custom ??= [...this.byTarget.entries()]
      .filter(([target]) => target.startsWith('custom:'))
      .map(([target, columns]) => ({ fieldId: Number(target.slice(7)), column: columns[0]! }));
    return this.custom;
  }
}

/**
 * `text` as a string of its own. A cell is a slice of the decoded chunk of the file it was read
 * from (V8 shares the chunk's characters with slices of 13 characters or more), so a cell a plan
 * keeps keeps its whole ~64 KB chunk: the lines and orders of Online Retail held on to the whole
 * file, ~45 MB. Joining forces a flat copy, which the slice then points into instead.
 */
export function detachedText(text: string): string {
  // Shorter slices are copies already (V8's SlicedString::kMinLength): nothing to detach.
  return text.length < SHARED_SLICE_MIN_LENGTH ? text : (' ' + text).slice(1);
}

const SHARED_SLICE_MIN_LENGTH = 13;

/** Thrown while reading one row: the row is refused with this reason. */
export class RowRejected extends Error {
  constructor(
    readonly code: RejectCode,
    readonly column: number | null,
  ) {
    // A file can reject 100,000 rows (Online Retail: 135,080): capturing a stack for each cost
    // more than a second, and nobody reads these stacks.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(code);
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * One source row seen through the mapping: trimmed text per target, our own export's formula
 * guard removed, and problems that name the column.
 */
export class MappedRow {
  constructor(
    readonly columns: ColumnMap,
    readonly row: SourceRow,
  ) {}

  get line(): number {
    return this.row.line;
  }

  /** The same row with cells of its own, to be kept past the read (see detachedText). */
  detached(): MappedRow {
    return new MappedRow(this.columns, { line: this.row.line, cells: this.row.cells.map(detachedText) });
  }

  cell(column: number): string {
    return stripFormulaGuard((this.row.cells[column] ?? '').trim()).trim();
  }

  /** The target's cell, '' when the target is not mapped or the cell is blank. */
  text(target: string): string {
    const column = this.columns.columnsOf(target)[0];
    return column === undefined ? '' : this.cell(column);
  }

  /** Each non-blank cell of a repeatable target, with its column. */
  all(target: string): { text: string; column: number }[] {
    return this.columns
      .columnsOf(target)
      .map((column) => ({ text: this.cell(column), column }))
      .filter((cell) => cell.text !== '');
  }

  column(target: string): number | null {
    return this.columns.columnsOf(target)[0] ?? null;
  }

  /** Refuses the row, naming the target's column. */
  reject(code: RejectCode, target: string | null): never {
    this.rejectColumn(code, target === null ? null : this.column(target));
  }

  rejectColumn(code: RejectCode, column: number | null): never {
    throw new RowRejected(code, column);
  }

  problem(code: string, column: number | null): RowProblem {
    return {
      line: this.row.line,
      code,
      column: column === null ? null : columnLabel(this.columns.headers, column),
      value: column === null ? null : (this.row.cells[column] ?? '').slice(0, 100),
    };
  }
}
