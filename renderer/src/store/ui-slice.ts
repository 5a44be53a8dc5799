import type { StateCreator } from 'zustand';
import type { StoreState } from './index';

export interface Toast {
  id: number;
  tone: 'info' | 'success' | 'error';
  title: string;
  body?: string;
}

export interface UiSlice {
  view: string;
  /** A container or image the current view should focus (e.g. the tray's "logs" action). */
  focusId: string | null;
  toasts: Toast[];
  navigate: (view: string, focusId?: string | null) => void;
  toast: (toast: Omit<Toast, 'id'>) => void;
  dismissToast: (id: number) => void;
}

let nextToast = 0;

/** The view named in the address (`#containers`), so a reload or a bookmark lands on the same screen. */
const viewFromHash = (): string => {
  const id = typeof window === 'undefined' ? '' : window.location.hash.replace(/^#\/?/, '').split('/')[0];
  return id || 'overview';
};

export const createUiSlice: StateCreator<StoreState, [], [], UiSlice> = (set, get) => ({
  view: viewFromHash(),
  focusId: null,
  toasts: [],
  navigate: (view, focusId = null) => {
    set({ view, focusId });
    if (typeof window !== 'undefined' && window.location.hash !== `#${view}`) window.history.replaceState(null, '', `#${view}`);
  },
  toast: (toast) => {
    const id = ++nextToast;
    set({ toasts: [...get().toasts.slice(-4), { ...toast, id }] });
    setTimeout(() => get().dismissToast(id), toast.tone === 'error' ? 10_000 : 5_000);
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
});
