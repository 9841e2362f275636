/**
 * The transcript's search: matches and their marks, the selected match and its count. A chunk of
 * its own, loaded when the reader first turns to the search field (see transcript.component.ts,
 * which keeps only the field itself in the first paint).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Lesson, Paragraph, Transcript } from '@lessons/shared/core';
import type { WidgetState } from '../../context.js';
import type { Translate } from '../../i18n/i18n.js';
import { paragraphList } from './find.js';

/**
 * Search marks added per frame. A short term in a three-hour lecture matches thousands of times;
 * the count and the current match show at once, the other marks over the next frames, so typing
 * never waits for them.
 */
const MARKS_PER_FRAME = 600;

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

/** What the search needs of the transcript element (<lesson-transcript>). */
export interface SearchHost extends ReactiveControllerHost {
  readonly widget: WidgetState | undefined;
  /** What the reader typed in the search field. */
  readonly query: string;
}

/**
 * The transcript's search once its code is here: finds the host's `query` in its lesson (again
 * for each new query or lesson), keeps the selected match, draws the marks a few hundred per
 * frame, and words the count.
 */
export class TranscriptSearch implements ReactiveController {
  /** The matches, in reading order. */
  found: Match[] = [];
  private byParagraph = new Map<string, ParagraphMatches>();
  /** The selected match's place in `found`. */
  index = 0;
  /** How many matches (in reading order) have their marks drawn; see MARKS_PER_FRAME. */
  shown = 0;
  /** The query and the lesson `found` is for. */
  private query = '';
  private lesson: Lesson | undefined;
  private frame = 0;

  /** `reveal` asks the host to scroll the selected match into view once it is drawn. */
  constructor(
    private readonly host: SearchHost,
    private readonly reveal: () => void,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const lesson = this.host.widget?.lesson;
    const { query } = this.host;
    if (!lesson || (lesson === this.lesson && query === this.query)) return;
    this.lesson = lesson;
    this.query = query;
    this.found = findMatches(lesson.transcript, query);
    this.byParagraph = groupByParagraph(this.found);
    this.index = 0;
    this.shown = MARKS_PER_FRAME;
  }

  hostUpdated(): void {
    if (this.shown < this.found.length && !this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.shown += MARKS_PER_FRAME;
        this.host.requestUpdate();
      });
    }
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Moves to the next (1) or previous (-1) match, wrapping around. */
  step(direction: 1 | -1): void {
    const n = this.found.length;
    if (!n) return;
    this.index = (this.index + direction + n) % n;
    this.reveal();
    this.host.requestUpdate();
  }

  /** "3 of 12", "No matches", or nothing without a query. */
  count(t: Translate): string {
    const n = this.found.length;
    if (!this.query.trim()) return '';
    return n ? t('transcript.matchCount', { current: this.index + 1, count: n }) : t('transcript.noMatches');
  }

  /**
   * The paragraph's text with the marks drawn so far (see markedText); the paragraph holding the
   * selected match shows all its marks at once. Redrawn only when its marks change.
   */
  text(p: Paragraph) {
    const group = this.byParagraph.get(p.id);
    const current = this.found[this.index];
    const currentHere = current?.paragraphId === p.id ? current : undefined;
    const all = group?.matches.length ?? 0;
    const shown = !group ? 0 : currentHere ? all : Math.min(all, Math.max(0, this.shown - group.first));
    return guard([p, group, shown, currentHere], () => {
      const marks = group?.matches.slice(0, shown) ?? [];
      return marks.length ? markedText(p.text, marks, currentHere) : p.text;
    });
  }
}
