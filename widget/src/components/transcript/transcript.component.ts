import { html, nothing, type PropertyValues } from 'lit';
import { consume } from '@lit/context';
import { query, state } from 'lit/decorators.js';
import { describeQuote, isTimed, paragraphAt, type Paragraph, type TranscriptFormat } from '@lessons/shared/core';
import { scrollToUpperThird } from '../../base/dom.js';
import { LessonElement } from '../../base/lesson-element.js';
import { sharedStyles } from '../../base/shared.styles.js';
import { initialMediaState, mediaContext, widgetContext, type MediaState, type WidgetState } from '../../context.js';
import type { FollowAlongController } from '../../controllers/follow-along-controller.js';
import { LessonLoadFailureEvent } from '../../events/lesson-load-failure.js';
import { LessonReportRequestEvent, type ReportSelection } from '../../events/lesson-report-request.js';
import { LessonSeekRequestEvent } from '../../events/lesson-seek-request.js';
import { directionOf, formatTime } from '../../i18n/i18n.js';
import { findMatches, paragraphById, type Match } from './find.js';
import type { paragraphSelection } from './selection.js';
import { transcriptStyles } from './transcript.styles.js';

const FORMATS: TranscriptFormat[] = ['txt', 'vtt', 'srt'];

/**
 * The lesson's transcript: headings and paragraphs. Timed paragraphs are focusable; a click or
 * Enter asks the owner to play from there (`lesson-seek-request`). The paragraph being spoken is
 * marked `aria-current` and kept in view. Search with match count and next/previous, downloads,
 * and error reports: from a selection (a button appears next to it) or from the link below.
 *
 * @csspart transcript - The whole transcript section.
 * @csspart heading - Its "Transcription" heading.
 * @csspart transcript-search - The search field and its buttons.
 * @csspart transcript-body - The (scrolling, when timed) text.
 * @csspart paragraph - Each paragraph; the current one also has `current-paragraph`.
 * @csspart match - A search match; the selected one also has `current-match`.
 * @csspart downloads - The download links.
 * @csspart report-selection - The "Report an error" button next to a selection.
 * @csspart report-link - "Are there any errors or improvements?".
 */
export class LessonTranscript extends LessonElement {
  static override styles = [sharedStyles, transcriptStyles];

  @consume({ context: widgetContext, subscribe: true })
  @state()
  widget: WidgetState | undefined;

  @consume({ context: mediaContext, subscribe: true })
  @state()
  media: MediaState = initialMediaState();

  @state() query = '';
  @state() matchIndex = 0;
  @state() private selection: (ReportSelection & { top: number; left: number }) | null = null;

  @query('.scroller') private scroller!: HTMLElement | null;

  /** Loaded with the player: before it there is nothing to follow. */
  private follow: FollowAlongController | undefined;
  /** Set while its chunk loads, and after it failed to, until the reader's "Try again". */
  private followLoading = false;
  /** Loaded at the first selection on the page. */
  private readSelectionOf: typeof paragraphSelection | undefined;
  private selectionLoading = false;
  private found: Match[] = [];
  private shownParagraph: string | undefined;
  private revealMatch = false;
  private selectionFrame = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('selectionchange', this.onSelectionChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('selectionchange', this.onSelectionChange);
    cancelAnimationFrame(this.selectionFrame);
  }

  /** The paragraph being spoken, once the player exists. */
  private get current(): Paragraph | undefined {
    const lesson = this.widget?.lesson;
    if (!lesson || !this.media.attached || !isTimed(lesson.transcript)) return undefined;
    return paragraphAt(lesson.transcript, this.media.time);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const lessonChanged = changed.has('widget') && changed.get('widget')?.lesson !== this.widget?.lesson;
    if (lessonChanged) this.selection = null;
    if ((changed.has('query') || lessonChanged) && this.widget) {
      this.found = findMatches(this.widget.lesson.transcript, this.query);
      this.matchIndex = 0;
    }
  }

  protected override updated(): void {
    // The selection's button is placed through the CSSOM, not a style attribute (Lit's styleMap
    // writes one at first render): a host page's strict CSP refuses style attributes.
    const { selection } = this;
    const button = selection ? this.renderRoot.querySelector<HTMLElement>('.report-selection') : null;
    if (selection && button) Object.assign(button.style, { top: `${selection.top}px`, left: `${selection.left}px` });
    if (this.media.attached && !this.follow && !this.followLoading) void this.loadFollowAlong();
    const id = this.current?.id;
    if (id !== this.shownParagraph && this.follow) {
      this.shownParagraph = id;
      const target = id ? this.renderRoot.querySelector<HTMLElement>(`p[data-paragraph="${id}"]`) : null;
      if (target) this.follow.reveal(target);
    }
    if (this.revealMatch) {
      this.revealMatch = false;
      const mark = this.renderRoot.querySelector<HTMLElement>('mark.current');
      if (mark && this.scroller) {
        this.follow?.hold(10_000);
        scrollToUpperThird(this.scroller, mark.closest('p') ?? mark);
      }
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
    const p = (event.target as Element).closest<HTMLElement>('p[data-paragraph]');
    if (!p || event.key !== 'Enter') return;
    event.preventDefault();
    this.seek(this.widget && paragraphById(this.widget.lesson.transcript, p.dataset.paragraph));
  }

  private onSearchInput(event: InputEvent) {
    this.query = (event.target as HTMLInputElement).value;
    this.revealMatch = true;
  }

  private onSearchKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && this.query) {
      event.preventDefault();
      this.query = '';
    }
  }

  /** Moves to the next (1) or previous (-1) match, wrapping around. */
  step(direction: 1 | -1) {
    const n = this.found.length;
    if (!n) return;
    this.matchIndex = (this.matchIndex + direction + n) % n;
    this.revealMatch = true;
  }

  private readonly onSelectionChange = async () => {
    if (!this.readSelectionOf && !(await this.loadSelection())) return;
    cancelAnimationFrame(this.selectionFrame);
    this.selectionFrame = requestAnimationFrame(() => this.readSelection());
  };

  /** Loads the selection reader, once; false while it loads, or after it failed to. */
  private async loadSelection(): Promise<boolean> {
    if (this.selectionLoading) return false;
    this.selectionLoading = true;
    try {
      this.readSelectionOf = (await import('./selection.js')).paragraphSelection;
      return true;
    } catch (error) {
      const retry = () => {
        this.selectionLoading = false;
        void this.onSelectionChange();
      };
      this.emit(new LessonLoadFailureEvent({ part: 'text selection', retry, error }));
      return false;
    }
  }

  private readSelection() {
    const lesson = this.widget?.lesson;
    const root = this.shadowRoot;
    const found = lesson && root && this.readSelectionOf ? this.readSelectionOf(root) : null;
    const quote = found && lesson ? describeQuote(lesson.transcript, { paragraphId: found.paragraphId, start: found.start, end: found.end }) : null;
    const body = this.renderRoot.querySelector<HTMLElement>('.body');
    if (!found || !quote || !quote.exact.trim() || !body) {
      // Keep the button while the reader moves to it (focus leaves the text but the selection stays).
      if (!found) this.selection = null;
      return;
    }
    const box = body.getBoundingClientRect();
    const rtl = getComputedStyle(this).direction === 'rtl';
    const edge = rtl ? found.rect.left - box.left - 160 : found.rect.right - box.left - 80;
    this.selection = {
      quote,
      position: { paragraphId: found.paragraphId, start: found.start, end: found.end },
      top: found.rect.bottom - box.top + 6,
      left: Math.max(0, Math.min(edge, box.width - 180)),
    };
  }

  private reportSelection() {
    const selection = this.selection;
    if (!selection) return;
    this.emit(new LessonReportRequestEvent({ selection: { quote: selection.quote, position: selection.position } }));
    this.selection = null;
  }

  private reportWithoutSelection() {
    this.emit(new LessonReportRequestEvent({ selection: null }));
  }

  private renderText(p: Paragraph) {
    const marks = this.found.filter((m) => m.paragraphId === p.id);
    if (!marks.length) return p.text;
    const current = this.found[this.matchIndex];
    const pieces: unknown[] = [];
    let at = 0;
    for (const m of marks) {
      pieces.push(p.text.slice(at, m.start));
      const isCurrent = m === current;
      pieces.push(
        html`<mark part=${isCurrent ? 'match current-match' : 'match'} class=${isCurrent ? 'current' : ''}>${p.text.slice(m.start, m.end)}</mark>`,
      );
      at = m.end;
    }
    pieces.push(p.text.slice(at));
    return pieces;
  }

  private renderParagraph(p: Paragraph, timed: boolean, currentId: string | undefined) {
    const isCurrent = p.id === currentId;
    // No whitespace inside <p>: selection offsets are counted in its text.
    return html`<div class="paragraph">
      ${timed ? html`<span class="time" aria-hidden="true">${formatTime(p.start ?? 0)}</span>` : nothing}
      <p
        part=${isCurrent ? 'paragraph current-paragraph' : 'paragraph'}
        data-paragraph=${p.id}
        tabindex=${timed ? '0' : nothing}
        aria-current=${isCurrent ? 'true' : nothing}
        aria-describedby=${timed ? 'seek-hint' : nothing}
      >${this.renderText(p)}</p>
    </div>`;
  }

  override render() {
    if (!this.widget) return nothing;
    const { lesson, apiClient, i18n } = this.widget;
    const { t } = i18n;
    const transcript = lesson.transcript;
    const timed = isTimed(transcript);
    const currentId = this.current?.id;
    const n = this.found.length;
    const count = !this.query.trim()
      ? ''
      : n
        ? t('transcript.matchCount', { current: this.matchIndex + 1, count: n })
        : t('transcript.noMatches');
    const hasText = transcript.sections.length > 0;
    return html`
      <section part="transcript" aria-labelledby="heading">
        <div class="head">
          <h2 id="heading" part="heading">
            ${t('transcript.heading')}
            <span class="subtitle" lang=${lesson.locale} dir=${directionOf(lesson.locale)}>${lesson.title}</span>
          </h2>
          ${hasText
            ? html`<div class="search" part="transcript-search" role="search">
                <label class="visually-hidden" for="search">${t('transcript.search')}</label>
                <input
                  id="search"
                  type="search"
                  autocomplete="off"
                  placeholder=${t('transcript.search')}
                  .value=${this.query}
                  @input=${this.onSearchInput}
                  @keydown=${this.onSearchKeydown}
                />
                <button type="button" aria-label=${t('transcript.previousMatch')} ?disabled=${n < 2} @click=${() => this.step(-1)}>
                  <span aria-hidden="true">↑</span>
                </button>
                <button type="button" aria-label=${t('transcript.nextMatch')} ?disabled=${n < 2} @click=${() => this.step(1)}>
                  <span aria-hidden="true">↓</span>
                </button>
                <span class="count" role="status">${count}</span>
              </div>`
            : nothing}
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
            ${hasText
              ? transcript.sections.map(
                  (section) => html`<section>
                    ${section.heading ? html`<h3>${section.heading}</h3>` : nothing}
                    ${section.paragraphs.map((p) => this.renderParagraph(p, timed, currentId))}
                  </section>`,
                )
              : html`<p class="muted">${t('transcript.empty')}</p>`}
          </div>
          ${this.selection
            ? html`<button
                part="report-selection"
                class="button report-selection"
                type="button"
                @mousedown=${(e: Event) => e.preventDefault()}
                @click=${this.reportSelection}
              >
                ${t('transcript.reportSelection')}
              </button>`
            : nothing}
        </div>
        <div class="foot">
          ${hasText
            ? html`<p class="downloads" part="downloads">
                <span>${t('transcript.download')}:</span>
                ${FORMATS.map(
                  (format) => html`<a href=${apiClient.transcriptUrl(lesson.slug, lesson.locale, format)} download>${t(`transcript.formats.${format}`)}</a>`,
                )}
              </p>`
            : nothing}
          <button part="report-link" class="link-button" type="button" @click=${this.reportWithoutSelection}>
            ${t('transcript.improvements')}
          </button>
        </div>
      </section>
    `;
  }
}
