/**
 * Where a dragged card lands in a column of fixed-height cards. The columns are virtualized, so the
 * slot comes from the pointer's offset and the card height, not from measuring card elements.
 */

/** The gap between two cards the pointer is nearest to: 0 = above the first, count = below the last. */
export function dropIndex(offsetY: number, slotHeight: number, count: number): number {
  const index = Math.round(offsetY / slotHeight);
  return Math.min(Math.max(index, 0), count);
}

/**
 * The `beforeId` of a drop at gap `index` of `ids` (null = bottom), or 'stay' when the dragged deal
 * would end where it already is (dropped on its own gap, just above or just below itself).
 */
export function dropBeforeId(
  ids: readonly number[],
  index: number,
  draggedId: number,
): number | null | 'stay' {
  const current = ids.indexOf(draggedId);
  if (current !== -1 && (index === current || index === current + 1)) return 'stay';
  return ids[index] ?? null;
}
