import { describe, expect, it } from 'vitest';
import type { Deal, DealStage } from '../../src-shared/contract';
import { columnOrders, groupByStage, placeDeal } from '../../src-renderer/features/pipeline/boardColumns';
import { dropBeforeId, dropIndex } from '../../src-renderer/features/pipeline/dropPosition';
import {
  keyboardMoveTarget,
  shortcutDirection,
  type ColumnOrder,
} from '../../src-renderer/features/pipeline/keyboardMove';

/** Three stages: lead holds 1, 2, 3 (top to bottom), qualified 4, proposal nothing. */
const COLUMNS: ColumnOrder[] = [
  { stageId: 10, dealIds: [1, 2, 3] },
  { stageId: 20, dealIds: [4] },
  { stageId: 30, dealIds: [] },
];

describe('keyboardMoveTarget: where a shortcut sends the focused card', () => {
  it('moves to the top of the next or previous stage', () => {
    expect(keyboardMoveTarget(COLUMNS, 2, 'nextStage')).toEqual({ stageId: 20, beforeId: 4 });
    expect(keyboardMoveTarget(COLUMNS, 4, 'nextStage')).toEqual({ stageId: 30, beforeId: null });
    expect(keyboardMoveTarget(COLUMNS, 4, 'previousStage')).toEqual({ stageId: 10, beforeId: 1 });
  });

  it('moves up above the card above, and down below the card below', () => {
    expect(keyboardMoveTarget(COLUMNS, 2, 'up')).toEqual({ stageId: 10, beforeId: 1 });
    expect(keyboardMoveTarget(COLUMNS, 1, 'down')).toEqual({ stageId: 10, beforeId: 3 });
    // Second to last going down lands at the bottom: above nothing.
    expect(keyboardMoveTarget(COLUMNS, 2, 'down')).toEqual({ stageId: 10, beforeId: null });
  });

  it('goes nowhere past the edges, or for a card not on the board', () => {
    expect(keyboardMoveTarget(COLUMNS, 1, 'previousStage')).toBeNull();
    expect(keyboardMoveTarget(COLUMNS, 1, 'up')).toBeNull();
    expect(keyboardMoveTarget(COLUMNS, 3, 'down')).toBeNull();
    expect(keyboardMoveTarget([{ stageId: 10, dealIds: [1] }], 1, 'nextStage')).toBeNull();
    expect(keyboardMoveTarget(COLUMNS, 99, 'nextStage')).toBeNull();
  });
});

describe('shortcutDirection: which keys move a card', () => {
  const key = (
    k: string,
    mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {},
  ) => ({
    key: k,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...mods,
  });

  it('reads Alt+arrows and the brackets', () => {
    expect(shortcutDirection(key('ArrowRight', { altKey: true }))).toBe('nextStage');
    expect(shortcutDirection(key('ArrowLeft', { altKey: true }))).toBe('previousStage');
    expect(shortcutDirection(key('ArrowUp', { altKey: true }))).toBe('up');
    expect(shortcutDirection(key('ArrowDown', { altKey: true }))).toBe('down');
    expect(shortcutDirection(key(']'))).toBe('nextStage');
    expect(shortcutDirection(key('['))).toBe('previousStage');
  });

  it('leaves plain arrows to scrolling and Ctrl/Cmd combinations to the system', () => {
    expect(shortcutDirection(key('ArrowRight'))).toBeNull();
    expect(shortcutDirection(key('ArrowRight', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(shortcutDirection(key(']', { metaKey: true }))).toBeNull();
    expect(shortcutDirection(key('ArrowRight', { altKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutDirection(key('x', { altKey: true }))).toBeNull();
  });
});

describe('drop position in a column of fixed-height cards', () => {
  it('picks the nearest gap and stays within the column', () => {
    expect(dropIndex(-20, 100, 3)).toBe(0);
    expect(dropIndex(40, 100, 3)).toBe(0);
    expect(dropIndex(60, 100, 3)).toBe(1);
    expect(dropIndex(260, 100, 3)).toBe(3);
    expect(dropIndex(5_000, 100, 3)).toBe(3);
  });

  it('turns a gap into beforeId, and a drop next to itself into no move', () => {
    const ids = [1, 2, 3];
    expect(dropBeforeId(ids, 0, 3)).toBe(1);
    expect(dropBeforeId(ids, 3, 1)).toBeNull();
    expect(dropBeforeId(ids, 1, 2)).toBe('stay');
    expect(dropBeforeId(ids, 2, 2)).toBe('stay');
    // From another column any gap is a move.
    expect(dropBeforeId(ids, 1, 9)).toBe(2);
  });
});

const deal = (id: number, stageId: number) => ({ id, stageId }) as Deal;
const stage = (id: number) => ({ id }) as DealStage;

describe('the board columns', () => {
  it('groups deals by stage in their order and leaves out stages that are gone', () => {
    const columns = groupByStage(
      [deal(1, 10), deal(2, 20), deal(3, 10), deal(4, 99)],
      [stage(10), stage(20)],
    );
    expect(columnOrders([stage(10), stage(20)], columns)).toEqual([
      { stageId: 10, dealIds: [1, 3] },
      { stageId: 20, dealIds: [2] },
    ]);
  });

  it('places a moved deal above beforeId, or last of its new stage', () => {
    const deals = [deal(1, 10), deal(2, 10), deal(3, 20)];
    const ids = (list: Deal[]) => list.map((d) => `${d.id}@${d.stageId}`);
    expect(ids(placeDeal(deals, 3, 10, 2))).toEqual(['1@10', '3@10', '2@10']);
    expect(ids(placeDeal(deals, 1, 20, null))).toEqual(['2@10', '3@20', '1@20']);
    expect(ids(placeDeal(deals, 1, 30, null))).toEqual(['2@10', '3@20', '1@30']);
    expect(ids(placeDeal(deals, 1, 10, null))).toEqual(['2@10', '1@10', '3@20']);
  });
});
