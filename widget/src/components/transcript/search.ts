/**
 * The transcript's search: matches and their marks. A chunk of its own, loaded when the reader
 * first turns to the search field (see transcript.component.ts).
 */
import type { Transcript } from '@lessons/shared/core';
import { paragraphList } from './find.js';

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

/** The folded text of each paragraph, made once per transcript (see `fold`). */
const foldedTexts = new WeakMap<Transcript, string[]>();

/** Every occurrence of `query` in the transcript's paragraphs, in reading order. */
export function findMatches(transcript: Transcript, query: string): Match[] {
  const needle = fold(query.trim());
  if (!needle) return [];
  const paragraphs = paragraphList(transcript);
  const folded = foldedTexts.get(transcript) ?? paragraphs.map((p) => fold(p.text));
  foldedTexts.set(transcript, folded);
  const matches: Match[] = [];
  paragraphs.forEach((p, n) => {
    const haystack = folded[n]!;
    for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) {
      matches.push({ paragraphId: p.id, start: i, end: i + needle.length });
    }
  });
  return matches;
}

/** A paragraph's matches, and the place of its first one among all matches. */
export interface ParagraphMatches {
  first: number;
  matches: Match[];
}

export function groupByParagraph(found: Match[]): Map<string, ParagraphMatches> {
  const groups = new Map<string, ParagraphMatches>();
  found.forEach((m, i) => {
    const group = groups.get(m.paragraphId);
    if (group) group.matches.push(m);
    else groups.set(m.paragraphId, { first: i, matches: [m] });
  });
  return groups;
}

/**
 * A paragraph's text with its search marks (`current` is the selected match). Built as plain
 * DOM, not one Lit template each: a short term in a long lecture makes thousands of them, and
 * they come and go with every letter typed.
 */
export function markedText(text: string, marks: Match[], current: Match | undefined): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const m of marks) {
    if (m.start > at) fragment.append(text.slice(at, m.start));
    const mark = document.createElement('mark');
    const isCurrent = m === current;
    mark.setAttribute('part', isCurrent ? 'match current-match' : 'match');
    if (isCurrent) mark.className = 'current';
    mark.textContent = text.slice(m.start, m.end);
    fragment.append(mark);
    at = m.end;
  }
  if (at < text.length) fragment.append(text.slice(at));
  return fragment;
}
