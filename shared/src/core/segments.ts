import type { Segment } from './progress.js';

export class InvalidSegmentError extends Error {
  override name = 'InvalidSegmentError';
}

function check(segment: unknown, index: number): Segment {
  if (!Array.isArray(segment) || segment.length !== 2) {
    throw new InvalidSegmentError(`Segment ${index + 1} is not a [start, end] pair.`);
  }
  const [start, end] = segment as [unknown, unknown];
  if (
    typeof start !== 'number' ||
    typeof end !== 'number' ||
    !Number.isFinite(start) ||
    !Number.isFinite(end)
  ) {
    throw new InvalidSegmentError(`Segment ${index + 1} has a time that is not a finite number.`);
  }
  if (start < 0 || end < 0) throw new InvalidSegmentError(`Segment ${index + 1} has a negative time.`);
  if (end < start) throw new InvalidSegmentError(`Segment ${index + 1} ends before it starts.`);
  return [start, end];
}

/**
 * The union of played intervals: sorted, overlapping and touching ones joined, empty ones dropped,
 * clamped to [0, duration] when a duration is given. Throws InvalidSegmentError on NaN, negative
 * or reversed pairs rather than guessing what the client meant.
 */
export function mergeSegments(segments: readonly unknown[], duration?: number): Segment[] {
  const limit = duration !== undefined && Number.isFinite(duration) && duration >= 0 ? duration : Infinity;
  const clamped = segments
    .map(check)
    .map(([a, b]): Segment => [Math.min(a, limit), Math.min(b, limit)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: Segment[] = [];
  for (const [a, b] of clamped) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/**
 * Stored progress is kept on a one-second grid: stretches less than this apart are joined, so a
 * lesson holds at most about one segment per second of video however finely a client splits it.
 */
export const PROGRESS_GRID_SECONDS = 1;

/** `mergeSegments`, then gaps shorter than `gap` closed: how progress is stored. */
export function mergeOnGrid(
  segments: readonly unknown[],
  duration?: number,
  gap = PROGRESS_GRID_SECONDS,
): Segment[] {
  const joined: Segment[] = [];
  for (const [a, b] of mergeSegments(segments, duration)) {
    const last = joined[joined.length - 1];
    if (last && a - last[1] < gap) last[1] = b;
    else joined.push([a, b]);
  }
  return joined;
}

/** The parts of `from` not covered by `covered`; both merged and sorted, the answer too. */
function subtract(from: readonly Segment[], covered: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  let j = 0;
  for (const [start, end] of from) {
    let a = start;
    while (j < covered.length && covered[j]![1] <= a) j++;
    for (let k = j; k < covered.length && covered[k]![0] < end; k++) {
      const [c, d] = covered[k]!;
      if (c > a) out.push([a, c]);
      a = Math.max(a, d);
    }
    if (a < end) out.push([a, end]);
  }
  return out;
}

export interface Credit {
  /** What is stored afterwards: the stored segments plus what was credited, on the grid. */
  segments: Segment[];
  /** New seconds of watching counted by this update. */
  credited: number;
  /** New seconds sent but not counted, because they exceed the allowance. */
  refused: number;
}

/**
 * Adds newly played segments to stored ones, counting at most `allowance` new seconds. What is
 * counted is chosen in time order (the earliest new seconds first), so the same update always
 * gives the same answer, and the stored segments are exactly what was counted: a gap the grid
 * closes counts as watched, and so it is charged to the allowance like any other new second.
 */
export function creditSegments(
  stored: readonly Segment[],
  incoming: readonly unknown[],
  allowance: number,
  duration: number,
  gap = PROGRESS_GRID_SECONDS,
): Credit {
  const before = mergeOnGrid(stored, duration, gap);
  const wanted = mergeOnGrid([...before, ...incoming], duration, gap);
  const fresh = subtract(wanted, before);
  const freshSeconds = watchedSeconds(fresh);
  if (freshSeconds <= allowance) return { segments: wanted, credited: freshSeconds, refused: 0 };

  const taken: Segment[] = [];
  let left = Math.max(0, allowance);
  for (const [a, b] of fresh) {
    if (b - a <= left) {
      taken.push([a, b]);
      left -= b - a;
      continue;
    }
    // Cut short, but never within `gap` of the next stored stretch: the grid would close that
    // gap too and count more than allowed.
    const next = before.find(([start]) => start >= b)?.[0] ?? Infinity;
    const end = Math.min(a + left, next - gap);
    if (end > a) taken.push([a, end]);
    break;
  }
  const segments = mergeOnGrid([...before, ...taken], duration, gap);
  const credited = watchedSeconds(segments) - watchedSeconds(before);
  return { segments, credited, refused: freshSeconds - credited };
}

/** Seconds covered by already-merged segments. */
export function watchedSeconds(merged: readonly Segment[]): number {
  return merged.reduce((sum, [a, b]) => sum + (b - a), 0);
}

/** Share of the video actually played, 0–100, one decimal. */
export function percentWatched(segments: readonly unknown[], duration: number): number {
  if (!Number.isFinite(duration) || duration <= 0) return 0;
  const seconds = watchedSeconds(mergeSegments(segments, duration));
  return Math.min(100, Math.round((seconds / duration) * 1000) / 10);
}

/**
 * Records what the viewer really plays. Feed it the media element's current time on each
 * `timeupdate`; a jump larger than `maxStep` (a seek) closes the open segment instead of
 * extending it, so seeking never counts as watching.
 */
export class PlayedRanges {
  private closed: Segment[] = [];
  private open: Segment | null = null;

  constructor(private readonly maxStep = 1.5) {}

  /** Playback is at `time` and has been playing since the last call. */
  tick(time: number): void {
    if (!Number.isFinite(time) || time < 0) return;
    if (this.open && time >= this.open[1] && time - this.open[1] <= this.maxStep) {
      this.open[1] = time;
      return;
    }
    this.stop();
    this.open = [time, time];
  }

  /** Playback paused, sought or ended: the next tick starts a new segment. */
  stop(): void {
    if (this.open && this.open[1] > this.open[0]) this.closed.push(this.open);
    this.open = null;
  }

  /** Segments recorded since the last `take`, merged; the open one keeps growing from its end. */
  take(): Segment[] {
    const out = [...this.closed];
    if (this.open && this.open[1] > this.open[0]) {
      out.push([this.open[0], this.open[1]]);
      this.open = [this.open[1], this.open[1]];
    }
    this.closed = [];
    return mergeSegments(out);
  }

  /** What `take` would answer, left to be taken: for showing what is played as it plays. */
  peek(): Segment[] {
    const out = [...this.closed];
    if (this.open && this.open[1] > this.open[0]) out.push([this.open[0], this.open[1]]);
    return mergeSegments(out);
  }

  get pending(): boolean {
    return this.closed.length > 0 || (this.open !== null && this.open[1] > this.open[0]);
  }
}
