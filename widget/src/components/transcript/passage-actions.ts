import { html, nothing } from 'lit';
import {
  describeQuote,
  type MediaFragmentTime,
  type Quote,
  type QuotePosition,
  type Transcript,
} from '@lessons/shared/core';
import type { Translate } from '../../i18n/i18n.js';
import { paragraphById } from './find.js';
import { copyText, passageLink } from './passage-link.js';
import { paragraphsIn, markPassage } from './passage-marks.js';
import { passageSelection, snapShownSelection } from './selection.js';

// The transcript loads this module (and selection.ts with it) at the first selection, or for a
// `#t=a,b` link: all that follows stays out of the first paint.
export { extendSelection } from './selection.js';

/** A selection as the transcript offers it: what a report quotes, the passage a link spans. */
export interface SelectedPassage {
  quote: Quote;
  position: QuotePosition;
  /** The selected paragraphs' times; null in an untimed transcript. */
  passage: { start: number; end: number } | null;
  /** Where its buttons go: under it (`top`) at its end (`x`), in the `body` box. */
  top: number;
  x: number;
  /** The selected words, shortened to be heard. */
  spoken: string;
}

/**
 * The reader's selection in the transcript's shadow `root`, snapped to words (and, with `snap`,
 * shown so); null when it holds no words of the transcript, undefined when they cannot be quoted.
 */
export function readPassage(
  root: ShadowRoot,
  transcript: Transcript,
  locale: string,
  body: HTMLElement,
  rtl: boolean,
  snap: boolean,
): SelectedPassage | null | undefined {
  if (snap) snapShownSelection(root, locale);
  const found = passageSelection(root, locale);
  if (!found) return null;
  const quote = describeQuote(transcript, found.first);
  if (!quote) return undefined;
  const first = paragraphById(transcript, found.paragraphIds[0]);
  const last = paragraphById(transcript, found.paragraphIds[found.paragraphIds.length - 1]);
  const box = body.getBoundingClientRect();
  const { text } = found;
  return {
    quote,
    position: found.first,
    passage:
      first?.start !== undefined && last?.end !== undefined ? { start: first.start, end: last.end } : null,
    top: found.rect.bottom - box.top + 6,
    x: (rtl ? found.rect.left : found.rect.right) - box.left,
    spoken: text.length > 160 ? `${text.slice(0, 80)} … ${text.slice(-60)}` : text,
  };
}

/** True when `a` and `b` are the same words and passage (a re-read of one selection). */
export function samePassage(a: SelectedPassage, b: SelectedPassage): boolean {
  return (
    a.quote.exact === b.quote.exact &&
    a.position.paragraphId === b.position.paragraphId &&
    a.position.start === b.position.start &&
    a.passage?.start === b.passage?.start &&
    a.passage?.end === b.passage?.end
  );
}

/**
 * Places the selection's buttons (`group`) under its end, within the text's box. Through the
 * CSSOM, not a style attribute: a host page's strict CSP refuses those.
 */
export function placeActions(group: HTMLElement, selection: SelectedPassage, rtl: boolean): void {
  const width = group.offsetWidth;
  const edge = rtl ? selection.x - width + 80 : selection.x - 80;
  const left = Math.max(0, Math.min(edge, (group.parentElement?.clientWidth ?? width) - width));
  Object.assign(group.style, { top: `${selection.top}px`, left: `${left}px` });
}

/** Copies the page's link to `passage`; the link comes back too, to show when it could not be copied. */
export async function copyPassageLink(
  passage: MediaFragmentTime,
  root: ShadowRoot,
): Promise<{ copied: boolean; link: string }> {
  const link = passageLink(passage);
  return { copied: await copyText(link, root), link };
}

/** The marks of the page's `#t=a,b` passage in the transcript's shadow root, kept up to date. */
export class PassageMarks {
  private of: [unknown, unknown] = [null, null];
  private ids: string[] = [];
  private marked: HTMLElement[] = [];

  constructor(private readonly root: ShadowRoot) {}

  /** Marks the paragraphs drawn so far of `passage` (none for null). */
  update(transcript: Transcript, passage: MediaFragmentTime | null): void {
    if (!passage && !this.marked.length) return;
    if (this.of[0] !== passage || this.of[1] !== transcript) {
      this.of = [passage, transcript];
      this.ids = passage ? paragraphsIn(transcript, passage) : [];
    }
    this.marked = markPassage(this.root, this.ids, this.marked);
  }
}

/** A mouse press on a selection's button keeps the selection (and the focus where it is). */
const keepSelection = (event: Event) => event.preventDefault();

/**
 * The buttons next to a selection: "Copy link to this passage" (in a timed transcript) and
 * "Report an error"; `copiedLink` is '' once the link was copied, or the link to copy by hand.
 */
export function selectionActions(
  selection: SelectedPassage,
  copiedLink: string | null,
  t: Translate,
  act: { copy(): void; report(): void },
) {
  return html`<div class="selection-actions" part="selection-actions">
    ${
      selection.passage
        ? html`<button part="copy-link" class="button" type="button" @mousedown=${keepSelection} @click=${act.copy}>
          ${copiedLink === '' ? t('transcript.linkCopied') : t('transcript.copyLink')}
        </button>`
        : nothing
    }
    <button part="report-selection" class="button" type="button" @mousedown=${keepSelection} @click=${act.report}>
      ${t('transcript.reportSelection')}
    </button>
    ${
      copiedLink
        ? html`<label class="passage-url">${t('transcript.copyByHand')}
          <input readonly .value=${copiedLink} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        </label>`
        : nothing
    }
  </div>`;
}
