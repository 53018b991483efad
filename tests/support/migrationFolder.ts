import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from './tempBackend';

/**
 * A migrations folder in drizzle-kit's format (`NNNN_name.sql` split on `--> statement-breakpoint`,
 * plus meta/_journal.json), so tests can add migrations the way a later release would.
 */
interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}
interface Journal {
  version: string;
  dialect: string;
  entries: JournalEntry[];
}

export const BREAKPOINT = '--> statement-breakpoint';

export class MigrationFolder {
  constructor(readonly dir: string) {}

  /** An empty folder with an empty journal. */
  static empty(dir: string): MigrationFolder {
    mkdirSync(join(dir, 'meta'), { recursive: true });
    const journal: Journal = { version: '7', dialect: 'sqlite', entries: [] };
    writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify(journal, null, 2));
    return new MigrationFolder(dir);
  }

  /** A copy of the migrations the app ships, to extend with a pretend next release. */
  static copyOfShipped(dir: string): MigrationFolder {
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    return new MigrationFolder(dir);
  }

  /** The first `count` shipped migrations only: a database as an older release left it. */
  static shippedUpTo(dir: string, count: number): MigrationFolder {
    const folder = MigrationFolder.copyOfShipped(dir);
    const journal = folder.journal();
    journal.entries = journal.entries.slice(0, count);
    writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify(journal, null, 2));
    return folder;
  }

  journal(): Journal {
    return JSON.parse(readFileSync(join(this.dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  }

  /** Appends `NNNN_<name>.sql`; `when` defaults to one minute after the newest entry. */
  add(name: string, statements: string[], options: { when?: number } = {}): string {
    const journal = this.journal();
    const idx = journal.entries.length;
    const last = journal.entries.at(-1)?.when ?? Date.UTC(2026, 0, 1);
    const tag = `${String(idx).padStart(4, '0')}_${name}`;
    writeFileSync(join(this.dir, `${tag}.sql`), statements.join(`${BREAKPOINT}\n`));
    journal.entries.push({ idx, version: '6', when: options.when ?? last + 60_000, tag, breakpoints: true });
    writeFileSync(join(this.dir, 'meta', '_journal.json'), JSON.stringify(journal, null, 2));
    return tag;
  }
}
