import { SEGMENT_GRID, type AnalyticsRun, type SegmentKey } from '../../../src-shared/contract';

/** The segment of a cell of the R×F grid (row = R score 1..5, column = F score 1..5), or null off the grid. */
export function segmentOfCell(r: number, f: number): SegmentKey | null {
  return SEGMENT_GRID[r - 1]?.[f - 1] ?? null;
}

export interface GridCell {
  r: number;
  f: number;
  count: number;
  segment: SegmentKey;
}

/** The run's 25 cells with the segment each belongs to; a cell the run does not list counts 0. */
export function gridCells(grid: AnalyticsRun['grid']): GridCell[] {
  const counts = new Map(grid.map((cell) => [`${cell.r}:${cell.f}`, cell.count]));
  const cells: GridCell[] = [];
  for (let r = 1; r <= 5; r++) {
    for (let f = 1; f <= 5; f++) {
      cells.push({ r, f, count: counts.get(`${r}:${f}`) ?? 0, segment: segmentOfCell(r, f)! });
    }
  }
  return cells;
}
