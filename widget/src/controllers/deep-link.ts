/**
 * Reading a page's `#t=` media-fragment link: a chunk of its own, loaded only when the page's URL
 * has a fragment that may hold one (see player-loader.ts).
 */
import { parseMediaFragment } from '@lessons/shared/core';

export { parseMediaFragment };

/** Seconds from a `#t=90` (or `#t=1:30`, `#t=npt:90`, `#t=90,120`) media-fragment deep link. */
export function deepLinkTime(hash: string): number | null {
  return parseMediaFragment(hash)?.start ?? null;
}
