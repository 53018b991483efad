import type Database from 'better-sqlite3';

/**
 * Prepared statements by their SQL text, each prepared once. Preparing costs tens of µs; a
 * service that builds its SQL per call (the timeline's kinds) or writes thousands of rows in one
 * pass (the follow-up automation) would otherwise pay it every time.
 */
export class Statements {
  private readonly prepared = new Map<string, Database.Statement>();

  constructor(private readonly sqlite: Database.Database) {}

  get(sql: string): Database.Statement {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }
}
