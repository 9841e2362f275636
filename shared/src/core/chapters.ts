import type { Transcript } from './transcript.js';

/** A stretch of the lesson named by a transcript section's heading: a chapter on the timeline. */
export interface Chapter {
  title: string;
  /** Seconds. */
  start: number;
  end: number;
}

/**
 * The lesson's chapters: one per section that has timed paragraphs, titled by its heading. A first
 * section without a heading is the lesson's opening and takes `lessonTitle`; a later one carries on
 * the chapter before it. Each chapter runs to the next one's start, the last to the end of its
 * speech or `duration`, whichever is later, so the chapters cover the timeline without gaps.
 */
export function chaptersOf(t: Transcript, lessonTitle: string, duration?: number): Chapter[] {
  const chapters: Chapter[] = [];
  let lastEnd = 0;
  for (const section of t.sections) {
    const times = section.paragraphs.filter((p) => p.start !== undefined && p.end !== undefined);
    if (times.length === 0) continue;
    const start = Math.min(...times.map((p) => p.start!));
    lastEnd = Math.max(lastEnd, ...times.map((p) => p.end!));
    const heading = section.heading.replace(/\s+/g, ' ').trim();
    if (!heading && chapters.length > 0) continue;
    chapters.push({ title: heading || lessonTitle.replace(/\s+/g, ' ').trim(), start, end: start });
  }
  const end = Math.max(lastEnd, duration ?? 0);
  chapters.forEach((c, i) => (c.end = chapters[i + 1]?.start ?? end));
  // Sections whose times overlap the next one's would make empty or backward chapters.
  return chapters.filter((c) => c.end > c.start);
}
