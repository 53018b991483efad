/**
 * The keyboard alternative to dragging a card: where a shortcut sends the focused deal. Pure, so the
 * board and its unit test agree on what "next stage" and "down" mean.
 */

/** One board column as the keyboard sees it: its stage and its deals from top to bottom. */
export interface ColumnOrder {
  stageId: number;
  dealIds: readonly number[];
}

export type MoveDirection = 'previousStage' | 'nextStage' | 'up' | 'down';

/** What `deals.move` is called with; `beforeId` null puts the deal at the bottom of the column. */
export interface MoveTarget {
  stageId: number;
  beforeId: number | null;
}

/**
 * The move a direction asks for, or null when there is nowhere to go (first stage and "previous",
 * top of the column and "up"). A deal moved to another stage lands at the top of that column, where
 * the owner looks first.
 */
export function keyboardMoveTarget(
  columns: readonly ColumnOrder[],
  dealId: number,
  direction: MoveDirection,
): MoveTarget | null {
  const columnIndex = columns.findIndex((column) => column.dealIds.includes(dealId));
  const column = columns[columnIndex];
  if (!column) return null;
  const index = column.dealIds.indexOf(dealId);
  switch (direction) {
    case 'previousStage':
    case 'nextStage': {
      const target = columns[columnIndex + (direction === 'nextStage' ? 1 : -1)];
      if (!target) return null;
      return { stageId: target.stageId, beforeId: target.dealIds[0] ?? null };
    }
    case 'up': {
      const above = column.dealIds[index - 1];
      return above === undefined ? null : { stageId: column.stageId, beforeId: above };
    }
    case 'down': {
      if (index === column.dealIds.length - 1) return null;
      // Just above the deal that was two below: past the one beneath, or the bottom when none.
      return { stageId: column.stageId, beforeId: column.dealIds[index + 2] ?? null };
    }
  }
}

/** The subset of a keyboard event the shortcuts read. */
export interface ShortcutKey {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * Alt+←/→ (or `[` / `]`) moves to the previous or next stage, Alt+↑/↓ within the column. Plain
 * arrows stay the browser's (scrolling), and Ctrl/Cmd combinations stay the system's.
 */
export function shortcutDirection(event: ShortcutKey): MoveDirection | null {
  if (event.ctrlKey || event.metaKey) return null;
  if (!event.altKey && !event.shiftKey) {
    if (event.key === '[') return 'previousStage';
    if (event.key === ']') return 'nextStage';
    return null;
  }
  if (!event.altKey || event.shiftKey) return null;
  switch (event.key) {
    case 'ArrowLeft':
      return 'previousStage';
    case 'ArrowRight':
      return 'nextStage';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return null;
  }
}
