import type { StateCreator } from 'zustand';
import type { ImageSummary } from '../../../shared/dto';
import type { ApiError } from '../../../shared/errors';
import type { StoreState } from './index';
import { imagesList } from './lists';

export interface ImagesSlice {
  images: ImageSummary[];
  /** False until the first list arrives (the view shows "Loading…" instead of the empty state). */
  imagesLoaded: boolean;
  imagesError: ApiError | null;
  refreshImages: () => Promise<void>;
}

export const createImagesSlice: StateCreator<StoreState, [], [], ImagesSlice> = () => ({
  images: [],
  imagesLoaded: false,
  imagesError: null,
  refreshImages: () => imagesList.refresh(),
});

/** Keeps the slice live for the app's lifetime: the Images view, the Overview and the registries read it. */
export function connectImages(setState: (patch: Partial<StoreState>) => void): void {
  imagesList.subscribe(({ data, loaded, error }) => setState({ images: data, imagesLoaded: loaded, imagesError: error }));
}
