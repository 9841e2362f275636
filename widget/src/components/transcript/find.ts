import { paragraphsOf, type Paragraph, type Transcript } from '@lessons/shared/core';

export interface Match {
  paragraphId: string;
  start: number;
  end: number;
}

/**
 * Case- and accent-insensitive form of a text with the same length, so offsets found in it are
 * offsets in the original ("conexion" finds "conexión").
 */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const lower = ch.toLowerCase();
    out += base.length === ch.length ? base : lower.length === ch.length ? lower : ch;
  }
  return out;
}

/** Every occurrence of `query` in the transcript's paragraphs, in reading order. */
export function findMatches(transcript: Transcript, query: string): Match[] {
  const needle = fold(query.trim());
  if (!needle) return [];
  const matches: Match[] = [];
  for (const p of paragraphsOf(transcript)) {
    const haystack = fold(p.text);
    for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) {
      matches.push({ paragraphId: p.id, start: i, end: i + needle.length });
    }
  }
  return matches;
}

/** The paragraph with this id, if the transcript has one. */
export function paragraphById(transcript: Transcript, id: string | undefined): Paragraph | undefined {
  return id === undefined ? undefined : paragraphsOf(transcript).find((p) => p.id === id);
}
