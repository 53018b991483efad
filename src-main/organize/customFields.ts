import { newUid } from '../core/uid';
import type {
  CustomFieldDefinition,
  CustomFieldType,
  FieldIssue,
  ParsedInput,
} from '../../src-shared/contract';
import { invalidFields, notFound } from '../core/errors';
import type { OrganizeDeps } from './tags';

interface FieldRecord {
  id: number;
  label: string;
  type: CustomFieldType;
  options: string;
  position: number;
  deletedAt: number | null;
}

const SELECT_FIELD = `SELECT id, label, type, options, position, deleted_at AS deletedAt FROM custom_fields`;

/**
 * Definitions of the owner's own customer fields. The type is fixed at creation (values already
 * stored would stop making sense); deleting hides the field, its values stay on the customers.
 */
export class CustomFieldService {
  constructor(private readonly deps: OrganizeDeps) {}

  list(): CustomFieldDefinition[] {
    const rows = this.deps.sqlite
      .prepare(`${SELECT_FIELD} WHERE deleted_at IS NULL ORDER BY position, id`)
      .all() as FieldRecord[];
    return rows.map(toDefinition);
  }

  create(input: ParsedInput<'customFields.create'>): CustomFieldDefinition {
    const { sqlite, clock } = this.deps;
    checkOptions(input.type, input.options);
    const id = sqlite.transaction(() => {
      const now = clock.now();
      const { next } = sqlite
        .prepare('SELECT coalesce(max(position) + 1, 0) AS next FROM custom_fields WHERE deleted_at IS NULL')
        .get() as { next: number };
      const row = sqlite
        .prepare(
          `INSERT INTO custom_fields (uid, created_at, updated_at, label, type, options, position)
           VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        )
        .get(newUid(), now, now, input.label, input.type, JSON.stringify(input.options), next) as {
        id: number;
      };
      return row.id;
    })();
    return this.changed(id);
  }

  update({ id, label, options, position }: ParsedInput<'customFields.update'>): CustomFieldDefinition {
    const { sqlite, clock } = this.deps;
    sqlite.transaction(() => {
      const current = this.find(id);
      if (current.deletedAt !== null) throw notFound('Custom field', id);
      if (options !== undefined) checkOptions(current.type, options);
      sqlite
        .prepare('UPDATE custom_fields SET label = ?, options = ?, updated_at = ? WHERE id = ?')
        .run(
          label ?? current.label,
          options !== undefined ? JSON.stringify(options) : current.options,
          clock.now(),
          id,
        );
      if (position !== undefined) this.move(id, position);
    })();
    return this.changed(id);
  }

  delete(id: number): CustomFieldDefinition {
    this.find(id);
    const now = this.deps.clock.now();
    this.deps.sqlite
      .prepare('UPDATE custom_fields SET deleted_at = coalesce(deleted_at, ?), updated_at = ? WHERE id = ?')
      .run(now, now, id);
    return this.changed(id);
  }

  restore(id: number): CustomFieldDefinition {
    this.find(id);
    this.deps.sqlite
      .prepare('UPDATE custom_fields SET deleted_at = NULL, updated_at = ? WHERE id = ?')
      .run(this.deps.clock.now(), id);
    return this.changed(id);
  }

  /** Puts the field at that index of the live list and renumbers the rest, so positions stay 0..n-1. */
  private move(id: number, position: number): void {
    const order = this.list()
      .map((field) => field.id)
      .filter((other) => other !== id);
    order.splice(Math.min(position, order.length), 0, id);
    const set = this.deps.sqlite.prepare('UPDATE custom_fields SET position = ? WHERE id = ?');
    order.forEach((fieldId, index) => set.run(index, fieldId));
  }

  private find(id: number): FieldRecord {
    const row = this.deps.sqlite.prepare(`${SELECT_FIELD} WHERE id = ?`).get(id) as FieldRecord | undefined;
    if (!row) throw notFound('Custom field', id);
    return row;
  }

  private changed(id: number): CustomFieldDefinition {
    this.deps.events.emit({ type: 'data.changed', payload: { entity: 'customFields' } });
    return toDefinition(this.find(id));
  }
}

/** A single select needs something to pick, each choice once; other types take no options. */
function checkOptions(type: CustomFieldType, options: string[]): void {
  const issues: FieldIssue[] = [];
  if (type === 'select' && options.length === 0) {
    issues.push({ path: 'options', code: 'required', message: 'A select field needs at least one option' });
  }
  if (type !== 'select' && options.length > 0) {
    issues.push({ path: 'options', code: 'invalid', message: `A ${type} field has no options` });
  }
  options.forEach((option, index) => {
    if (options.indexOf(option) !== index) {
      issues.push({ path: `options.${index}`, code: 'invalid', message: `"${option}" is listed twice` });
    }
  });
  if (issues.length > 0) throw invalidFields(issues);
}

function toDefinition(row: FieldRecord): CustomFieldDefinition {
  let options: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.options);
    if (Array.isArray(parsed)) options = parsed.filter((value): value is string => typeof value === 'string');
  } catch {
    // An unreadable list shows as no options rather than hiding the field.
  }
  return { id: row.id, label: row.label, type: row.type, options, position: row.position };
}
