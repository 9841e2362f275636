import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { LessonElement } from '../../base/lesson-element.js';
import { DEFAULT_LINK_TEMPLATE } from '../../base/link-template.js';
import { searchPrintStyles } from '../../base/print.styles.js';
import { sharedStyles } from '../../base/shared.styles.js';
import { I18nController } from '../../controllers/i18n-controller.js';
import type { SearchController } from '../../controllers/search-controller.js';
import type { Translate } from '../../i18n/i18n.js';
import { lessonSearchStyles } from './lesson-search.styles.js';

/**
 * A search box for lessons (the combobox pattern): type, and matching lessons (title and summary)
 * appear as links made from `link-template`. Arrow keys move through them, Enter opens one,
 * Escape closes the list (and, pressed again, clears the box); the number of results is announced.
 * Until the reader first focuses the box only the box itself is loaded.
 *
 * ```html
 * <lesson-search api="https://cms.example" lang="en" link-template="/lessons/{slug}"></lesson-search>
 * ```
 *
 * @event lesson-select - A result was chosen (`detail: { lesson, href }`). Cancelable:
 *   `preventDefault()` stops the navigation (for single-page apps that route themselves).
 *
 * @csspart base - The root box.
 * @csspart input - The search field.
 * @csspart listbox - The results list.
 * @csspart option - A result.
 *
 * @cssproperty --lesson-color-accent - The outline of the active result.
 * @cssproperty --lesson-color-surface - The background of the active result.
 * @cssproperty --lesson-color-link - Result titles.
 * @cssproperty --lesson-radius - Corner radius.
 *
 * @tagname lesson-search
 */
export class LessonSearch extends LessonElement {
  static override styles = [sharedStyles, lessonSearchStyles, searchPrintStyles];

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** Where the CMS is (see <lesson-widget>). */
  @property() api = '';
  /** Link template for results; see <lesson-widget>. Default `?lesson={slug}&lang={locale}`. */
  @property({ attribute: 'link-template' }) linkTemplate = DEFAULT_LINK_TEMPLATE;
  /** Only lessons with this tag (its slug). */
  @property() tag = '';
  /** Only lessons of this category (its slug). */
  @property() category = '';

  @query('input') private input!: HTMLInputElement | null;

  private readonly i18n = new I18nController(this, () => this.getAttribute('lang'));
  private search: SearchController | undefined;
  private searchLoading = false;

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /** The language to search in: the reader's. */
  get searchLocale(): string {
    return this.i18n.requested;
  }

  get t(): Translate | undefined {
    return this.i18n.translator?.t;
  }

  private async onFocusIn() {
    if (this.search) return this.search.focusIn();
    if (this.searchLoading) return;
    this.searchLoading = true;
    const { SearchController } = await import('../../controllers/search-controller.js');
    this.search = new SearchController(this);
    // Whatever was typed while it loaded.
    if (this.input?.value) this.search.input(this.input.value);
    this.requestUpdate();
  }

  override render() {
    const ui = this.i18n.translator;
    if (!ui) return nothing;
    const { t } = ui;
    const search = this.search;
    const active = search?.active ?? -1;
    return html`
      <div part="base" lang=${ui.lang} dir=${ui.dir} @focusin=${this.onFocusIn} @focusout=${(e: FocusEvent) => search?.focusOut(e)}>
        <div class="field">
          <label for="input" class="visually-hidden">${t('search.label')}</label>
          <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="10.5" cy="10.5" r="6.5"></circle>
            <path d="M15.5 15.5 21 21"></path>
          </svg>
          <input
            id="input"
            part="input"
            type="search"
            role="combobox"
            aria-label=${t('search.label')}
            autocomplete="off"
            aria-autocomplete="list"
            aria-expanded=${search?.expanded ? 'true' : 'false'}
            aria-controls="listbox"
            aria-activedescendant=${active >= 0 ? `option-${active}` : nothing}
            aria-describedby="hint"
            placeholder=${t('search.label')}
            .value=${search?.query ?? ''}
            @input=${(e: InputEvent) => search?.input((e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => search?.keydown(e)}
          />
          <p id="hint" class="visually-hidden">${t('search.hint')}</p>
        </div>
        ${search ? search.renderPopup(t) : html`<div id="listbox" role="listbox" aria-label=${t('search.label')} hidden></div>`}
        <div class="visually-hidden" role="status">${search?.announcement ?? ''}</div>
      </div>
    `;
  }
}
