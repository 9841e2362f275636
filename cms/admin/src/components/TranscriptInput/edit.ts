import { storedTranscriptData, type Paragraph, type Section, type Transcript } from '@lessons/shared';

/**
 * Edits on a transcript as the editor holds it: the shape of the shared `Transcript`, but not
 * yet valid (empty text, a start without an end…). Every function returns a new transcript.
 */

const hasOnlyKeys = (o: object, keys: readonly string[]) => Object.keys(o).every((k) => keys.includes(k));

/** The paragraph as the editor holds it; the very same object when it is already in that shape. */
function readParagraph(raw: unknown): Paragraph {
  const p = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const { id, text, start, end } = p;
  const clean =
    typeof id === 'string' &&
    typeof text === 'string' &&
    (start === undefined || typeof start === 'number') &&
    (end === undefined || typeof end === 'number') &&
    hasOnlyKeys(p, ['id', 'text', 'start', 'end']);
  if (clean) return p as Paragraph;
  return {
    id: typeof id === 'string' ? id : '',
    text: typeof text === 'string' ? text : '',
    ...(typeof start === 'number' ? { start } : {}),
    ...(typeof end === 'number' ? { end } : {}),
  };
}

/**
 * Reads the field's stored value; null when it is something other than a transcript. What is
 * already in shape is returned as is (the same objects), so an edit of one paragraph leaves every
 * other paragraph's object unchanged: rows and checks of unchanged paragraphs are skipped by identity.
 */
export function readTranscript(value: unknown): Transcript | null {
  const data = storedTranscriptData(value);
  if (
    typeof data !== 'object' ||
    data === null ||
    !Array.isArray((data as { sections?: unknown }).sections)
  ) {
    return null;
  }
  const rawSections = (data as { sections: unknown[] }).sections;
  let same = hasOnlyKeys(data, ['sections']);
  const sections: Section[] = [];
  for (const raw of rawSections) {
    if (typeof raw !== 'object' || raw === null) return null;
    const { heading, paragraphs } = raw as { heading?: unknown; paragraphs?: unknown };
    if (!Array.isArray(paragraphs)) return null;
    const read = paragraphs.map(readParagraph);
    const sameSection =
      typeof heading === 'string' &&
      hasOnlyKeys(raw, ['heading', 'paragraphs']) &&
      read.every((p, i) => p === paragraphs[i]);
    sections.push(
      sameSection
        ? (raw as Section)
        : { heading: typeof heading === 'string' ? heading : '', paragraphs: read },
    );
    same &&= sameSection;
  }
  return same ? (data as Transcript) : { sections };
}

export function paragraphCount(t: Transcript): number {
  return t.sections.reduce((n, s) => n + s.paragraphs.length, 0);
}

/** `p` and the number after the highest `p<n>` id in use, skipping any id already taken. */
export function nextParagraphId(t: Transcript): string {
  const ids = new Set(t.sections.flatMap((s) => s.paragraphs.map((p) => p.id)));
  let n = 0;
  for (const id of ids) {
    const m = /^p(\d+)$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  do n++;
  while (ids.has(`p${n}`));
  return `p${n}`;
}

function move<T>(items: readonly T[], from: number, to: number): T[] {
  const out = [...items];
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}

const withSection = (t: Transcript, index: number, change: (s: Section) => Section): Transcript => ({
  sections: t.sections.map((s, i) => (i === index ? change(s) : s)),
});

export function addSection(t: Transcript): Transcript {
  return { sections: [...t.sections, { heading: '', paragraphs: [{ id: nextParagraphId(t), text: '' }] }] };
}

export function removeSection(t: Transcript, index: number): Transcript {
  return { sections: t.sections.filter((_, i) => i !== index) };
}

export function moveSection(t: Transcript, index: number, delta: -1 | 1): Transcript {
  const to = index + delta;
  if (to < 0 || to >= t.sections.length) return t;
  return { sections: move(t.sections, index, to) };
}

export function setHeading(t: Transcript, index: number, heading: string): Transcript {
  return withSection(t, index, (s) => ({ ...s, heading }));
}

/** Adds an empty paragraph at the end of a section. */
export function addParagraph(t: Transcript, section: number): Transcript {
  const paragraph: Paragraph = { id: nextParagraphId(t), text: '' };
  return withSection(t, section, (s) => ({ ...s, paragraphs: [...s.paragraphs, paragraph] }));
}

export function removeParagraph(t: Transcript, section: number, index: number): Transcript {
  return withSection(t, section, (s) => ({ ...s, paragraphs: s.paragraphs.filter((_, i) => i !== index) }));
}

/**
 * Moves a paragraph one place up or down; from the edge of a section it crosses into the
 * neighbouring section, so paragraphs can be regrouped under other headings.
 */
export function moveParagraph(t: Transcript, section: number, index: number, delta: -1 | 1): Transcript {
  const current = t.sections[section];
  const paragraph = current?.paragraphs[index];
  if (!current || !paragraph) return t;
  const to = index + delta;
  if (to >= 0 && to < current.paragraphs.length) {
    return withSection(t, section, (s) => ({ ...s, paragraphs: move(s.paragraphs, index, to) }));
  }
  const neighbour = section + delta;
  if (neighbour < 0 || neighbour >= t.sections.length) return t;
  return {
    sections: t.sections.map((s, i) => {
      if (i === section) return { ...s, paragraphs: s.paragraphs.filter((_, j) => j !== index) };
      if (i === neighbour) {
        return { ...s, paragraphs: delta < 0 ? [...s.paragraphs, paragraph] : [paragraph, ...s.paragraphs] };
      }
      return s;
    }),
  };
}

/** Changes a paragraph's text or times; a time set to undefined is removed. */
export function updateParagraph(
  t: Transcript,
  section: number,
  index: number,
  change: Partial<Pick<Paragraph, 'text' | 'start' | 'end'>>,
): Transcript {
  return withSection(t, section, (s) => ({
    ...s,
    paragraphs: s.paragraphs.map((p, i) => {
      if (i !== index) return p;
      const next: Paragraph = { ...p, ...change };
      if (next.start === undefined) delete next.start;
      if (next.end === undefined) delete next.end;
      return next;
    }),
  }));
}

/** Where a paragraph was when an edit of it began; its id finds it again if it has moved since. */
export interface ParagraphPlace {
  section: number;
  index: number;
  id: string;
}

/**
 * Sets a paragraph's text, found at its place or, when paragraphs moved in between, by its id.
 * A paragraph that is gone is left gone.
 */
export function setParagraphText(t: Transcript, place: ParagraphPlace, text: string): Transcript {
  let { section, index } = place;
  if (t.sections[section]?.paragraphs[index]?.id !== place.id) {
    section = t.sections.findIndex((s) => s.paragraphs.some((p) => p.id === place.id));
    if (section < 0) return t;
    index = t.sections[section]!.paragraphs.findIndex((p) => p.id === place.id);
  }
  if (t.sections[section]!.paragraphs[index]!.text === text) return t;
  return updateParagraph(t, section, index, { text });
}

/** A change to the transcript, applied to its latest value. */
export type TranscriptEdit = (t: Transcript) => Transcript;
