import { html, nothing } from 'lit';
import { consume } from '@lit/context';
import { property, query, state } from 'lit/decorators.js';
import type { LessonsApiError } from '../../api/errors.js';
import { dialogStyles } from '../../base/dialog.styles.js';
import { FocusReturn } from '../../base/dom.js';
import { LessonElement } from '../../base/lesson-element.js';
import { sharedStyles } from '../../base/shared.styles.js';
import { widgetContext, type WidgetState } from '../../context.js';
import type { AuthStore } from '../../controllers/auth-store.js';
import { LessonDialogCloseEvent } from '../../events/lesson-dialog-close.js';
import { explainAuthError, validateAuth, type AuthField, type AuthProblems } from './auth-errors.js';

export type AuthMode = 'login' | 'register';

/**
 * The login and register forms (users-permissions), in a modal `<dialog>`: it traps focus while
 * open and gives it back on close. Loaded only when the reader first opens it.
 *
 * @csspart dialog - The `<dialog>`.
 */
export class LessonAuthDialog extends LessonElement {
  static override styles = [sharedStyles, dialogStyles];

  @consume({ context: widgetContext, subscribe: true })
  @state()
  widget: WidgetState | undefined;

  /** The session to log into. */
  @property({ attribute: false }) store: AuthStore | undefined;

  @state() mode: AuthMode = 'login';
  @state() private busy = false;
  @state() private problems: AuthProblems = { fields: {} };

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('form') private form!: HTMLFormElement;

  private readonly focusReturn = new FocusReturn();
  private completed = false;

  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  async show(mode: AuthMode): Promise<void> {
    this.mode = mode;
    this.problems = { fields: {} };
    this.completed = false;
    this.focusReturn.remember();
    await this.updateComplete;
    this.form.reset();
    if (!this.dialog.open) this.dialog.showModal();
    this.form.querySelector('input')?.focus();
  }

  close(): void {
    this.dialog?.close();
  }

  private onClose() {
    this.focusReturn.restore();
    this.dispatchEvent(new LessonDialogCloseEvent({ completed: this.completed }));
  }

  private async switchMode() {
    await this.show(this.mode === 'login' ? 'register' : 'login');
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const { t } = this.widget!.i18n;
    const values = Object.fromEntries(
      [...new FormData(this.form)].map(([k, v]) => [k, typeof v === 'string' ? v : '']),
    );
    const checked = validateAuth(this.mode, values, t);
    if (Object.keys(checked.fields).length) return this.showProblems(checked);
    this.busy = true;
    this.problems = { fields: {} };
    try {
      if (this.mode === 'login') await this.store!.login(values.identifier!.trim(), values.password!);
      else await this.store!.register(values.username!.trim(), values.email!.trim(), values.password!);
      this.completed = true;
      this.close();
    } catch (error) {
      await this.showProblems(explainAuthError(error as LessonsApiError, t));
    } finally {
      this.busy = false;
    }
  }

  private async showProblems(problems: AuthProblems) {
    this.problems = problems;
    await this.updateComplete;
    const first = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? this.form.querySelector('input'))?.focus();
  }

  private field(name: AuthField, label: string, type: string, autocomplete: string) {
    const error = this.problems.fields[name];
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input
        id=${name}
        name=${name}
        type=${type}
        autocomplete=${autocomplete}
        required
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${name}-error` : nothing}
      />
      ${error ? html`<p id="${name}-error" class="field-error">${error}</p>` : nothing}
    </div>`;
  }

  override render() {
    if (!this.widget) return nothing;
    const { t } = this.widget.i18n;
    const login = this.mode === 'login';
    return html`
      <dialog part="dialog" aria-labelledby="title" @close=${this.onClose}>
        <form novalidate @submit=${this.onSubmit}>
          <h2 id="title">${login ? t('auth.loginTitle') : t('auth.registerTitle')}</h2>
          ${this.problems.form ? html`<p class="form-error" role="alert">${this.problems.form}</p>` : nothing}
          ${
            login
              ? html`${this.field('identifier', t('auth.identifier'), 'text', 'username')}
              ${this.field('password', t('auth.password'), 'password', 'current-password')}`
              : html`${this.field('username', t('auth.username'), 'text', 'username')}
              ${this.field('email', t('auth.email'), 'email', 'email')}
              ${this.field('password', t('auth.password'), 'password', 'new-password')}`
          }
          <div class="actions">
            <button class="button secondary" type="button" @click=${this.close}>${t('auth.close')}</button>
            <button class="button" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
              ${this.busy ? t('auth.working') : login ? t('auth.submitLogin') : t('auth.submitRegister')}
            </button>
          </div>
          <p class="switch">
            <button class="link-button" type="button" @click=${this.switchMode}>${login ? t('auth.toRegister') : t('auth.toLogin')}</button>
          </p>
        </form>
      </dialog>
    `;
  }
}
