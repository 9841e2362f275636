import type { z } from 'zod';
import type {
  lessonAnalyticsQuerySchema,
  lessonAnalyticsResponseSchema,
  lessonAnalyticsSchema,
  paragraphAnalyticsSchema,
} from '../schemas/analytics.js';
import { WATCHED_PARAGRAPH_SHARE, rangeCoverages, rangeIndexAt } from './coverage.js';
import type { TimeRange } from './review.js';
import type { Segment } from './progress.js';

export type LessonAnalyticsQuery = z.infer<typeof lessonAnalyticsQuerySchema>;
export type ParagraphAnalytics = z.infer<typeof paragraphAnalyticsSchema>;
export type LessonAnalytics = z.infer<typeof lessonAnalyticsSchema>;
export type LessonAnalyticsResponse = z.infer<typeof lessonAnalyticsResponseSchema>;

/** What the tally needs of one reader's progress row. */
export interface ProgressFacts {
  /** Merged and sorted, as stored. */
  segments: readonly Segment[];
  percent: number;
  completed: boolean;
}

/** Counts per timed paragraph, in the order the paragraphs were given. */
export interface AnalyticsTally {
  readers: number;
  completions: number;
  medianPercent: number | null;
  watched: number[];
  stopped: number[];
  rowsRead: number;
}

/** The middle of the values (the mean of the middle two for an even count), one decimal. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

/**
 * Where readers of one lesson watch and where they stop, counted in one pass over its progress
 * rows (`add` each, then `result`). A reader counts once they have played anything. For each
 * paragraph: how many watched it (≥ 90% of its time, as the reader's own map shows it), and how
 * many stopped there — had not completed the lesson and played nothing after it. A reader who
 * reached the last second of speech did not stop anywhere.
 */
export class LessonAnalyticsCounter {
  private readonly starts: number[];
  private readonly watched: number[];
  private readonly stopped: number[];
  private readonly percents: number[] = [];
  private readonly end: number;
  private completions = 0;
  private rowsRead = 0;

  /** `paragraphs`: the lesson's timed paragraphs in reading order. */
  constructor(
    private readonly paragraphs: readonly TimeRange[],
    private readonly share = WATCHED_PARAGRAPH_SHARE,
  ) {
    this.starts = paragraphs.map((p) => p.start);
    this.watched = paragraphs.map(() => 0);
    this.stopped = paragraphs.map(() => 0);
    this.end = paragraphs.reduce((m, p) => Math.max(m, p.end), 0);
  }

  add(row: ProgressFacts): void {
    this.rowsRead++;
    const last = row.segments[row.segments.length - 1];
    if (!last) return;
    this.percents.push(row.percent);
    if (row.completed) this.completions++;
    rangeCoverages(row.segments, this.paragraphs).forEach((covered, i) => {
      if (covered >= this.share - 1e-9) this.watched[i]!++;
    });
    // The grid the server stores on joins stretches a second apart: within a second of the end is the end.
    const furthest = last[1];
    if (!row.completed && furthest < this.end - 1) {
      // The paragraph of the last second played: stopping right where one starts stops in the one before.
      const at = rangeIndexAt(this.starts, Math.max(0, furthest - 1e-6));
      if (at >= 0) this.stopped[at]!++;
    }
  }

  result(): AnalyticsTally {
    return {
      readers: this.percents.length,
      completions: this.completions,
      medianPercent: median(this.percents),
      watched: [...this.watched],
      stopped: [...this.stopped],
      rowsRead: this.rowsRead,
    };
  }
}
