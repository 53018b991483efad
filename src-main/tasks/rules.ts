import type Database from 'better-sqlite3';
import { SEGMENT_KEYS, type ParsedInput, type TaskRule } from '../../src-shared/contract';
import { toIso, type Clock } from '../core/clock';
import { invalidFields, notFound } from '../core/errors';
import type { EventHub } from '../core/events';

type RuleFields = ParsedInput<'taskRules.create'>;
type RulePatch = ParsedInput<'taskRules.update'>['patch'];

interface RuleRow {
  id: number;
  kind: TaskRule['kind'];
  days: number;
  segment: string | null;
  enabled: number;
  title: string | null;
  createdAt: number;
}

const COLUMNS = 'id, kind, days, segment, enabled, title, created_at AS createdAt';

/** The owner's automation rules (Settings → Follow-ups). Turning one on starts it afresh. */
export class TaskRuleService {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly clock: Clock,
    private readonly events: EventHub,
  ) {}

  list(): TaskRule[] {
    return (this.sqlite.prepare(`SELECT ${COLUMNS} FROM task_rules ORDER BY id`).all() as RuleRow[]).map(
      toRule,
    );
  }

  create(fields: RuleFields): TaskRule {
    this.checkSegment(fields.kind, fields.segment, 'segment');
    const now = this.clock.now();
    const id = Number(
      this.sqlite
        .prepare(
          `INSERT INTO task_rules (kind, days, segment, enabled, title, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          fields.kind,
          fields.days,
          fields.kind === 'segment_entered' ? fields.segment : null,
          fields.enabled ? 1 : 0,
          fields.title,
          now,
          now,
        ).lastInsertRowid,
    );
    this.changed();
    return this.read(id);
  }

  /** A rule turned (back) on forgets what it saw: it acts on what happens from now on. */
  update(id: number, patch: RulePatch): TaskRule {
    const rule = this.read(id);
    if (patch.segment !== undefined) this.checkSegment(rule.kind, patch.segment, 'patch.segment');
    const reenabled = patch.enabled === true && !rule.enabled;
    this.sqlite.transaction(() => {
      this.sqlite
        .prepare(
          `UPDATE task_rules SET days = coalesce(@days, days), segment = CASE WHEN @segmentSent THEN @segment ELSE segment END,
             enabled = coalesce(@enabled, enabled), title = CASE WHEN @titleSent THEN @title ELSE title END,
             active_since = CASE WHEN @restart THEN NULL ELSE active_since END, updated_at = @now WHERE id = @id`,
        )
        .run({
          id,
          days: patch.days ?? null,
          segmentSent: patch.segment !== undefined ? 1 : 0,
          segment: patch.segment ?? null,
          enabled: patch.enabled === undefined ? null : patch.enabled ? 1 : 0,
          titleSent: patch.title !== undefined ? 1 : 0,
          title: patch.title ?? null,
          restart: reenabled || patch.segment !== undefined ? 1 : 0,
          now: this.clock.now(),
        });
      if (reenabled || patch.segment !== undefined)
        this.sqlite.prepare('DELETE FROM task_rule_hits WHERE rule_id = ?').run(id);
    })();
    this.changed();
    return this.read(id);
  }

  /** Deletes the rule; the follow-ups it wrote stay (they are the owner's list now). */
  delete(id: number): TaskRule {
    const rule = this.read(id);
    this.sqlite.prepare('DELETE FROM task_rules WHERE id = ?').run(id);
    this.changed();
    return rule;
  }

  private read(id: number): TaskRule {
    const row = this.sqlite.prepare(`SELECT ${COLUMNS} FROM task_rules WHERE id = ?`).get(id) as
      RuleRow | undefined;
    if (!row) throw notFound('Rule', id);
    return toRule(row);
  }

  private checkSegment(kind: TaskRule['kind'], segment: string | null, path: string): void {
    if (kind !== 'segment_entered') return;
    if (segment === null || !(SEGMENT_KEYS as readonly string[]).includes(segment)) {
      throw invalidFields([{ path, code: 'option', message: 'Choose one of the RFM segments' }]);
    }
  }

  private changed(): void {
    this.events.emit({ type: 'data.changed', payload: { entity: 'tasks' } });
  }
}

function toRule(row: RuleRow): TaskRule {
  return {
    id: row.id,
    kind: row.kind,
    days: row.days,
    segment: row.segment,
    enabled: row.enabled === 1,
    title: row.title,
    createdAt: toIso(row.createdAt),
  };
}
