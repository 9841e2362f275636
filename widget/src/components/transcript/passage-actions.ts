import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import {
  describeQuote,
  type Lesson,
  type MediaFragmentTime,
  type Quote,
  type QuotePosition,
  type Transcript,
} from '@lessons/shared/core';
import type { WidgetState } from '../../context.js';
import { LessonAnnounceRequestEvent } from '../../events/lesson-announce-request.js';
import { LessonReportRequestEvent } from '../../events/lesson-report-request.js';
import { directionOf, formatTime, type Translate } from '../../i18n/i18n.js';
import { paragraphById } from './find.js';
import { copyText, passageLink } from './passage-link.js';
import { paragraphsIn, markPassage } from './passage-marks.js';
import { extendSelection, passageSelection, snapShownSelection } from './selection.js';

// The transcript loads this module (and selection.ts with it) at the first selection, or for a
// `#t=a,b` link: all that follows stays out of the first paint. The transcript itself keeps only
// the listeners that load it (see TranscriptPassages).

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

/** What the passages need of the transcript element (<lesson-transcript>). */
export interface PassagesHost extends ReactiveControllerHost, HTMLElement {
  readonly widget: WidgetState | undefined;
  emit<E extends Event>(event: E): E;
}

/** A selection key: Shift with one of these extends the selection (see selection.ts). */
export type SelectKey = 'ArrowRight' | 'ArrowLeft' | 'ArrowDown' | 'ArrowUp';

/**
 * The transcript's selections and passages, created when this chunk arrives: reads the reader's
 * selection (snapped to words) and shows its buttons, copies its link, reports it, extends it
 * from the keyboard, and marks the page's `#t=a,b` passage. The transcript's own listeners load
 * the chunk and hand every selection change and Shift+arrow key on to it (none made while it
 * loads is lost).
 */
export class TranscriptPassages implements ReactiveController {
  /** The reader's selection, snapped to words: what a report quotes, what a link spans. */
  private selection: SelectedPassage | null = null;
  /** "Copy link" was pressed for this selection: the link is copied ('') or, if that failed, shown. */
  private copiedLink: string | null = null;
  /** The lesson the selection is in: another lesson drops it. */
  private lesson: Lesson | undefined;
  /** The marks of the page's `#t=a,b` passage. */
  private marks: PassageMarks | undefined;
  /** The selection was made with the keyboard: say what it holds. */
  private announce = false;
  private frame = 0;

  /**
   * `pointerDown`: a mouse button is down (a drag may be selecting, so the selection is not
   * snapped under it); `moveTabStop` gives a paragraph the transcript's roving tab stop.
   */
  constructor(
    private readonly host: PassagesHost,
    private readonly pointerDown: () => boolean,
    private readonly moveTabStop: (p: HTMLElement) => void,
  ) {
    this.lesson = host.widget?.lesson;
    host.addController(this);
  }

  hostUpdate(): void {
    const lesson = this.host.widget?.lesson;
    if (lesson === this.lesson) return;
    this.lesson = lesson;
    this.selection = null;
  }

  hostUpdated(): void {
    this.placeActions();
    this.markPassage();
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
  }

  private get rtl(): boolean {
    return getComputedStyle(this.host).direction === 'rtl';
  }

  private show(selection: SelectedPassage | null, copiedLink = this.copiedLink): void {
    this.selection = selection;
    this.copiedLink = copiedLink;
    this.host.requestUpdate();
  }

  /** The page's selection changed: read it in the next frame (once, however often it changes). */
  selectionChanged(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.readSelection());
  }

  /** The mouse button went up: the drag is over, the selection can be shown snapped to words. */
  dragEnded(): void {
    if (this.selection) this.selectionChanged();
  }

  private readSelection(): void {
    const { widget, shadowRoot: root } = this.host;
    const body = root?.querySelector<HTMLElement>('.body');
    if (!widget || !root || !body) return;
    const { lesson } = widget;
    const read = readPassage(root, lesson.transcript, lesson.locale, body, this.rtl, !this.pointerDown());
    if (read === undefined) return;
    if (!read) {
      // Keep the buttons while the reader moves to them (focus leaves the text but the selection
      // stays), and while the link to copy by hand has the focus (and the selection with it).
      if (this.selection && !root.activeElement?.closest('.selection-actions')) this.show(null);
      return;
    }
    const same = this.selection && samePassage(this.selection, read);
    this.show(read, same ? this.copiedLink : null);
    if (this.announce) {
      this.announce = false;
      const message = widget.i18n.t('transcript.selected', { text: read.spoken });
      this.host.emit(new LessonAnnounceRequestEvent({ message }));
    }
  }

  /** Places the selection's buttons under its end (see placeActions). */
  private placeActions(): void {
    const group = this.host.shadowRoot?.querySelector<HTMLElement>('.selection-actions');
    if (this.selection && group) placeActions(group, this.selection, this.rtl);
  }

  /** Copies the page's link to the selected paragraphs' passage (`#t=<start>,<end>`). */
  private async copyLink(): Promise<void> {
    const passage = this.selection?.passage;
    const root = this.host.shadowRoot;
    const widget = this.host.widget;
    if (!passage || !root || !widget) return;
    const { copied, link } = await copyPassageLink(passage, root);
    const { t } = widget.i18n;
    this.show(this.selection, copied ? '' : link);
    const message = copied
      ? t('transcript.linkCopiedFrom', { from: formatTime(passage.start), to: formatTime(passage.end) })
      : t('transcript.copyByHand');
    this.host.emit(new LessonAnnounceRequestEvent({ message }));
    if (!copied) {
      await this.host.updateComplete;
      root.querySelector<HTMLInputElement>('.passage-url input')?.focus();
    }
  }

  /** The selection's buttons' actions (the same functions at every render). */
  private readonly act = {
    copy: () => void this.copyLink(),
    report: () => this.report(),
  };

  private report(): void {
    const selection = this.selection;
    if (!selection) return;
    this.host.emit(
      new LessonReportRequestEvent({ selection: { quote: selection.quote, position: selection.position } }),
    );
    this.show(null);
  }

  /** Shift+`key` on the timed paragraph `p`: selects words (see selection.ts's extendSelection). */
  selectWithKey(p: HTMLElement, key: SelectKey): void {
    const lesson = this.host.widget?.lesson;
    const root = this.host.shadowRoot;
    if (!lesson || !root) return;
    const rtl = directionOf(lesson.locale) === 'rtl';
    const end = extendSelection(root, p, key, lesson.locale, rtl);
    this.announce = true;
    // The paragraph that ends the selection takes the focus and the tab stop: Tab from it
    // reaches the selection's buttons, Shift+Tab back from them returns to it.
    if (end && end !== p) {
      this.moveTabStop(end);
      end.focus();
    }
  }

  /** Marks the paragraphs of the page's `#t=a,b` passage. */
  private markPassage(): void {
    const passage = this.host.widget?.passage ?? null;
    const transcript = this.host.widget?.lesson.transcript;
    const root = this.host.shadowRoot;
    if (!transcript || !root || (!passage && !this.marks)) return;
    (this.marks ??= new PassageMarks(root)).update(transcript, passage);
  }

  /** The selection's buttons, next to it (nothing without one). */
  render(t: Translate) {
    return this.selection ? selectionActions(this.selection, this.copiedLink, t, this.act) : nothing;
  }
}
