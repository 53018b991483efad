import { AppError } from '../core/errors';

/**
 * Names the owner picks (tags, saved views) must differ ignoring case among the live ones.
 * Compared in JavaScript, not with SQLite's lower(), which folds ASCII only (Ä and ä would pass).
 * These lists hold tens of rows, so reading the names is cheaper than an index would be worth.
 */
export function assertUniqueName(
  liveNames: { id: number; name: string }[],
  name: string,
  what: string,
  exceptId?: number,
): void {
  const wanted = name.toLowerCase();
  const clash = liveNames.find((row) => row.id !== exceptId && row.name.toLowerCase() === wanted);
  if (clash) {
    throw new AppError('CONFLICT', `A ${what} named "${clash.name}" already exists.`, [
      { path: 'name', code: 'invalid', message: `A ${what} with this name already exists` },
    ]);
  }
}
