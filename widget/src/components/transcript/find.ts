import { paragraphsOf, type Paragraph, type Transcript } from '@lessons/shared/core';

interface Indexed {
  paragraphs: Paragraph[];
  /** Paragraph starts in reading order, for the binary search of `paragraphAtTime`. */
  timed: Paragraph[];
  byId: Map<string, Paragraph>;
}

/** Built once per transcript (a lesson's transcript object is never changed in place). */
const indexes = new WeakMap<Transcript, Indexed>();

function indexOf(transcript: Transcript): Indexed {
  let index = indexes.get(transcript);
  if (!index) {
    const paragraphs = paragraphsOf(transcript);
    index = {
      paragraphs,
      timed: paragraphs.filter((p) => p.start !== undefined),
      byId: new Map(paragraphs.map((p) => [p.id, p])),
    };
    indexes.set(transcript, index);
  }
  return index;
}

/** The transcript's paragraphs in reading order. */
export function paragraphList(transcript: Transcript): readonly Paragraph[] {
  return indexOf(transcript).paragraphs;
}

/** The paragraph with this id, if the transcript has one. */
export function paragraphById(transcript: Transcript, id: string | undefined): Paragraph | undefined {
  return id === undefined ? undefined : indexOf(transcript).byId.get(id);
}

/** The paragraphs with a start time, in reading order (those a reader can play from). */
export function timedParagraphs(transcript: Transcript): readonly Paragraph[] {
  return indexOf(transcript).timed;
}

/**
 * The paragraph being spoken at `time`: the last one starting at or before it (as shared's
 * `paragraphAt`), found by binary search, since the player asks several times a second.
 */
export function paragraphAtTime(transcript: Transcript, time: number): Paragraph | undefined {
  const { timed } = indexOf(transcript);
  let low = 0;
  let high = timed.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (timed[mid]!.start! <= time) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? timed[low - 1] : undefined;
}
