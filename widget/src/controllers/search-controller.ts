import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { LessonSummary } from '@lessons/shared/core';
import { LessonsApi } from '../api/client.js';
import type { LessonsApiError } from '../api/errors.js';
import { lessonHref } from '../base/link-template.js';
import { LessonSelectEvent } from '../events/lesson-select.js';
import { directionOf, type Translate } from '../i18n/i18n.js';

const DEBOUNCE_MS = 250;
const MIN_QUERY = 2;
const PAGE_SIZE = 8;

export interface SearchHost extends ReactiveControllerHost, HTMLElement {
  readonly api: string;
  readonly linkTemplate: string;
  readonly tag: string;
  readonly category: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The language to search in. */
  readonly searchLocale: string;
  readonly t: Translate | undefined;
}

/**
 * What <lesson-search> does once the reader turns to it (it is loaded at the first focus): the
 * debounced query, the results list (combobox and listbox) and its keyboard.
 */
export class SearchController implements ReactiveController {
  query = '';
  results: LessonSummary[] = [];
  total = 0;
  open = false;
  active = -1;
  status: 'idle' | 'searching' | 'done' | 'failed' = 'idle';
  announcement = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request: AbortController | undefined;
  private client: LessonsApi | undefined;

  constructor(private readonly host: SearchHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.request?.abort();
  }

  get expanded(): boolean {
    return this.open && this.status !== 'idle' && this.results.length > 0;
  }

  private get apiClient(): LessonsApi {
    const base = new LessonsApi(this.host.api);
    if (this.client?.base !== base.base) this.client = base;
    return this.client;
  }

  href(lesson: LessonSummary): string {
    return lessonHref(this.host.linkTemplate, lesson.slug, lesson.locale);
  }

  private update(
    changes: Partial<
      Pick<SearchController, 'results' | 'total' | 'open' | 'active' | 'status' | 'announcement' | 'query'>
    >,
  ) {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  /** The text in the box changed. */
  input(value: string): void {
    this.query = value;
    clearTimeout(this.timer);
    this.request?.abort();
    if (value.trim().length < MIN_QUERY) {
      this.update({ results: [], open: false, active: -1, status: 'idle' });
      return;
    }
    this.update({ status: 'searching' });
    this.timer = setTimeout(() => void this.search(value.trim()), DEBOUNCE_MS);
  }

  private async search(text: string) {
    const t = this.host.t;
    this.request = new AbortController();
    try {
      const list = await this.apiClient.listLessons(
        {
          search: text,
          locale: this.host.searchLocale || undefined,
          tag: this.host.tag || undefined,
          category: this.host.category || undefined,
          pageSize: PAGE_SIZE,
        },
        this.request.signal,
      );
      const total = list.meta.pagination.total;
      this.update({
        results: list.data,
        total,
        active: -1,
        open: true,
        status: 'done',
        announcement: t
          ? list.data.length
            ? t('search.results', { count: total })
            : t('search.noResults')
          : '',
      });
    } catch (error) {
      if ((error as LessonsApiError).failure === 'aborted') return;
      this.update({ results: [], open: true, status: 'failed', announcement: t?.('search.failed') ?? '' });
    }
  }

  keydown(event: KeyboardEvent): void {
    const n = this.results.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!n) return;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.update({
          open: true,
          active: this.active < 0 ? (step === 1 ? 0 : n - 1) : (this.active + step + n) % n,
        });
        void this.host.updateComplete.then(() =>
          this.optionAt(this.active)?.scrollIntoView({ block: 'nearest' }),
        );
        break;
      }
      case 'Enter':
        if (this.open && this.active >= 0) {
          event.preventDefault();
          this.optionAt(this.active)?.click();
        }
        break;
      case 'Escape':
        event.preventDefault();
        if (this.open && this.results.length) this.update({ open: false, active: -1 });
        else this.update({ query: '', results: [], status: 'idle', open: false, active: -1 });
        break;
      default:
    }
  }

  focusIn(): void {
    if (this.results.length || this.status === 'failed') this.update({ open: true });
  }

  focusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.host.renderRoot.contains(next)) this.update({ open: false, active: -1 });
  }

  private optionAt(index: number): HTMLAnchorElement | null {
    return this.host.renderRoot.querySelector<HTMLAnchorElement>(`#option-${index}`);
  }

  private choose(event: MouseEvent, lesson: LessonSummary) {
    const choice = new LessonSelectEvent({ lesson, href: this.href(lesson) });
    this.host.dispatchEvent(choice);
    if (choice.defaultPrevented) event.preventDefault();
    this.update({ open: false });
  }

  /** The results list and the messages under the box. */
  renderPopup(t: Translate) {
    const hasResults = this.results.length > 0;
    const visible = this.open && this.status !== 'idle';
    return html`<div class="popup" ?hidden=${!visible}>
      <div id="listbox" part="listbox" role="listbox" aria-label=${t('search.label')} ?hidden=${!hasResults}>
        ${this.results.map(
          (lesson, i) => html`<a
            id="option-${i}"
            part="option"
            role="option"
            tabindex="-1"
            aria-selected=${i === this.active ? 'true' : 'false'}
            href=${this.href(lesson)}
            lang=${lesson.locale}
            dir=${directionOf(lesson.locale)}
            @click=${(e: MouseEvent) => this.choose(e, lesson)}
            ><span class="title">${lesson.title}</span><span class="summary">${lesson.summary}</span></a
          >`,
        )}
      </div>
      ${this.status === 'done' && !hasResults ? html`<p class="message">${t('search.noResults')}</p>` : nothing}
      ${this.status === 'failed' ? html`<p class="message error">${t('search.failed')}</p>` : nothing}
      ${this.status === 'searching' && !hasResults ? html`<p class="message">${t('search.searching')}</p>` : nothing}
    </div>`;
  }
}
