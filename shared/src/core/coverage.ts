import type { Segment } from './progress.js';
import type { TimeRange } from './review.js';

/**
 * A paragraph counts as watched once this share of its time has really been played: the same
 * share the server asks of a whole lesson by default, so "watched" means one thing everywhere.
 */
export const WATCHED_PARAGRAPH_SHARE = 0.9;

/** Index of the first of the merged, sorted `segments` that ends after `time` (binary search). */
function firstEndingAfter(segments: readonly Segment[], time: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (segments[mid]![1] <= time) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * How much of `range` the segments cover, from 0 to 1. `segments` must be merged and sorted (as
 * `mergeSegments` and the server answer them); the range's length decides, so a paragraph of one
 * second and one of a minute are judged alike. An empty or reversed range is covered 0.
 */
export function rangeCoverage(segments: readonly Segment[], range: TimeRange): number {
  const { start, end } = range;
  if (!(end > start)) return 0;
  let covered = 0;
  for (let i = firstEndingAfter(segments, start); i < segments.length; i++) {
    const [a, b] = segments[i]!;
    if (a >= end) break;
    covered += Math.min(b, end) - Math.max(a, start);
  }
  return Math.min(1, covered / (end - start));
}

/**
 * `rangeCoverage` of each range, in one sweep over the segments when the ranges come in time order
 * (a transcript's paragraphs do); a range that starts earlier than the one before is looked up anew.
 */
export function rangeCoverages(segments: readonly Segment[], ranges: readonly TimeRange[]): number[] {
  const out: number[] = [];
  let j = 0;
  let previousStart = -Infinity;
  for (const { start, end } of ranges) {
    if (start < previousStart) j = firstEndingAfter(segments, start);
    previousStart = start;
    while (j < segments.length && segments[j]![1] <= start) j++;
    let covered = 0;
    for (let k = j; k < segments.length && segments[k]![0] < end; k++) {
      covered += Math.min(segments[k]![1], end) - Math.max(segments[k]![0], start);
    }
    out.push(end > start ? Math.min(1, covered / (end - start)) : 0);
  }
  return out;
}

/** True when `share` of the range (`WATCHED_PARAGRAPH_SHARE` unless given) is covered. */
export function isRangeWatched(
  segments: readonly Segment[],
  range: TimeRange,
  share = WATCHED_PARAGRAPH_SHARE,
): boolean {
  // A hair below the share still counts: coverage is a sum of float differences.
  return rangeCoverage(segments, range) >= share - 1e-9;
}

/**
 * Where "Continue with what you missed" starts: in the first range (in the given order) that is
 * not watched, the start of its first stretch the segments leave uncovered. Null when every range
 * is watched. Ranges without times are skipped.
 */
export function firstUnwatched(
  segments: readonly Segment[],
  ranges: ReadonlyArray<Partial<TimeRange>>,
  share = WATCHED_PARAGRAPH_SHARE,
): number | null {
  for (const range of ranges) {
    if (range.start === undefined || range.end === undefined) continue;
    const timed = { start: range.start, end: range.end };
    if (isRangeWatched(segments, timed, share)) continue;
    let at = timed.start;
    for (let i = firstEndingAfter(segments, at); i < segments.length; i++) {
      const [a, b] = segments[i]!;
      if (a > at) break;
      at = b;
    }
    return at < timed.end ? at : timed.start;
  }
  return null;
}

/**
 * Which of `starts` (sorted, ascending: the timed paragraphs' starts in reading order) holds
 * `time`: the last one that starts at or before it, else the first. -1 when there are none.
 */
export function rangeIndexAt(starts: readonly number[], time: number): number {
  if (starts.length === 0) return -1;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (starts[mid]! <= time) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low - 1);
}
