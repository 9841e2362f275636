import type { Paragraph, Transcript } from './transcript.js';
import { paragraphsOf } from './transcript.js';

/** Seconds of the video a timed paragraph is spoken in. */
export interface TimeRange {
  start: number;
  end: number;
}

/** A paragraph's time range, or null when it has no times. */
export function rangeOf(p: Pick<Paragraph, 'start' | 'end'>): TimeRange | null {
  return p.start !== undefined && p.end !== undefined ? { start: p.start, end: p.end } : null;
}

/** Two ranges share some time (touching ends do not count: 0–5 and 5–9 are neighbours). */
export function rangesOverlap(a: TimeRange, b: TimeRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A paragraph whose words changed between two versions of one transcript. */
export interface ParagraphChange {
  id: string;
  change: 'added' | 'edited' | 'removed';
  /** Where it is spoken (its old times when removed), or null when untimed. */
  range: TimeRange | null;
}

/**
 * The paragraphs whose text was added, edited or removed from `before` to `after` (paragraphs
 * are matched by id). A change of times alone, or of a heading, is not a change of words.
 */
export function changedParagraphs(before: Transcript, after: Transcript): ParagraphChange[] {
  const old = new Map(paragraphsOf(before).map((p) => [p.id, p]));
  const changes: ParagraphChange[] = [];
  for (const p of paragraphsOf(after)) {
    const was = old.get(p.id);
    old.delete(p.id);
    if (!was) changes.push({ id: p.id, change: 'added', range: rangeOf(p) });
    else if (was.text !== p.text) changes.push({ id: p.id, change: 'edited', range: rangeOf(p) });
  }
  for (const p of old.values()) changes.push({ id: p.id, change: 'removed', range: rangeOf(p) });
  return changes;
}

/**
 * Whether a paragraph of one language covers what a paragraph of another says: both timed, their
 * times overlap; otherwise (a transcript without times) they have the same id.
 */
export function covers(a: { id: string; range: TimeRange | null }, b: Paragraph): boolean {
  const range = rangeOf(b);
  return a.range && range ? rangesOverlap(a.range, range) : a.id === b.id;
}

/** A paragraph of another language to review, and the paragraphs of the changed one that cover it. */
export interface ReviewTarget {
  paragraphId: string;
  sourceParagraphIds: string[];
  /** What the changed language says there now (its paragraphs covering the target, in order). */
  sourceText: string;
}

/**
 * The paragraphs of `other` (another language of the same lesson) that the changes of `source`
 * touch, each with the source's current text over the same time.
 */
export function paragraphsToReview(
  changes: readonly ParagraphChange[],
  source: Transcript,
  other: Transcript,
): ReviewTarget[] {
  if (changes.length === 0) return [];
  const sourceParagraphs = paragraphsOf(source);
  const targets: ReviewTarget[] = [];
  for (const p of paragraphsOf(other)) {
    if (!changes.some((c) => covers(c, p))) continue;
    const over = sourceParagraphs.filter((s) => covers({ id: p.id, range: rangeOf(p) }, s));
    targets.push({
      paragraphId: p.id,
      sourceParagraphIds: over.map((s) => s.id),
      sourceText: over.map((s) => s.text).join('\n\n'),
    });
  }
  return targets;
}
