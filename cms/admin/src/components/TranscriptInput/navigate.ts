import type { Transcript } from '@lessons/shared';

/** A paragraph's place: 0-based section and index in it. */
export interface ParagraphAt {
  section: number;
  index: number;
}

/**
 * The paragraph being spoken at `seconds`: the last one, in reading order, that starts at or
 * before it (the same rule the widget follows along with). Paragraphs without times are skipped;
 * before the first timed paragraph, that one. Undefined when no paragraph has a time.
 */
export function paragraphAtTime(t: Transcript, seconds: number): ParagraphAt | undefined {
  let found: ParagraphAt | undefined;
  let first: ParagraphAt | undefined;
  for (const [section, s] of t.sections.entries()) {
    for (const [index, p] of s.paragraphs.entries()) {
      if (p.start === undefined || !Number.isFinite(p.start)) continue;
      first ??= { section, index };
      if (p.start > seconds) return found ?? first;
      found = { section, index };
    }
  }
  return found ?? first;
}

// Lower-cased paragraph texts, kept while the paragraph object is unchanged.
const folded = new WeakMap<object, string>();
const fold = (p: { text: string }) => {
  let text = folded.get(p);
  if (text === undefined) folded.set(p, (text = p.text.toLocaleLowerCase()));
  return text;
};

const NOTHING: readonly ParagraphAt[] = [];

/** Every paragraph whose text contains `query` (ignoring case), in reading order. */
export function findInTranscript(t: Transcript, query: string): readonly ParagraphAt[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return NOTHING;
  const found: ParagraphAt[] = [];
  t.sections.forEach((s, section) =>
    s.paragraphs.forEach((p, index) => {
      if (fold(p).includes(needle)) found.push({ section, index });
    }),
  );
  return found;
}
