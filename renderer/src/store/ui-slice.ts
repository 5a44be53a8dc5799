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
  /** The detail or row the address names after the view (a container's detail, an image row to highlight). */
  focusId: string | null;
  toasts: Toast[];
  navigate: (view: string, focusId?: string | null) => void;
  /** Back, Forward or an edited address: show what the address names. */
  followAddress: () => void;
  toast: (toast: Omit<Toast, 'id'>) => void;
  dismissToast: (id: number) => void;
}

let nextToast = 0;

/** Every view and detail has an address: `#/containers`, `#/containers/<id>`; Back and Forward move between them. */
export const addressOf = (view: string, focusId: string | null): string => `#/${view}${focusId ? `/${encodeURIComponent(focusId)}` : ''}`;

/** The view (and detail) named in the address, so a reload or a bookmark lands on the same screen. */
export const routeFromAddress = (): { view: string; focusId: string | null } => {
  const [view, ...rest] = typeof window === 'undefined' ? [] : window.location.hash.replace(/^#\/?/, '').split('/');
  return { view: view || 'overview', focusId: rest.length > 0 && rest[0] ? decodeURIComponent(rest.join('/')) : null };
};

export const createUiSlice: StateCreator<StoreState, [], [], UiSlice> = (set, get) => ({
  ...routeFromAddress(),
  toasts: [],
  navigate: (view, focusId = null) => {
    set({ view, focusId });
    if (typeof window === 'undefined') return;
    const address = addressOf(view, focusId);
    if (window.location.hash === address) return;
    window.history.pushState(null, '', address);
  },
  followAddress: () => {
    const route = routeFromAddress();
    if (route.view !== get().view || route.focusId !== get().focusId) set(route);
  },
  toast: (toast) => {
    const id = ++nextToast;
    set({ toasts: [...get().toasts.slice(-4), { ...toast, id }] });
    setTimeout(() => get().dismissToast(id), toast.tone === 'error' ? 10_000 : 5_000);
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
});
