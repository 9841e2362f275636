import { html, nothing } from 'lit';
import { consume } from '@lit/context';
import { query, state } from 'lit/decorators.js';
import {
  HONEYPOT_FIELD,
  REPORT_FIELD_MAX,
  REPORT_WHAT_MIN,
  type ErrorReportInputRaw,
} from '@lessons/shared/core';
import type { LessonsApiError } from '../../api/errors.js';
import { dialogStyles } from '../../base/dialog.styles.js';
import { FocusReturn, randomKey } from '../../base/dom.js';
import { looksLikeEmail } from '../../base/email.js';
import { LessonElement } from '../../base/lesson-element.js';
import { sharedStyles } from '../../base/shared.styles.js';
import { widgetContext, type WidgetState } from '../../context.js';
import { LessonDialogCloseEvent } from '../../events/lesson-dialog-close.js';
import type { ReportSelection } from '../../events/lesson-report-request.js';
import { LessonReportSubmittedEvent } from '../../events/lesson-report-submitted.js';
import { directionOf, formatTime, type Translate } from '../../i18n/i18n.js';
import { DraftStore, draftKey, type ReportDraft } from './report-draft.js';

type Field = 'where' | 'what' | 'suggestion' | 'email';
const FIELDS: readonly Field[] = ['where', 'what', 'suggestion', 'email'];

/**
 * "Report an error": where (prefilled with the selected words and the video time), what
 * (required), an optional suggestion and e-mail. The draft and its idempotency key survive a
 * failed send and a reload; the server's field errors show at their field, in the reader's
 * language. Loaded only when the reader first opens it.
 *
 * @csspart dialog - The `<dialog>`.
 * @event lesson-report-submitted - The server accepted the report.
 */
export class LessonReportDialog extends LessonElement {
  static override styles = [sharedStyles, dialogStyles];

  @consume({ context: widgetContext, subscribe: true })
  @state()
  widget: WidgetState | undefined;

  @state() private draft: ReportDraft | null = null;
  @state() private status: 'editing' | 'sending' | 'sent' = 'editing';
  @state() private restored = false;
  @state() private formError = '';
  @state() private fieldErrors: Partial<Record<Field, string>> = {};

  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly focusReturn = new FocusReturn();
  private store: DraftStore | null = null;

  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the form, for a selection (or none) at a moment of the video (or none). */
  async show(selection: ReportSelection | null, time: number | null): Promise<void> {
    const widget = this.widget;
    if (!widget) return;
    const { lesson, apiClient, i18n } = widget;
    this.store = new DraftStore(draftKey(apiClient.origin, lesson.slug, lesson.locale));
    const saved = this.store.read();
    const sameQuote =
      !selection ||
      (saved?.position?.paragraphId === selection.position.paragraphId &&
        saved.position.start === selection.position.start &&
        saved.position.end === selection.position.end);
    if (saved && sameQuote) {
      this.draft = saved;
      this.restored = !!(saved.what.trim() || saved.suggestion.trim());
    } else {
      this.draft = this.freshDraft(selection, time, i18n.t, saved?.email ?? '');
      this.restored = false;
      this.store.write(this.draft);
    }
    this.status = 'editing';
    this.formError = '';
    this.fieldErrors = {};
    this.focusReturn.remember();
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>(this.draft.where ? '#what' : '#where')?.focus();
  }

  close(): void {
    this.dialog?.close();
  }

  private freshDraft(
    selection: ReportSelection | null,
    time: number | null,
    t: Translate,
    email: string,
  ): ReportDraft {
    const at = time !== null ? formatTime(time) : null;
    const where = selection
      ? at
        ? t('report.quoteAt', { quote: selection.quote.exact, time: at })
        : `“${selection.quote.exact}”`
      : at
        ? t('report.at', { time: at })
        : '';
    return {
      idempotencyKey: randomKey(),
      where,
      what: '',
      suggestion: '',
      email,
      ...(selection ? { quote: selection.quote, position: selection.position } : {}),
      ...(time !== null ? { time: Math.round(time * 100) / 100 } : {}),
    };
  }

  private onClose() {
    if (!this.focusReturn.restore()) {
      // "Report an error" beside a selection goes with the selection (before the form has even
      // opened): the transcript's own tab stop (the paragraph the selection ended in) takes the
      // focus, never the page.
      const owner = this.getRootNode();
      const roots = [
        this.focusReturn.root,
        owner instanceof ShadowRoot ? owner.querySelector('lesson-transcript')?.shadowRoot : null,
      ];
      const stop = roots
        .filter((root): root is ShadowRoot => root instanceof ShadowRoot)
        .map((root) => root.querySelector<HTMLElement>('[data-paragraph][tabindex="0"]'))
        .find((element) => element?.isConnected);
      stop?.focus();
    }
    this.dispatchEvent(new LessonDialogCloseEvent({ completed: this.status === 'sent' }));
  }

  private onInput(field: Field, event: Event) {
    if (!this.draft) return;
    this.draft = { ...this.draft, [field]: (event.target as HTMLInputElement | HTMLTextAreaElement).value };
    this.store?.write(this.draft);
    if (this.fieldErrors[field]) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
  }

  private validate(draft: ReportDraft, t: Translate): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    if (draft.what.trim().length < REPORT_WHAT_MIN) errors.what = t('report.whatRequired');
    if (draft.email.trim() && !looksLikeEmail(draft.email.trim())) errors.email = t('report.invalidEmail');
    for (const field of FIELDS)
      if (draft[field].trim().length > REPORT_FIELD_MAX[field]) errors[field] = t('report.tooLong');
    return errors;
  }

  /** The server's per-field answer (in English) as messages in the reader's language. */
  private explain(error: LessonsApiError, t: Translate): void {
    this.formError = '';
    this.fieldErrors = {};
    if (error.failure === 'rate-limited') {
      this.formError = t('report.retryIn', { count: error.retryAfter ?? 60 });
    } else if (error.failure === 'invalid' && error.fieldErrors.length) {
      const fields: Partial<Record<Field, string>> = {};
      for (const { path } of error.fieldErrors) {
        const field = path[0] as Field;
        if (!FIELDS.includes(field)) continue;
        const long = (this.draft?.[field].trim().length ?? 0) > REPORT_FIELD_MAX[field];
        fields[field] = long
          ? t('report.tooLong')
          : field === 'what'
            ? t('report.whatRequired')
            : field === 'email'
              ? t('report.invalidEmail')
              : t('report.invalid');
      }
      this.fieldErrors = fields;
      if (!Object.keys(fields).length) this.formError = t('report.failed');
    } else if (error.failure === 'network') {
      this.formError = `${t('errors.network')} ${t('report.failed')}`;
    } else {
      this.formError = t('report.failed');
    }
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const widget = this.widget;
    const draft = this.draft;
    if (!widget || !draft || this.status === 'sending') return;
    const { lesson, apiClient, i18n } = widget;
    const errors = this.validate(draft, i18n.t);
    this.formError = '';
    this.fieldErrors = errors;
    if (Object.keys(errors).length) return this.focusFirstProblem();
    const honeypot =
      this.renderRoot.querySelector<HTMLInputElement>(`[name="${HONEYPOT_FIELD}"]`)?.value ?? '';
    const report: ErrorReportInputRaw = {
      locale: lesson.locale,
      where: draft.where.trim(),
      what: draft.what.trim(),
      idempotencyKey: draft.idempotencyKey,
      [HONEYPOT_FIELD]: honeypot,
      ...(draft.quote ? { quote: draft.quote } : {}),
      ...(draft.position ? { position: draft.position } : {}),
      ...(draft.time !== undefined ? { time: draft.time } : {}),
      ...(draft.suggestion.trim() ? { suggestion: draft.suggestion.trim() } : {}),
      ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
    };
    this.status = 'sending';
    try {
      const created = await apiClient.sendReport(lesson.slug, report);
      this.store?.clear();
      this.status = 'sent';
      this.restored = false;
      this.emit(new LessonReportSubmittedEvent({ ...created, slug: lesson.slug, locale: lesson.locale }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.done')?.focus();
    } catch (error) {
      this.status = 'editing';
      this.explain(error as LessonsApiError, i18n.t);
      await this.focusFirstProblem();
    }
  }

  private async focusFirstProblem() {
    await this.updateComplete;
    const target =
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      this.renderRoot.querySelector<HTMLElement>('#what');
    target?.focus();
  }

  private field(
    name: Field,
    label: string,
    options: { multiline?: boolean; type?: string; hint?: string; required?: boolean } = {},
  ) {
    const error = this.fieldErrors[name];
    const value = this.draft?.[name] ?? '';
    const describedBy = [options.hint ? `${name}-hint` : '', error ? `${name}-error` : '']
      .filter(Boolean)
      .join(' ');
    const common = {
      invalid: error ? 'true' : 'false',
      describedBy: describedBy || nothing,
    };
    return html`<div class="field">
      <label for=${name}>${label}</label>
      ${options.hint ? html`<p id="${name}-hint" class="hint">${options.hint}</p>` : nothing}
      ${
        options.multiline
          ? html`<textarea
            id=${name}
            name=${name}
            rows="3"
            ?required=${options.required}
            aria-invalid=${common.invalid}
            aria-describedby=${common.describedBy}
            .value=${value}
            @input=${(e: Event) => this.onInput(name, e)}
          ></textarea>`
          : html`<input
            id=${name}
            name=${name}
            type=${options.type ?? 'text'}
            autocomplete=${name === 'email' ? 'email' : 'off'}
            aria-invalid=${common.invalid}
            aria-describedby=${common.describedBy}
            .value=${value}
            @input=${(e: Event) => this.onInput(name, e)}
          />`
      }
      ${error ? html`<p id="${name}-error" class="field-error">${error}</p>` : nothing}
    </div>`;
  }

  override render() {
    if (!this.widget) return nothing;
    const { t } = this.widget.i18n;
    const sent = this.status === 'sent';
    const sending = this.status === 'sending';
    return html`
      <dialog part="dialog" aria-labelledby="title" @close=${this.onClose}>
        <h2 id="title">${t('report.title')}</h2>
        ${
          sent
            ? html`<p class="form-note" role="status">${t('report.thanks')}</p>
              <div class="actions">
                <button class="button done" type="button" @click=${this.close}>${t('report.close')}</button>
              </div>`
            : html`<form novalidate @submit=${this.onSubmit}>
              ${this.formError ? html`<p class="form-error" role="alert">${this.formError}</p>` : nothing}
              ${this.restored && !this.formError ? html`<p class="form-note" role="status">${t('report.draftRestored')}</p>` : nothing}
              ${
                this.draft?.quote
                  ? html`<blockquote class="hint" lang=${this.widget.lesson.locale} dir=${directionOf(this.widget.lesson.locale)}>
                    …${this.draft.quote.prefix}<strong>${this.draft.quote.exact}</strong>${this.draft.quote.suffix}…
                  </blockquote>`
                  : nothing
              }
              ${this.field('where', t('report.where'), { multiline: true, hint: this.draft?.quote ? t('report.whereHint') : undefined })}
              ${this.field('what', t('report.what'), { multiline: true, required: true })}
              ${this.field('suggestion', t('report.suggestion'), { multiline: true })}
              ${this.field('email', t('report.email'), { type: 'email', hint: t('report.emailHint') })}
              <div class="trap" aria-hidden="true">
                <label for=${HONEYPOT_FIELD}>${t('report.honeypot')}</label>
                <input id=${HONEYPOT_FIELD} name=${HONEYPOT_FIELD} type="text" tabindex="-1" autocomplete="off" />
              </div>
              <div class="actions">
                <button class="button secondary" type="button" @click=${this.close}>${t('report.close')}</button>
                <button class="button" type="submit" ?disabled=${sending} aria-busy=${sending ? 'true' : 'false'}>
                  ${sending ? t('report.sending') : t('report.send')}
                </button>
              </div>
            </form>`
        }
      </dialog>
    `;
  }
}
