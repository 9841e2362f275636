import { css, html, nothing } from 'lit';
import { consume } from '@lit/context';
import { query, state } from 'lit/decorators.js';
import { dialogStyles } from '../../base/dialog.styles.js';
import { FocusReturn } from '../../base/dom.js';
import { LessonElement } from '../../base/lesson-element.js';
import { sharedStyles } from '../../base/shared.styles.js';
import { widgetContext, type WidgetState } from '../../context.js';
import {
  CAPTION_BACKGROUNDS,
  CAPTION_COLORS,
  CAPTION_SIZES,
  DEFAULT_CAPTION_STYLE,
  captionCss,
  type CaptionStyle,
} from '../player/caption-style.js';

/**
 * "Caption style": text size, text colour and background of the player's captions, with a sample.
 * Each change shows on the video at once and is remembered (per `api` origin) for the next
 * lesson. Opened from the player's "Caption style" button; loaded only when first opened.
 *
 * @csspart dialog - The `<dialog>`.
 */
export class LessonCaptionStyleDialog extends LessonElement {
  static override styles = [
    sharedStyles,
    dialogStyles,
    css`
      select {
        min-height: 2.5rem;
        padding: 0.3rem 0.5rem;
        border: 1px solid var(--lesson-color-border, #7b8794);
        border-radius: var(--lesson-radius, 8px);
        background: var(--lesson-color-background, #ffffff);
        color: inherit;
        font: inherit;
      }
      .preview {
        margin: 0 0 1rem;
        padding: 1.25rem 0.75rem;
        border-radius: var(--lesson-radius, 8px);
        background: #767676;
        text-align: center;
      }
      .sample {
        padding: 0.1em 0.3em;
        font-size: 1.2rem;
        font-weight: 700;
      }
    `,
  ];

  @consume({ context: widgetContext, subscribe: true })
  @state()
  widget: WidgetState | undefined;

  @state() private chosen: CaptionStyle = DEFAULT_CAPTION_STYLE;

  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly focusReturn = new FocusReturn();
  private apply: (style: CaptionStyle) => void = () => undefined;
  /** The sample's look, through the CSSOM: a strict CSP refuses style attributes. */
  private readonly sampleSheet = new CSSStyleSheet();

  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the form on `style`; `apply` shows and remembers each change. */
  async show(style: CaptionStyle, apply: (style: CaptionStyle) => void): Promise<void> {
    this.chosen = style;
    this.apply = apply;
    this.focusReturn.remember();
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('select')?.focus();
  }

  close(): void {
    this.dialog?.close();
  }

  protected override firstUpdated(): void {
    const root = this.renderRoot as ShadowRoot;
    if (!root.adoptedStyleSheets.includes(this.sampleSheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sampleSheet];
  }

  protected override updated(): void {
    this.sampleSheet.replaceSync(captionCss('.sample', this.chosen));
  }

  private change(style: CaptionStyle) {
    this.chosen = style;
    this.apply(style);
  }

  private onClose() {
    this.focusReturn.restore();
  }

  override render() {
    if (!this.widget) return nothing;
    const { t, lang } = this.widget.i18n;
    const percent = new Intl.NumberFormat(lang, { style: 'percent' });
    const style = this.chosen;
    const select = <T extends string | number>(
      id: string,
      label: string,
      values: readonly T[],
      value: T,
      name: (v: T) => string,
      set: (v: T) => void,
    ) => html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(e: Event) => set(values[(e.target as HTMLSelectElement).selectedIndex]!)}>
        ${values.map((v) => html`<option .selected=${v === value}>${name(v)}</option>`)}
      </select>
    </div>`;
    return html`
      <dialog part="dialog" aria-labelledby="title" @close=${this.onClose}>
        <h2 id="title">${t('captionStyle.title')}</h2>
        ${select(
          'size',
          t('captionStyle.size'),
          CAPTION_SIZES,
          style.size,
          (v) => percent.format(v / 100),
          (size) => this.change({ ...style, size }),
        )}
        ${select(
          'color',
          t('captionStyle.color'),
          CAPTION_COLORS,
          style.color,
          (v) => t(`captionStyle.colors.${v}`),
          (color) => this.change({ ...style, color }),
        )}
        ${select(
          'background',
          t('captionStyle.background'),
          CAPTION_BACKGROUNDS,
          style.background,
          (v) => t(`captionStyle.backgrounds.${v}`),
          (background) => this.change({ ...style, background }),
        )}
        <p class="preview"><span class="sample">${t('captionStyle.sample')}</span></p>
        <div class="actions">
          <button class="button secondary" type="button" @click=${() => this.change(DEFAULT_CAPTION_STYLE)}>
            ${t('captionStyle.reset')}
          </button>
          <button class="button" type="button" @click=${this.close}>${t('captionStyle.done')}</button>
        </div>
      </dialog>
    `;
  }
}
