// What changed between two versions of a transcript, word by word, for the admin's History panel.
// Not in `core`: the widget never shows it, so it never ships the diff library.
import { diffWords } from 'diff';
import { paragraphsOf, type Transcript } from './core/transcript.js';

/** A run of words: kept, added or removed. */
export interface WordPart {
  text: string;
  change: 'same' | 'added' | 'removed';
}

export interface ParagraphDiff {
  id: string;
  /** The heading of its section (in the newer version, or the older one when removed). */
  heading: string;
  change: 'added' | 'edited' | 'removed' | 'retimed';
  parts: WordPart[];
  /** Its times before and after, when they changed. */
  times?: { before: [number, number] | null; after: [number, number] | null };
}

export interface TranscriptDiff {
  paragraphs: ParagraphDiff[];
  /** Section headings that changed (section numbers from 1). */
  headings: Array<{ section: number; parts: WordPart[] }>;
  /** Words added and removed in all. */
  wordsAdded: number;
  wordsRemoved: number;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Word-level differences of two texts (whitespace differences are not changes). */
export function wordDiff(before: string, after: string): WordPart[] {
  return diffWords(before, after).map((c) => ({
    text: c.value,
    change: c.added ? 'added' : c.removed ? 'removed' : 'same',
  }));
}

const timesOf = (p: { start?: number; end?: number } | undefined): [number, number] | null =>
  p?.start !== undefined && p.end !== undefined ? [p.start, p.end] : null;

/**
 * The changes from `before` (null: nothing before, every paragraph is new) to `after`, in the
 * newer version's reading order with removed paragraphs last. Paragraphs are matched by id.
 */
export function transcriptDiff(before: Transcript | null, after: Transcript): TranscriptDiff {
  const old = new Map(paragraphsOf(before ?? { sections: [] }).map((p) => [p.id, p]));
  const paragraphs: ParagraphDiff[] = [];
  let wordsAdded = 0;
  let wordsRemoved = 0;
  const count = (parts: WordPart[]) => {
    for (const p of parts) {
      if (p.change === 'added') wordsAdded += words(p.text);
      if (p.change === 'removed') wordsRemoved += words(p.text);
    }
    return parts;
  };
  for (const p of paragraphsOf(after)) {
    const was = old.get(p.id);
    old.delete(p.id);
    const timeChanged = was && JSON.stringify(timesOf(was)) !== JSON.stringify(timesOf(p));
    const times = timeChanged ? { times: { before: timesOf(was), after: timesOf(p) } } : {};
    if (!was) {
      paragraphs.push({
        id: p.id,
        heading: p.heading,
        change: 'added',
        parts: count([{ text: p.text, change: 'added' }]),
      });
    } else if (was.text !== p.text) {
      paragraphs.push({
        id: p.id,
        heading: p.heading,
        change: 'edited',
        parts: count(wordDiff(was.text, p.text)),
        ...times,
      });
    } else if (timeChanged) {
      paragraphs.push({
        id: p.id,
        heading: p.heading,
        change: 'retimed',
        parts: [{ text: p.text, change: 'same' }],
        ...times,
      });
    }
  }
  for (const p of old.values()) {
    paragraphs.push({
      id: p.id,
      heading: p.heading,
      change: 'removed',
      parts: count([{ text: p.text, change: 'removed' }]),
    });
  }
  const headings: TranscriptDiff['headings'] = [];
  after.sections.forEach((s, i) => {
    const was = before?.sections[i]?.heading;
    if (was !== undefined && was !== s.heading)
      headings.push({ section: i + 1, parts: wordDiff(was, s.heading) });
  });
  return { paragraphs, headings, wordsAdded, wordsRemoved };
}
