import { paragraphsOf, type Paragraph, type Transcript } from '@lessons/shared/core';

export interface Match {
  paragraphId: string;
  start: number;
  end: number;
}

// eslint-disable-next-line no-control-regex -- every ASCII character, control characters included
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Case- and accent-insensitive form of a text with the same length, so offsets found in it are
 * offsets in the original ("conexion" finds "conexión").
 */
export function fold(text: string): string {
  // Lower-casing ASCII keeps its length and has no accents to drop: most text takes this path,
  // which is what lets a three-hour lecture be folded in a few milliseconds.
  if (ASCII.test(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const lower = ch.toLowerCase();
    out += base.length === ch.length ? base : lower.length === ch.length ? lower : ch;
  }
  return out;
}

interface Indexed {
  paragraphs: Paragraph[];
  folded: string[];
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
      folded: paragraphs.map((p) => fold(p.text)),
      timed: paragraphs.filter((p) => p.start !== undefined),
      byId: new Map(paragraphs.map((p) => [p.id, p])),
    };
    indexes.set(transcript, index);
  }
  return index;
}

/** Every occurrence of `query` in the transcript's paragraphs, in reading order. */
export function findMatches(transcript: Transcript, query: string): Match[] {
  const needle = fold(query.trim());
  if (!needle) return [];
  const { paragraphs, folded } = indexOf(transcript);
  const matches: Match[] = [];
  paragraphs.forEach((p, n) => {
    const haystack = folded[n]!;
    for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) {
      matches.push({ paragraphId: p.id, start: i, end: i + needle.length });
    }
  });
  return matches;
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
