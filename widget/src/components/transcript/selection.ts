import type { QuotePosition } from '@lessons/shared/core';

/**
 * The reader's selection in the transcript, snapped to whole words: the words of the first
 * paragraph it touches (what an error report quotes: a report's quote lies in one paragraph),
 * and every paragraph it runs over (what a passage link spans).
 */
export interface PassageSelection {
  /** The selected words of the first paragraph, as offsets in its text. */
  first: QuotePosition;
  /** The ids of the paragraphs the selection runs over, in reading order. */
  paragraphIds: string[];
  /** The selected words, paragraphs joined by a space. */
  text: string;
  /** Where the selection ends on screen, to place its buttons near it. */
  rect: DOMRect;
}

const PARAGRAPH = 'p[data-paragraph]';
const segmenters = new Map<string, Intl.Segmenter>();

/** Word boundaries of the language (Arabic, Chinese and Japanese included, through ICU). */
function wordsOf(text: string, locale: string): Intl.Segments {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale || undefined, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter.segment(text);
}

/**
 * `start` moved back to the beginning of the word it cuts, `end` on to the end of the word it
 * cuts, and the spaces at either edge left out: "connect|ion can be rebuilt, one s|tep" quotes
 * "connection can be rebuilt, one step". Null when nothing but spaces is left.
 */
export function snapToWords(
  text: string,
  start: number,
  end: number,
  locale: string,
): [number, number] | null {
  const words = wordsOf(text, locale);
  const atStart = start < text.length ? words.containing(start) : undefined;
  if (atStart?.isWordLike && atStart.index < start) start = atStart.index;
  const atEnd = end > 0 ? words.containing(end - 1) : undefined;
  if (atEnd?.isWordLike && atEnd.index + atEnd.segment.length > end) end = atEnd.index + atEnd.segment.length;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? [start, end] : null;
}

/** The selected range if it lies inside `root`, read through the shadow boundary. */
function rangeIn(root: ShadowRoot): { range: Range; backward: boolean } | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  let r: AbstractRange | undefined;
  if ('getComposedRanges' in selection) {
    r = selection.getComposedRanges({ shadowRoots: [root] })[0];
  } else {
    // Browsers before getComposedRanges: Chromium's ShadowRoot#getSelection, else Firefox's
    // document selection, which already points inside shadow roots.
    const legacy =
      (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? selection;
    r = legacy.rangeCount ? legacy.getRangeAt(0) : undefined;
  }
  if (!r || r.collapsed) return null;
  const range = document.createRange();
  try {
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
  } catch {
    return null;
  }
  // Which way the reader dragged (Selection#direction; older browsers: forward).
  const backward = (selection as Selection & { direction?: string }).direction === 'backward';
  return { range, backward };
}

/** Characters of `paragraph`'s text before (`node`, `offset`). */
function textOffset(paragraph: Node, node: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(paragraph, 0);
  before.setEnd(node, offset);
  return before.toString().length;
}

/** The text node and offset at character `offset` of `paragraph`'s text (search marks included). */
function pointAt(paragraph: Element, offset: number): [Node, number] {
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let seen = 0;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (offset <= seen + node.data.length) return [node, offset - seen];
    seen += node.data.length;
    last = node;
  }
  return last ? [last, last.data.length] : [paragraph, 0];
}

/** The selected characters of one paragraph, from where the range starts and ends in it. */
function offsetsIn(p: HTMLElement, range: Range): [number, number] {
  const length = p.textContent?.length ?? 0;
  const start = p.contains(range.startContainer) ? textOffset(p, range.startContainer, range.startOffset) : 0;
  const end = p.contains(range.endContainer) ? textOffset(p, range.endContainer, range.endOffset) : length;
  return [start, end];
}

interface Snapped {
  paragraphs: HTMLElement[];
  /** Offsets of the snapped start in the first paragraph and end in the last. */
  start: number;
  end: number;
  /** The first paragraph's own words (its end, when the selection runs on). */
  firstEnd: number;
  backward: boolean;
}

/** The selection in `root`, snapped to words, with the paragraphs holding words of it. */
function snappedSelection(root: ShadowRoot, locale: string): Snapped | null {
  const found = rangeIn(root);
  if (!found) return null;
  const { range, backward } = found;
  const all = [...root.querySelectorAll<HTMLElement>(PARAGRAPH)];
  const touched = all.filter((p) => range.intersectsNode(p));
  // Each paragraph keeps the words of it that are selected; one left with only spaces (the
  // selection began at the very end of it, or ended at the very start) does not count.
  const words = touched
    .map((p) => ({ p, words: snapToWords(p.textContent ?? '', ...offsetsIn(p, range), locale) }))
    .filter((x): x is { p: HTMLElement; words: [number, number] } => x.words !== null);
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return null;
  return {
    paragraphs: words.map((x) => x.p),
    start: first.words[0],
    end: last.words[1],
    firstEnd: first.words[1],
    backward,
  };
}

/**
 * The reader's selection in `root` (the transcript's shadow root) as a passage, snapped to
 * whole words of the transcript's language `locale`; null when it holds no words of a paragraph.
 */
export function passageSelection(root: ShadowRoot, locale: string): PassageSelection | null {
  const snapped = snappedSelection(root, locale);
  if (!snapped) return null;
  const { paragraphs, start, end, firstEnd } = snapped;
  const first = paragraphs[0]!;
  const last = paragraphs[paragraphs.length - 1]!;
  const shown = document.createRange();
  shown.setStart(...pointAt(last, paragraphs.length === 1 ? start : 0));
  shown.setEnd(...pointAt(last, end));
  const rects = shown.getClientRects();
  const text = paragraphs
    .map((p, i) =>
      (p.textContent ?? '').slice(i === 0 ? start : 0, i === paragraphs.length - 1 ? end : undefined),
    )
    .join(' ');
  return {
    first: { paragraphId: first.dataset.paragraph ?? '', start, end: firstEnd },
    paragraphIds: paragraphs.map((p) => p.dataset.paragraph ?? ''),
    text,
    rect: rects[rects.length - 1] ?? shown.getBoundingClientRect(),
  };
}

/**
 * Shows the selection as it is read: grown to whole words. Called once a drag has ended (moving
 * the selection under a dragging pointer would fight it). Keeps the selection's direction.
 */
export function snapShownSelection(root: ShadowRoot, locale: string): void {
  const snapped = snappedSelection(root, locale);
  if (!snapped) return;
  const { paragraphs, start, end, backward } = snapped;
  const from = pointAt(paragraphs[0]!, start);
  const to = pointAt(paragraphs[paragraphs.length - 1]!, end);
  const current = rangeIn(root)?.range;
  if (
    current?.startContainer === from[0] &&
    current.startOffset === from[1] &&
    current.endContainer === to[0] &&
    current.endOffset === to[1]
  )
    return;
  const selection = document.getSelection();
  if (backward) selection?.setBaseAndExtent(...to, ...from);
  else selection?.setBaseAndExtent(...from, ...to);
}

/**
 * Shift+arrow keys on a focused paragraph select words, as in a text field: Shift+→/← (in
 * reading order: ← goes on in a right-to-left text) takes one more word or gives one back,
 * Shift+↓ takes the rest of the paragraph and then the next one, Shift+↑ gives back the last.
 * A first press selects the paragraph's first word (Shift+↓: the whole paragraph).
 * Returns the paragraph that now ends the selection, to move focus to.
 */
export function extendSelection(
  root: ShadowRoot,
  focused: HTMLElement,
  key: 'ArrowRight' | 'ArrowLeft' | 'ArrowDown' | 'ArrowUp',
  locale: string,
  rtl: boolean,
): HTMLElement | null {
  const all = [...root.querySelectorAll<HTMLElement>(PARAGRAPH)];
  const snapped = snappedSelection(root, locale);
  const forward = key === 'ArrowDown' || key === (rtl ? 'ArrowLeft' : 'ArrowRight');
  const byWord = key === 'ArrowLeft' || key === 'ArrowRight';
  // The selection grows from its start: the anchor stays where the reader began.
  let first = snapped?.paragraphs[0] ?? focused;
  let start = snapped?.start ?? 0;
  let last = snapped?.paragraphs[snapped.paragraphs.length - 1] ?? focused;
  let end = snapped?.end ?? 0;
  const text = (p: HTMLElement) => p.textContent ?? '';
  const wordEnds = (p: HTMLElement) =>
    [...wordsOf(text(p), locale)].filter((s) => s.isWordLike).map((s) => s.index + s.segment.length);
  if (!snapped && !forward) return null;
  if (byWord) {
    const ends = wordEnds(last);
    if (forward) {
      const next = ends.find((e) => e > end);
      if (next !== undefined) end = next;
      else {
        const after = all[all.indexOf(last) + 1];
        if (!after) return last;
        last = after;
        end = wordEnds(after)[0] ?? text(after).length;
      }
    } else {
      const previous = [...ends].reverse().find((e) => e < end && (last !== first || e > start));
      if (previous !== undefined) end = previous;
      else if (last !== first) {
        last = all[all.indexOf(last) - 1] ?? first;
        end = text(last).length;
      } else {
        document.getSelection()?.removeAllRanges();
        return focused;
      }
    }
  } else if (forward) {
    if (snapped && end >= text(last).trimEnd().length) last = all[all.indexOf(last) + 1] ?? last;
    end = text(last).length;
  } else if (last !== first) {
    last = all[all.indexOf(last) - 1] ?? first;
    end = text(last).length;
  } else {
    document.getSelection()?.removeAllRanges();
    return focused;
  }
  if (!snapped) {
    first = focused;
    start = 0;
  }
  document.getSelection()?.setBaseAndExtent(...pointAt(first, start), ...pointAt(last, end));
  return last;
}
