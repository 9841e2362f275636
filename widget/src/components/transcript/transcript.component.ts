import { html, nothing, type PropertyValues } from 'lit';
import { consume } from '@lit/context';
import { query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { isTimed, type Paragraph, type Transcript, type TranscriptFormat } from '@lessons/shared/core';
import { scrollToUpperThird } from '../../base/dom.js';
import { LessonElement } from '../../base/lesson-element.js';
import { transcriptPrintStyles } from '../../base/print.styles.js';
import { sharedStyles } from '../../base/shared.styles.js';
import {
  initialMediaState,
  mediaContext,
  widgetContext,
  type MediaState,
  type WidgetState,
} from '../../context.js';
import type { FollowAlongController } from '../../controllers/follow-along-controller.js';
import { watchedContext, type WatchedState } from '../../context.js';
import type { WatchedMap } from './watched-map.js';
import { LessonLoadFailureEvent } from '../../events/lesson-load-failure.js';
import { LessonReportRequestEvent } from '../../events/lesson-report-request.js';
import { LessonSeekRequestEvent } from '../../events/lesson-seek-request.js';
import { LessonShortcutsRequestEvent } from '../../events/lesson-shortcuts-request.js';
import { directionOf, formatTime, loadLaterStrings } from '../../i18n/i18n.js';
import { paragraphAtTime, paragraphById, timedParagraphs } from './find.js';
import type { SelectKey, TranscriptPassages } from './passage-actions.js';
import type { TranscriptSearch } from './search.js';
import { transcriptStyles } from './transcript.styles.js';

/** The downloads; the chapters track is the player's, not a transcript to read. */
const FORMATS = ['txt', 'vtt', 'srt'] as const satisfies readonly TranscriptFormat[];
/**
 * Sections drawn in the first frame, then per frame after it: a three-hour lecture's 100
 * sections appear within a few frames instead of in one long task.
 */
const SECTIONS_PER_FRAME = 10;
/** Paragraphs Page Up / Page Down move the focus by. */
const PARAGRAPHS_PER_PAGE = 10;
/** Keys that move the focus between timed paragraphs: a step, or ±Infinity for the first/last. */
const MOVES: Record<string, number> = {
  ArrowDown: 1,
  ArrowUp: -1,
  PageDown: PARAGRAPHS_PER_PAGE,
  PageUp: -PARAGRAPHS_PER_PAGE,
  Home: -Infinity,
  End: Infinity,
};

/**
 * The lesson's transcript: headings and paragraphs. A click on a timed paragraph, or Enter on it,
 * asks the owner to play from there (`lesson-seek-request`). The paragraph being spoken is marked
 * `aria-current` and kept in view. Search with match count and next/previous, downloads, and
 * error reports: from a selection (a button appears next to it) or from the link below.
 *
 * Keyboard: the timed paragraphs are ONE tab stop (a roving tabindex: the stop has `tabindex="0"`,
 * every other timed paragraph `-1`). Tab reaches the paragraph being spoken (before playing, the
 * first one; once the reader has moved inside, the one they left). There, ↑/↓ move to the
 * previous/next paragraph, Page Up/Page Down by ten, Home/End to the first/last (across section
 * headings, and into sections not drawn yet in a long lecture), and Enter plays from the focused
 * paragraph. "Keyboard shortcuts" below the text asks the widget for its shortcuts dialog
 * (`lesson-shortcuts-request`), unless the widget's shortcuts are off.
 *
 * Passages: a selection snaps to whole words (word boundaries of the lesson's language, through
 * `Intl.Segmenter`) and may run over several paragraphs. Next to it, "Copy link to this passage"
 * copies the page's URL with `#t=<start>,<end>` (the first selected paragraph's start, the last
 * one's end, in seconds) and "Report an error" quotes the selected words of the first paragraph
 * (a report's quote lies in one paragraph). Shift+→/← on a focused paragraph select word by word
 * (in reading order, so ← goes on in a right-to-left text), Shift+↓/↑ a paragraph more or less;
 * Tab then reaches the two buttons. The paragraphs of a `#t=<start>,<end>` link in the page's
 * URL are marked (part `passage-paragraph`).
 *
 * @csspart transcript - The whole transcript section.
 * @csspart heading - Its "Transcription" heading.
 * @csspart transcript-search - The search field and its buttons.
 * @csspart transcript-body - The (scrolling, when timed) text.
 * @csspart paragraph - Each paragraph; the current one also has `current-paragraph`, and one the
 *   logged-in reader has watched (≥ 90% of its time) also `watched-paragraph`.
 * @csspart watched-mark - The quiet mark beside a watched or partly watched paragraph, filled as
 *   far as it was watched, with visually hidden words for screen readers ("watched", "45% watched").
 * @csspart match - A search match; the selected one also has `current-match`.
 * @csspart downloads - The download links.
 * @csspart selection-actions - The buttons next to a selection.
 * @csspart copy-link - "Copy link to this passage", next to a selection in a timed transcript.
 * @csspart report-selection - The "Report an error" button next to a selection.
 * @csspart passage-paragraph - A paragraph of the passage the page's `#t=<start>,<end>` link plays.
 * @csspart report-link - "Are there any errors or improvements?".
 * @csspart shortcuts-link - "Keyboard shortcuts" (not shown with `shortcuts="off"`).
 */
export class LessonTranscript extends LessonElement {
  static override renderFirstInOwnTask = true;
  static override styles = [sharedStyles, transcriptStyles, transcriptPrintStyles];

  @consume({ context: widgetContext, subscribe: true })
  @state()
  widget: WidgetState | undefined;

  @consume({ context: mediaContext, subscribe: true })
  @state()
  media: MediaState = initialMediaState();

  /** A logged-in reader's map (what they have watched); null for anonymous readers. */
  @consume({ context: watchedContext, subscribe: true })
  @state()
  watched: WatchedState | null = null;
  /** Paints that map; its chunk is loaded for logged-in readers only. */
  private watchedMap: WatchedMap | undefined;
  private watchedMapLoading = false;

  @state() query = '';
  /**
   * The search's matches and marks (search.ts): created when its code arrives, when the reader
   * first turns to the search field.
   */
  @state() private search: TranscriptSearch | undefined;
  private searchLoading = false;
  /** How many sections are drawn; see SECTIONS_PER_FRAME. */
  @state() private shownSections = SECTIONS_PER_FRAME;
  private sectionsFrame = 0;

  @query('.scroller') private scroller!: HTMLElement | null;

  /** Loaded with the player: before it there is nothing to follow. */
  private follow: FollowAlongController | undefined;
  /** Set while its chunk loads, and after it failed to, until the reader's "Try again". */
  private followLoading = false;
  /**
   * Selections, passage links and marks (passage-actions.ts): created when their chunk arrives,
   * at the first selection, or for a `#t=a,b` link.
   */
  private passages: TranscriptPassages | undefined;
  /** The passages chunk loading (true once loaded; false after it failed, until "Try again"). */
  private passagesLoad: Promise<boolean> | undefined;
  /** A mouse button is down: a drag may be selecting, so the selection is not snapped under it. */
  private pointerDown = false;
  private shownParagraph: string | undefined;
  /** The paragraph marked as being spoken: marked by hand, so a time update touches two paragraphs. */
  private currentElement: HTMLElement | null = null;
  private revealMatch = false;
  /** The timed paragraph Tab reaches (the roving tab stop); see keepTabStop. */
  private tabStop: HTMLElement | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('selectionchange', this.onSelectionChange);
    document.addEventListener('pointerdown', this.onPointer, true);
    document.addEventListener('pointerup', this.onPointer, true);
    this.addEventListener('keydown', this.onSelectKey);
    // Moved in the page while sections or marks were still being drawn: carry on drawing them.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('selectionchange', this.onSelectionChange);
    document.removeEventListener('pointerdown', this.onPointer, true);
    document.removeEventListener('pointerup', this.onPointer, true);
    this.removeEventListener('keydown', this.onSelectKey);
    cancelAnimationFrame(this.sectionsFrame);
    this.sectionsFrame = 0;
  }

  /** The paragraph being spoken, once the player exists. */
  private get current(): Paragraph | undefined {
    const lesson = this.widget?.lesson;
    if (!lesson || !this.media.attached || !isTimed(lesson.transcript)) return undefined;
    return paragraphAtTime(lesson.transcript, this.media.time);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const lessonChanged = changed.has('widget') && changed.get('widget')?.lesson !== this.widget?.lesson;
    if (lessonChanged) this.shownSections = SECTIONS_PER_FRAME;
    // A query set before the search's code is here (it searches once it has arrived).
    if ((changed.has('query') || lessonChanged) && this.widget && !this.search && this.query.trim())
      void this.loadSearch();
  }

  protected override updated(): void {
    this.paintWatched();
    // The page's `#t=a,b` passage is marked by the passages' code: load it when there is one.
    if (this.widget?.passage && !this.passagesLoad) void this.loadSelection();
    if (this.media.attached && !this.follow && !this.followLoading) void this.loadFollowAlong();
    const id = this.current?.id;
    const target = this.markCurrent(id);
    this.keepTabStop(target);
    // A paragraph in a section not drawn yet is revealed once it is.
    if (id !== this.shownParagraph && this.follow && (target || !id)) {
      this.shownParagraph = id;
      // The paragraph's box: content-visibility makes it the offset parent of what is inside.
      if (target) this.follow.reveal(target.closest<HTMLElement>('.paragraph') ?? target);
    }
    const sections = this.widget?.lesson.transcript.sections.length ?? 0;
    if (this.shownSections < sections && !this.sectionsFrame) {
      this.sectionsFrame = requestAnimationFrame(() => {
        this.sectionsFrame = 0;
        this.shownSections += SECTIONS_PER_FRAME;
      });
    }
    if (this.revealMatch) {
      const mark = this.renderRoot.querySelector<HTMLElement>('mark.current');
      // A match in a section not drawn yet is revealed once it is.
      if (mark || this.shownSections >= sections) this.revealMatch = false;
      if (mark && this.scroller) {
        this.follow?.hold(10_000);
        scrollToUpperThird(this.scroller, mark.closest<HTMLElement>('.paragraph') ?? mark);
      }
    }
  }

  /**
   * Marks the paragraph being spoken (`aria-current`, part `current-paragraph`) and unmarks the
   * one before: the template leaves both alone, so a time update re-renders no paragraph.
   */
  private markCurrent(id: string | undefined): HTMLElement | null {
    const previous = this.currentElement;
    if (previous?.isConnected && previous.dataset.paragraph === id) return previous;
    const target = id
      ? this.renderRoot.querySelector<HTMLElement>(`p[data-paragraph="${CSS.escape(id)}"]`)
      : null;
    if (previous) {
      previous.removeAttribute('aria-current');
      previous.part.remove('current-paragraph');
    }
    target?.setAttribute('aria-current', 'true');
    target?.part.add('current-paragraph');
    this.currentElement = target;
    return target;
  }

  /**
   * Keeps exactly one timed paragraph in the tab order: the one the reader last moved to, which
   * follows the paragraph being spoken while the focus is elsewhere (the first one before playing).
   * Set by hand, as `aria-current` is: the template gives every timed paragraph `tabindex="-1"`.
   */
  private keepTabStop(spoken: HTMLElement | null): void {
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    let stop = this.tabStop?.isConnected ? this.tabStop : null;
    if (spoken && !(focused && this.scroller?.contains(focused))) stop = spoken;
    stop ??= this.renderRoot.querySelector<HTMLElement>('p[data-paragraph][tabindex]');
    this.moveTabStop(stop);
  }

  private moveTabStop(stop: HTMLElement | null): void {
    if (stop === this.tabStop && stop?.tabIndex === 0) return;
    if (this.tabStop?.isConnected) this.tabStop.tabIndex = -1;
    if (stop) stop.tabIndex = 0;
    this.tabStop = stop;
  }

  /**
   * Moves the focus (and the tab stop) `by` timed paragraphs from the paragraph `id` (±Infinity:
   * to the last or first), drawing the sections up to it first if they are not drawn yet.
   */
  private async moveFocus(id: string | undefined, by: number): Promise<void> {
    const transcript = this.widget?.lesson.transcript;
    if (!transcript || id === undefined) return;
    const timed = timedParagraphs(transcript);
    const from = timed.findIndex((p) => p.id === id);
    const to = Math.max(0, Math.min(timed.length - 1, by === -Infinity ? 0 : from + by));
    const target = timed[to];
    if (!target || to === from) return;
    const find = () =>
      this.renderRoot.querySelector<HTMLElement>(`p[data-paragraph="${CSS.escape(target.id)}"]`);
    if (!find()) {
      this.shownSections = transcript.sections.length;
      await this.updateComplete;
    }
    const element = find();
    if (!element) return;
    this.moveTabStop(element);
    element.focus();
  }

  /** Puts the focus in the search field (the `/` shortcut); false when there is none. */
  focusSearch(): boolean {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#search');
    input?.focus();
    input?.select();
    return !!input;
  }

  /** The reader's watched map on the paragraphs drawn (see watched-map.ts); cleared at logout. */
  private paintWatched() {
    const widget = this.widget;
    if (!this.watched || !widget) {
      this.watchedMap?.clear();
      return;
    }
    if (this.watchedMap) this.watchedMap.paint(widget.lesson, this.watched, widget.i18n.t);
    else if (!this.watchedMapLoading) void this.loadWatchedMap();
  }

  private async loadWatchedMap() {
    this.watchedMapLoading = true;
    try {
      const { WatchedMap } = await import('./watched-map.js');
      this.watchedMap = new WatchedMap(this.renderRoot as ShadowRoot);
      this.requestUpdate();
    } catch (error) {
      const retry = () => {
        this.watchedMapLoading = false;
        this.requestUpdate();
      };
      this.emit(new LessonLoadFailureEvent({ part: 'the watched map', retry, error }));
    }
  }

  private async loadFollowAlong() {
    this.followLoading = true;
    try {
      const { FollowAlongController } = await import('../../controllers/follow-along-controller.js');
      this.follow = new FollowAlongController(this, () => this.scroller);
      this.requestUpdate();
    } catch (error) {
      const retry = () => {
        this.followLoading = false;
        this.requestUpdate();
      };
      this.emit(new LessonLoadFailureEvent({ part: 'follow-along', retry, error }));
    }
  }

  private seek(p: Paragraph | undefined) {
    if (p?.start === undefined) return;
    this.emit(new LessonSeekRequestEvent({ time: p.start, play: true }));
  }

  private onBodyClick(event: MouseEvent) {
    const p = (event.target as Element).closest<HTMLElement>('p[data-paragraph]');
    // A click that ends a text selection selects; it does not seek.
    if (!p || !document.getSelection()?.isCollapsed) return;
    this.seek(this.widget && paragraphById(this.widget.lesson.transcript, p.dataset.paragraph));
  }

  private onBodyKeydown(event: KeyboardEvent) {
    const p = (event.target as Element).closest<HTMLElement>('p[data-paragraph][tabindex]');
    if (!p || event.altKey || event.ctrlKey || event.metaKey) return;
    const move = MOVES[event.key];
    if (event.key === 'Enter') {
      event.preventDefault();
      this.seek(this.widget && paragraphById(this.widget.lesson.transcript, p.dataset.paragraph));
    } else if (move !== undefined && !event.shiftKey) {
      event.preventDefault();
      void this.moveFocus(p.dataset.paragraph, move);
    }
  }

  /** Loads the search's code (at the search field's first focus, or a query set before it). */
  private async loadSearch(): Promise<void> {
    if (this.search || this.searchLoading) return;
    this.searchLoading = true;
    try {
      // With the later strings of the reader's language (the match count's among them).
      const lang = this.widget?.i18n.lang ?? 'en';
      const [chunk] = await Promise.all([import('./search.js'), loadLaterStrings(lang)]);
      this.search = new chunk.TranscriptSearch(this, () => (this.revealMatch = true));
    } catch (error) {
      const retry = () => void this.loadSearch();
      this.emit(new LessonLoadFailureEvent({ part: 'the transcript search', retry, error }));
    } finally {
      this.searchLoading = false;
    }
  }

  private onSearchInput(event: InputEvent) {
    this.query = (event.target as HTMLInputElement).value;
    this.revealMatch = true;
  }

  private onSearchKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.search?.step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && this.query) {
      event.preventDefault();
      this.query = '';
    }
  }

  private readonly onSelectionChange = () =>
    void this.withPassages((passages) => passages.selectionChanged());

  private readonly onPointer = (event: PointerEvent) => {
    this.pointerDown = event.type === 'pointerdown';
    // The drag is over: the selection can be shown snapped to words.
    if (!this.pointerDown) this.passages?.dragEnded();
  };

  /** Shift+arrow keys on a timed paragraph select words (see passage-actions.ts). */
  private readonly onSelectKey = (event: KeyboardEvent) => {
    const target = event.composedPath()[0];
    const p = target instanceof HTMLElement && target.matches('p[data-paragraph][tabindex]') ? target : null;
    const key = /^Arrow(Right|Left|Down|Up)$/.test(event.key) ? (event.key as SelectKey) : null;
    if (!p || !key || !event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    void this.withPassages((passages) => passages.selectWithKey(p, key));
  };

  /** Runs `act` with the passages' code: at once when it is here, else once it has arrived. */
  private async withPassages(act: (passages: TranscriptPassages) => void): Promise<void> {
    if (this.passages || (await this.loadSelection())) act(this.passages!);
  }

  /**
   * Loads the passages chunk once; every caller waits for the same load (keys pressed meanwhile
   * are not lost). False after it failed, until the reader's "Try again".
   */
  private loadSelection(): Promise<boolean> {
    const lang = this.widget?.i18n.lang ?? 'en';
    this.passagesLoad ??= Promise.all([import('./passage-actions.js'), loadLaterStrings(lang)]).then(
      ([chunk]) => {
        this.passages = new chunk.TranscriptPassages(
          this,
          () => this.pointerDown,
          (p) => this.moveTabStop(p),
        );
        this.requestUpdate();
        return true;
      },
      (error: unknown) => {
        const retry = () => {
          this.passagesLoad = undefined;
          void this.onSelectionChange();
        };
        this.emit(new LessonLoadFailureEvent({ part: 'text selection', retry, error }));
        return false;
      },
    );
    return this.passagesLoad;
  }

  private reportWithoutSelection() {
    this.emit(new LessonReportRequestEvent({ selection: null }));
  }

  private renderParagraph(p: Paragraph, timed: boolean) {
    // part and aria-current of the spoken paragraph are set by markCurrent, not here.
    // No whitespace inside <p>: selection offsets are counted in its text.
    return html`<div class="paragraph">
      ${timed ? html`<span class="time" aria-hidden="true">${formatTime(p.start ?? 0)}</span>` : nothing}
      <p part="paragraph" data-paragraph=${p.id} tabindex=${timed ? '-1' : nothing} aria-describedby=${timed ? 'seek-hint' : nothing}>${this.search ? this.search.text(p) : p.text}</p>
    </div>`;
  }

  /** Sections and paragraphs; re-rendered for a new lesson or search, not for time updates. */
  private renderBody(transcript: Transcript, timed: boolean) {
    return transcript.sections.slice(0, this.shownSections).map(
      (section) => html`<section>
        ${section.heading ? html`<h3>${section.heading}</h3>` : nothing}
        ${section.paragraphs.map((p) => this.renderParagraph(p, timed))}
      </section>`,
    );
  }

  override render() {
    if (!this.widget) return nothing;
    const { lesson, apiClient, i18n } = this.widget;
    const { t } = i18n;
    const transcript = lesson.transcript;
    const timed = isTimed(transcript);
    // No matches nor count until the search's code has arrived (a query typed before it is
    // searched then).
    const search = this.search;
    const n = search?.found.length ?? 0;
    const hasText = transcript.sections.length > 0;
    return html`
      <section part="transcript" aria-labelledby="heading">
        <div class="head">
          <h2 id="heading" part="heading">
            ${t('transcript.heading')}
            <span class="subtitle" lang=${lesson.locale} dir=${directionOf(lesson.locale)}>${lesson.title}</span>
          </h2>
          ${
            hasText
              ? html`<div class="search" part="transcript-search" role="search">
                <label class="visually-hidden" for="search">${t('transcript.search')}</label>
                <input
                  id="search"
                  type="search"
                  autocomplete="off"
                  placeholder=${t('transcript.search')}
                  .value=${this.query}
                  @focus=${this.loadSearch}
                  @input=${this.onSearchInput}
                  @keydown=${this.onSearchKeydown}
                />
                <button type="button" aria-label=${t('transcript.previousMatch')} ?disabled=${n < 2} @click=${() => search?.step(-1)}>
                  <span aria-hidden="true">↑</span>
                </button>
                <button type="button" aria-label=${t('transcript.nextMatch')} ?disabled=${n < 2} @click=${() => search?.step(1)}>
                  <span aria-hidden="true">↓</span>
                </button>
                <span class="count" role="status">${search?.count(t)}</span>
              </div>`
              : nothing
          }
        </div>
        ${timed ? html`<p id="seek-hint" class="visually-hidden">${t('transcript.seekHint')}</p>` : nothing}
        <div class="body">
          <div
            class=${timed ? 'scroller timed' : 'scroller'}
            part="transcript-body"
            lang=${lesson.locale}
            dir=${directionOf(lesson.locale)}
            @click=${this.onBodyClick}
            @keydown=${this.onBodyKeydown}
          >
            ${
              hasText
                ? guard(
                    [transcript, timed, search?.found, search?.index, search?.shown, this.shownSections],
                    () => this.renderBody(transcript, timed),
                  )
                : html`<p class="muted">${t('transcript.empty')}</p>`
            }
          </div>
          ${this.passages?.render(t) ?? nothing}
        </div>
        <div class="foot">
          ${
            hasText
              ? html`<p class="downloads" part="downloads">
                <span>${t('transcript.download')}:</span>
                ${FORMATS.map(
                  (format) =>
                    html`<a href=${apiClient.transcriptUrl(lesson.slug, lesson.locale, format)} download>${t(`transcript.formats.${format}`)}</a>`,
                )}
              </p>`
              : nothing
          }
          <button part="report-link" class="link-button" type="button" @click=${this.reportWithoutSelection}>
            ${t('transcript.improvements')}
          </button>
          ${
            this.widget.shortcuts
              ? html`<button part="shortcuts-link" class="link-button" type="button" @click=${() => this.emit(new LessonShortcutsRequestEvent())}>
                ${t('transcript.shortcuts')}
              </button>`
              : nothing
          }
        </div>
      </section>
    `;
  }
}
