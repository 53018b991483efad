import type Database from 'better-sqlite3';
import { newUid } from '../core/uid';
import type { ParsedInput, Tag } from '../../src-shared/contract';
import type { Clock } from '../core/clock';
import { notFound } from '../core/errors';
import type { EventHub } from '../core/events';
import { assertUniqueName } from './uniqueName';

export interface OrganizeDeps {
  sqlite: Database.Database;
  clock: Clock;
  events: EventHub;
}

interface TagRecord extends Tag {
  deletedAt: number | null;
}

// Customers in the trash do not count: the number says how many the owner would see with the tag.
const SELECT_TAG = `
  SELECT t.id, t.name, t.color, t.deleted_at AS deletedAt,
    (SELECT count(*) FROM customer_tags ct JOIN customers c ON c.id = ct.customer_id
     WHERE ct.tag_id = t.id AND c.deleted_at IS NULL) AS customerCount
  FROM tags t`;

/**
 * Colored labels on customers. Deleting one only hides it: the customer_tags rows stay, so a
 * restore puts it back on every customer that had it.
 */
export class TagService {
  constructor(private readonly deps: OrganizeDeps) {}

  list(): Tag[] {
    const rows = this.deps.sqlite
      .prepare(`${SELECT_TAG} WHERE t.deleted_at IS NULL ORDER BY lower(t.name), t.id`)
      .all() as TagRecord[];
    return rows.map(toTag);
  }

  create(input: ParsedInput<'tags.create'>): Tag {
    const { sqlite, clock } = this.deps;
    const id = sqlite.transaction(() => {
      assertUniqueName(this.liveNames(), input.name, 'tag');
      const now = clock.now();
      const row = sqlite
        .prepare(
          'INSERT INTO tags (uid, created_at, updated_at, name, color) VALUES (?, ?, ?, ?, ?) RETURNING id',
        )
        .get(newUid(), now, now, input.name, input.color) as { id: number };
      return row.id;
    })();
    return this.changed(id);
  }

  update({ id, name, color }: ParsedInput<'tags.update'>): Tag {
    const { sqlite, clock } = this.deps;
    sqlite.transaction(() => {
      const current = this.find(id);
      if (current.deletedAt !== null) throw notFound('Tag', id);
      if (name !== undefined) assertUniqueName(this.liveNames(), name, 'tag', id);
      sqlite
        .prepare('UPDATE tags SET name = ?, color = ?, updated_at = ? WHERE id = ?')
        .run(name ?? current.name, color ?? current.color, clock.now(), id);
    })();
    return this.changed(id);
  }

  /** Deleting twice keeps the first deletion time. */
  delete(id: number): Tag {
    this.find(id);
    this.deps.sqlite
      .prepare('UPDATE tags SET deleted_at = coalesce(deleted_at, ?), updated_at = ? WHERE id = ?')
      .run(this.deps.clock.now(), this.deps.clock.now(), id);
    return this.changed(id);
  }

  /** A tag created meanwhile under the same name blocks the restore (CONFLICT naming `name`). */
  restore(id: number): Tag {
    const { sqlite, clock } = this.deps;
    sqlite.transaction(() => {
      const current = this.find(id);
      if (current.deletedAt === null) return;
      assertUniqueName(this.liveNames(), current.name, 'tag', id);
      sqlite.prepare('UPDATE tags SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(clock.now(), id);
    })();
    return this.changed(id);
  }

  private find(id: number): TagRecord {
    const row = this.deps.sqlite.prepare(`${SELECT_TAG} WHERE t.id = ?`).get(id) as TagRecord | undefined;
    if (!row) throw notFound('Tag', id);
    return row;
  }

  private liveNames(): { id: number; name: string }[] {
    return this.deps.sqlite.prepare('SELECT id, name FROM tags WHERE deleted_at IS NULL').all() as {
      id: number;
      name: string;
    }[];
  }

  private changed(id: number): Tag {
    this.deps.events.emit({ type: 'data.changed', payload: { entity: 'tags' } });
    return toTag(this.find(id));
  }
}

const toTag = ({ id, name, color, customerCount }: TagRecord): Tag => ({ id, name, color, customerCount });
