import { create } from 'zustand';
import type { MessageKey, MessageParams } from '../i18n/useI18n';

export interface ToastAction {
  label: MessageKey;
  run: () => void | Promise<void>;
}

export interface Toast {
  id: number;
  tone: 'info' | 'error';
  /** Stored as a key, not text, so an open toast follows a language switch. */
  message: MessageKey;
  params?: MessageParams;
  action?: ToastAction;
}

export type ToastInput = Omit<Toast, 'id' | 'tone'> & { tone?: Toast['tone'] };

/**
 * Long enough to notice and reach an Undo button with the keyboard. The timer lives in the
 * toast component so it can pause while the pointer or focus is on the toast; errors stay until dismissed.
 */
export const AUTO_DISMISS_MS = 8_000;
const MAX_VISIBLE = 4;

interface ToastState {
  toasts: Toast[];
  show: (toast: ToastInput) => number;
  dismiss: (id: number) => void;
}

let nextId = 1;

export const useToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  show: (input) => {
    const toast: Toast = { tone: 'info', ...input, id: nextId++ };
    set({ toasts: [...get().toasts, toast].slice(-MAX_VISIBLE) });
    return toast.id;
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((toast) => toast.id !== id) }),
}));

/** For stores: toasts are a UI concern, but actions decide when one is due. */
export const showToast = (toast: ToastInput): number => useToastStore.getState().show(toast);
