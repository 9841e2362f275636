import type { Segment } from './progress.js';

export class InvalidSegmentError extends Error {
  override name = 'InvalidSegmentError';
}

function check(segment: unknown, index: number): Segment {
  if (!Array.isArray(segment) || segment.length !== 2) {
    throw new InvalidSegmentError(`Segment ${index + 1} is not a [start, end] pair.`);
  }
  const [start, end] = segment as [unknown, unknown];
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isFinite(start) || !Number.isFinite(end)) {
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

  get pending(): boolean {
    return this.closed.length > 0 || (this.open !== null && this.open[1] > this.open[0]);
  }
}
