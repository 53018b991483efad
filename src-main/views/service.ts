import { newUid } from '../core/uid';
import {
  savedViewDefinition,
  type ParsedInput,
  type SavedView,
  type SavedViewDefinition,
} from '../../src-shared/contract';
import { toIso } from '../core/clock';
import { notFound } from '../core/errors';
import type { OrganizeDeps } from '../organize/tags';
import { assertUniqueName } from '../organize/uniqueName';

interface ViewRecord {
  id: number;
  name: string;
  definition: string;
  updatedAt: number;
}

const SELECT_VIEW = 'SELECT id, name, definition, updated_at AS updatedAt FROM saved_views';

/**
 * A definition saved by an older or newer version that no longer parses opens as the plain list
 * rather than failing the whole list of views; the name survives so the owner can redo it.
 */
const PLAIN_LIST: SavedViewDefinition = { filters: {}, sort: null, columns: [] };

/** Named customer lists: filters + sort + columns, stored as JSON; names unique ignoring case. */
export class SavedViewService {
  constructor(private readonly deps: OrganizeDeps) {}

  list(): SavedView[] {
    const rows = this.deps.sqlite
      .prepare(`${SELECT_VIEW} WHERE deleted_at IS NULL ORDER BY lower(name), id`)
      .all() as ViewRecord[];
    return rows.map(toView);
  }

  create({ name, definition }: ParsedInput<'views.create'>): SavedView {
    const { sqlite, clock } = this.deps;
    const id = sqlite.transaction(() => {
      assertUniqueName(this.liveNames(), name, 'view');
      const now = clock.now();
      const row = sqlite
        .prepare(
          `INSERT INTO saved_views (uid, created_at, updated_at, name, definition)
           VALUES (?, ?, ?, ?, ?) RETURNING id`,
        )
        .get(newUid(), now, now, name, JSON.stringify(definition)) as { id: number };
      return row.id;
    })();
    return this.changed(id);
  }

  update({ id, name, definition }: ParsedInput<'views.update'>): SavedView {
    const { sqlite, clock } = this.deps;
    sqlite.transaction(() => {
      const current = this.findLive(id);
      if (name !== undefined) assertUniqueName(this.liveNames(), name, 'view', id);
      sqlite
        .prepare('UPDATE saved_views SET name = ?, definition = ?, updated_at = ? WHERE id = ?')
        .run(
          name ?? current.name,
          definition !== undefined ? JSON.stringify(definition) : current.definition,
          clock.now(),
          id,
        );
    })();
    return this.changed(id);
  }

  /** Marked deleted rather than erased, like every business row; no channel lists them again. */
  delete(id: number): { id: number } {
    this.findLive(id);
    const now = this.deps.clock.now();
    this.deps.sqlite
      .prepare('UPDATE saved_views SET deleted_at = ?, updated_at = ? WHERE id = ?')
      .run(now, now, id);
    this.deps.events.emit({ type: 'data.changed', payload: { entity: 'views' } });
    return { id };
  }

  private findLive(id: number): ViewRecord {
    const row = this.deps.sqlite.prepare(`${SELECT_VIEW} WHERE id = ? AND deleted_at IS NULL`).get(id) as
      ViewRecord | undefined;
    if (!row) throw notFound('Saved view', id);
    return row;
  }

  private liveNames(): { id: number; name: string }[] {
    return this.deps.sqlite.prepare('SELECT id, name FROM saved_views WHERE deleted_at IS NULL').all() as {
      id: number;
      name: string;
    }[];
  }

  private changed(id: number): SavedView {
    this.deps.events.emit({ type: 'data.changed', payload: { entity: 'views' } });
    return toView(this.findLive(id));
  }
}

function toView(row: ViewRecord): SavedView {
  let definition = PLAIN_LIST;
  try {
    const parsed = savedViewDefinition.safeParse(JSON.parse(row.definition));
    if (parsed.success) definition = parsed.data;
  } catch {
    // Unreadable JSON: see PLAIN_LIST.
  }
  return { id: row.id, name: row.name, definition, updatedAt: toIso(row.updatedAt) };
}
