import type { StateCreator } from 'zustand';
import { api } from '../bridge';
import type { ImageSummary } from '../../../shared/dto';
import type { ApiError } from '../../../shared/errors';
import type { StoreState } from './index';
import { onEngineEvent, onResyncAfterLists } from './wiring';

export interface ImagesSlice {
  images: ImageSummary[];
  /** False until the first list arrives (the view shows "Loading…" instead of the empty state). */
  imagesLoaded: boolean;
  imagesError: ApiError | null;
  refreshImages: () => Promise<void>;
}

export const createImagesSlice: StateCreator<StoreState, [], [], ImagesSlice> = (set) => ({
  images: [],
  imagesLoaded: false,
  imagesError: null,
  refreshImages: async () => {
    const r = await api.invoke('images:list', {});
    if (r.ok) set({ images: r.data, imagesLoaded: true, imagesError: null });
    else set({ imagesError: r.error, imagesLoaded: true });
  },
});

/** Image events that change the list; container create/destroy change the "used by" counts. */
const IMAGE_ACTIONS = new Set(['pull', 'tag', 'untag', 'delete', 'import', 'load', 'build']);
const CONTAINER_ACTIONS = new Set(['create', 'destroy']);

/**
 * Re-lists images on the events that change them, coalesced: a burst (a build tags, a prune deletes
 * dozens) costs one list call, and a list already in flight is followed by at most one more.
 */
export function connectImages(getState: () => StoreState, delayMs = 120): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = false;
  let again = false;
  const run = async () => {
    timer = null;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    try {
      await getState().refreshImages();
    } finally {
      inFlight = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (!timer) timer = setTimeout(() => void run(), delayMs);
  };
  onResyncAfterLists(schedule);
  onEngineEvent((event) => {
    if ((event.type === 'image' && IMAGE_ACTIONS.has(event.action)) || (event.type === 'container' && CONTAINER_ACTIONS.has(event.action))) schedule();
  });
}
