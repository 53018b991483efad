import { create } from 'zustand';

/**
 * The card being dragged. HTML5 drag and drop only lets a drop read its data, not a dragover, so
 * the columns learn what is dragged here (to show where it would land) instead of from the event.
 */
interface DragState {
  draggingId: number | null;
  start: (id: number) => void;
  end: () => void;
}

export const useDragStore = create<DragState>()((set) => ({
  draggingId: null,
  start: (id) => set({ draggingId: id }),
  end: () => set({ draggingId: null }),
}));

/** The type our cards put on the drag, so a file or text dragged in from elsewhere is not a drop. */
export const DEAL_DRAG_TYPE = 'application/x-solocrm-deal';
