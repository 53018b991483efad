import { REPEATABLE_TARGETS, type ImportTemplate } from '../../../src-shared/contract';

/** One entry per column of the file: the target it goes to, or null when it is ignored. */
export type Mapping = readonly (string | null)[];

export type MappingAction =
  /** A new preview (another file, encoding or header row): its suggestions replace everything. */
  | { type: 'reset'; mapping: Mapping }
  | { type: 'set'; column: number; target: string | null }
  /** A saved template, applied by header name, so it fits a file whose columns moved. */
  | { type: 'template'; template: Pick<ImportTemplate, 'headers' | 'mapping'>; headers: readonly string[] };

const headerKey = (header: string) => header.trim().toLowerCase();

/**
 * How the mapping changes. A field takes one column (emails, phones and tags excepted: each extra
 * column is another one), so choosing a field another column had moves it rather than doubling it.
 */
export function mappingReducer(mapping: Mapping, action: MappingAction): Mapping {
  switch (action.type) {
    case 'reset':
      return action.mapping;
    case 'set': {
      const { column, target } = action;
      const exclusive = target !== null && !REPEATABLE_TARGETS.includes(target);
      return mapping.map((current, index) => {
        if (index === column) return target;
        return exclusive && current === target ? null : current;
      });
    }
    case 'template': {
      const saved = new Map<string, string | null>();
      action.template.headers.forEach((header, index) => {
        saved.set(headerKey(header), action.template.mapping[index] ?? null);
      });
      // Columns the template does not know keep what they had.
      return mapping.map((current, index) => {
        const key = headerKey(action.headers[index] ?? '');
        return saved.has(key) ? (saved.get(key) ?? null) : current;
      });
    }
  }
}

/** Nothing to import when every column is ignored. */
export const hasMappedColumn = (mapping: Mapping): boolean => mapping.some((target) => target !== null);
