import { css, html, nothing, type TemplateResult } from 'lit';
import { consume } from '@lit/context';
import { query, state } from 'lit/decorators.js';
import { dialogStyles } from '../../base/dialog.styles.js';
import { FocusReturn } from '../../base/dom.js';
import { LessonElement } from '../../base/lesson-element.js';
import { sharedStyles } from '../../base/shared.styles.js';
import { widgetContext, type WidgetState } from '../../context.js';
import type { Translate } from '../../i18n/i18n.js';

/** A key as shown: its label, and what a screen reader says for a symbol. */
type Key = string | { symbol: string; name: string };

const kbd = (key: Key) =>
  typeof key === 'string'
    ? html`<kbd>${key}</kbd>`
    : html`<kbd><span aria-hidden="true">${key.symbol}</span><span class="visually-hidden">${key.name}</span></kbd>`;
const keys = (...list: Key[]) => list.map((key, i) => html`${i ? ' ' : ''}${kbd(key)}`);
const either = (t: Translate, a: TemplateResult | TemplateResult[], b: TemplateResult | TemplateResult[]) =>
  html`${a} ${t('shortcuts.or')} ${b}`;
/** Keys with a name printed on them (Shift, Enter, Home…) are shown as printed, in English. */
const shift = (key: Key) => html`<kbd>Shift</kbd> + ${kbd(key)}`;

/**
 * "Keyboard shortcuts": the widget's single-key shortcuts and the transcript's keys, in the
 * reader's language (opened with `?` or the "Keyboard shortcuts" button under the transcript).
 * Loaded only when the reader first opens it.
 *
 * @csspart dialog - The `<dialog>`.
 */
export class LessonShortcutsDialog extends LessonElement {
  static override styles = [
    sharedStyles,
    dialogStyles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
        margin-block-end: 1rem;
      }
      th,
      td {
        padding: 0.25rem 0.5rem;
        border-block-end: 1px solid var(--lesson-color-border, #cbd2d9);
        text-align: start;
        vertical-align: top;
      }
      th[scope='row'] {
        font-weight: 400;
        white-space: nowrap;
      }
      kbd {
        display: inline-block;
        min-width: 1.6em;
        padding: 0.05rem 0.4rem;
        border: 1px solid var(--lesson-color-border, #7b8794);
        border-radius: 4px;
        background: var(--lesson-color-surface, #f4f6f8);
        font: inherit;
        font-size: 0.9em;
        text-align: center;
      }
      h3 {
        margin: 0 0 0.5rem;
        font-size: 1.05rem;
      }
    `,
  ];

  @consume({ context: widgetContext, subscribe: true })
  @state()
  widget: WidgetState | undefined;

  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly focusReturn = new FocusReturn();

  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  async show(): Promise<void> {
    this.focusReturn.remember();
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    // The title, not Close (the last thing in it): the list is read, and shown, from its start.
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  close(): void {
    this.dialog?.close();
  }

  private onClose() {
    this.focusReturn.restore();
  }

  private table(t: Translate, rows: Array<[TemplateResult | TemplateResult[], string]>) {
    return html`<table>
      <thead>
        <tr><th scope="col">${t('shortcuts.key')}</th><th scope="col">${t('shortcuts.action')}</th></tr>
      </thead>
      <tbody>
        ${rows.map(([key, action]) => html`<tr><th scope="row">${key}</th><td>${action}</td></tr>`)}
      </tbody>
    </table>`;
  }

  override render() {
    if (!this.widget) return nothing;
    const { t } = this.widget.i18n;
    const arrow = (symbol: string, name: string) => ({ symbol, name });
    return html`
      <dialog part="dialog" aria-labelledby="title" @close=${this.onClose}>
        <h2 id="title" tabindex="-1">${t('shortcuts.title')}</h2>
        <p class="hint">${t('shortcuts.intro')}</p>
        ${this.table(t, [
          [either(t, keys('k'), keys(t('shortcuts.keys.space'))), t('shortcuts.playPause')],
          [keys('j'), t('shortcuts.back')],
          [keys('l'), t('shortcuts.forward')],
          [shift(','), t('shortcuts.slower')],
          [shift('.'), t('shortcuts.faster')],
          [keys('c'), t('shortcuts.captions')],
          [keys('f'), t('shortcuts.fullscreen')],
          [keys('m'), t('shortcuts.mute')],
          [keys('/'), t('shortcuts.search')],
          [keys('?'), t('shortcuts.help')],
        ])}
        <h3>${t('shortcuts.inTranscript')}</h3>
        ${this.table(t, [
          [
            either(t, keys(arrow('↑', t('shortcuts.keys.up'))), keys(arrow('↓', t('shortcuts.keys.down')))),
            t('shortcuts.previousNext'),
          ],
          [either(t, keys('Page Up'), keys('Page Down')), t('shortcuts.page')],
          [either(t, keys('Home'), keys('End')), t('shortcuts.firstLast')],
          [keys('Enter'), t('shortcuts.playFrom')],
          [
            either(
              t,
              shift(arrow('←', t('shortcuts.keys.left'))),
              shift(arrow('→', t('shortcuts.keys.right'))),
            ),
            t('shortcuts.selectWords'),
          ],
          [
            either(t, shift(arrow('↑', t('shortcuts.keys.up'))), shift(arrow('↓', t('shortcuts.keys.down')))),
            t('shortcuts.selectParagraphs'),
          ],
        ])}
        <div class="actions">
          <button class="button" type="button" @click=${this.close}>${t('shortcuts.close')}</button>
        </div>
      </dialog>
    `;
  }
}
