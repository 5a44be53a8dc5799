import type { ImageSummary } from '../../../../shared/dto';
import { shortId } from '../../lib/format';

/** The name a person knows the image by: its first repo:tag, or `<none>` for a dangling one. */
export const imageLabel = (image: ImageSummary): string => image.tags[0] ?? '<none>';

/** What `docker run` should be given: the tag when there is one, else the id. */
export const imageRef = (image: ImageSummary): string => image.tags[0] ?? image.id;

export const imageShortId = (image: ImageSummary): string => shortId(image.id);

export type SortKey = 'name' | 'size' | 'created';
export type SortDir = 'asc' | 'desc';

/** Filters by name or id (case-insensitive) and sorts; dangling images sort after named ones by name. */
export function visibleImages(images: ImageSummary[], query: string, key: SortKey, dir: SortDir): ImageSummary[] {
  const q = query.trim().toLowerCase();
  const matched = q ? images.filter((i) => i.tags.some((t) => t.toLowerCase().includes(q)) || shortId(i.id).includes(q)) : images.slice();
  // One row per tag, as `docker images` lists them: the row's own tag comes first, so imageLabel/imageRef name it.
  const rows = matched.flatMap((i) => (i.tags.length <= 1 ? [i] : i.tags.filter((t) => !q || t.toLowerCase().includes(q) || shortId(i.id).includes(q)).map((t) => ({ ...i, tags: [t, ...i.tags.filter((o) => o !== t)] }))));
  matched.splice(0, matched.length, ...rows);
  const sign = dir === 'asc' ? 1 : -1;
  matched.sort((a, b) => {
    if (key === 'size') return sign * (a.sizeBytes - b.sizeBytes);
    if (key === 'created') return sign * (a.createdMs - b.createdMs);
    const an = a.tags[0];
    const bn = b.tags[0];
    if (!an !== !bn) return an ? -1 : 1;
    return sign * (an ?? a.id).localeCompare(bn ?? b.id);
  });
  return matched;
}
