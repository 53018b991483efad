import type Database from 'better-sqlite3';
import { z } from 'zod';
import {
  IMPORT_TARGETS,
  importMapping,
  templateOptions,
  type ImportKind,
  type ImportTemplate,
  type ParsedInput,
} from '../../../src-shared/contract';
import { toIso, type Clock } from '../../core/clock';
import { invalidFields, notFound } from '../../core/errors';
import { headerKey } from './suggest';

interface TemplateRecord {
  id: number;
  name: string;
  kind: ImportKind;
  definition: string;
  updatedAt: number;
}

const SELECT_TEMPLATE = 'SELECT id, name, kind, definition, updated_at AS updatedAt FROM import_templates';

/** What `definition` holds; options are read leniently (see toTemplate). */
const storedDefinition = z.object({
  headers: z.array(z.string()),
  mapping: importMapping,
  options: z.unknown(),
});

const byName = new Intl.Collator('zh-CN');

/**
 * Column mappings saved by name and offered again for a file with the same headers (the monthly
 * export of the same shop). The name is unique per kind ignoring case: saving under a name that
 * exists replaces that template instead of making a near-twin.
 */
export class ImportTemplates {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly clock: Clock,
  ) {}

  list(kind?: ImportKind): ImportTemplate[] {
    const rows = (
      kind
        ? this.sqlite.prepare(`${SELECT_TEMPLATE} WHERE kind = ?`).all(kind)
        : this.sqlite.prepare(SELECT_TEMPLATE).all()
    ) as TemplateRecord[];
    return rows
      .map(toTemplate)
      .filter((template) => template !== null)
      .sort((a, b) => byName.compare(a.name, b.name) || a.id - b.id);
  }

  save(input: ParsedInput<'importTemplates.save'>): ImportTemplate {
    const { name, kind, headers, mapping, options } = input;
    checkMapping(kind, headers, mapping);
    const definition = JSON.stringify({ headers, mapping, options });
    const now = this.clock.now();
    const id = this.sqlite.transaction(() => {
      const existing = this.sqlite
        .prepare('SELECT id FROM import_templates WHERE kind = ? AND lower(name) = lower(?)')
        .get(kind, name) as { id: number } | undefined;
      if (existing) {
        this.sqlite
          .prepare(
            'UPDATE import_templates SET name = ?, header_key = ?, definition = ?, updated_at = ? WHERE id = ?',
          )
          .run(name, headerKey(headers), definition, now, existing.id);
        return existing.id;
      }
      const row = this.sqlite
        .prepare(
          `INSERT INTO import_templates (name, kind, header_key, definition, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
        )
        .get(name, kind, headerKey(headers), definition, now, now) as { id: number };
      return row.id;
    })();
    return toTemplate(this.find(id))!;
  }

  /** Templates are settings, not business records: deleting one erases it (no undo, no trash). */
  delete(id: number): { id: number } {
    const { changes } = this.sqlite.prepare('DELETE FROM import_templates WHERE id = ?').run(id);
    if (changes === 0) throw notFound('Template', id);
    return { id };
  }

  /** The most recently saved template for a file with these headers (cosmetic differences ignored). */
  findFor(kind: ImportKind, headers: string[]): ImportTemplate | null {
    const rows = this.sqlite
      .prepare(`${SELECT_TEMPLATE} WHERE kind = ? AND header_key = ? ORDER BY updated_at DESC, id DESC`)
      .all(kind, headerKey(headers)) as TemplateRecord[];
    for (const row of rows) {
      const template = toTemplate(row);
      if (template) return template;
    }
    return null;
  }

  private find(id: number): TemplateRecord {
    return this.sqlite.prepare(`${SELECT_TEMPLATE} WHERE id = ?`).get(id) as TemplateRecord;
  }
}

/**
 * The schema cannot see that the mapping has one entry per header, nor whether a target exists
 * for the kind (an orders template cannot map `wechat`), so both are checked here.
 */
function checkMapping(kind: ImportKind, headers: string[], mapping: (string | null)[]): void {
  if (mapping.length !== headers.length) {
    throw invalidFields([
      {
        path: 'mapping',
        code: 'invalid',
        message: `The mapping has ${mapping.length} entries for ${headers.length} columns.`,
        params: { expected: headers.length, actual: mapping.length },
      },
    ]);
  }
  const known: readonly string[] = IMPORT_TARGETS[kind];
  const issues = mapping.flatMap((target, column) =>
    target === null || known.includes(target) || (kind === 'customers' && target.startsWith('custom:'))
      ? []
      : [
          {
            path: `mapping.${column}`,
            code: 'option' as const,
            message: `${target} is not a field of ${kind}.`,
          },
        ],
  );
  if (issues.length > 0) throw invalidFields(issues);
}

/**
 * A template saved by another version whose headers or mapping no longer read is left out (the
 * owner maps by hand and saves again); options that no longer read are dropped, keeping the mapping.
 */
function toTemplate(row: TemplateRecord): ImportTemplate | null {
  let stored: z.infer<typeof storedDefinition>;
  try {
    const parsed = storedDefinition.safeParse(JSON.parse(row.definition));
    if (!parsed.success) return null;
    stored = parsed.data;
  } catch {
    return null;
  }
  const options = templateOptions.safeParse(stored.options);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    headers: stored.headers,
    mapping: stored.mapping,
    options: options.success ? options.data : {},
    updatedAt: toIso(row.updatedAt),
  };
}
