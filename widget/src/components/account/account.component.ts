import { html, nothing } from 'lit';
import { consume } from '@lit/context';
import { state } from 'lit/decorators.js';
import { LessonElement } from '../../base/lesson-element.js';
import { sharedStyles } from '../../base/shared.styles.js';
import { accountContext, widgetContext, type AccountState, type WidgetState } from '../../context.js';
import { LessonAuthRequestEvent, type AuthAction } from '../../events/lesson-auth-request.js';
import { accountStyles } from './account.styles.js';

/**
 * The reader's account: for anonymous readers the notice that progress needs a login, with
 * "Log in" and "Register"; for a logged-in reader their name, "Log out" and their progress in the
 * lesson and the course. Buttons ask the owner (`lesson-auth-request`).
 *
 * @csspart notice - The "Please log in…" notice.
 * @csspart progress - The progress of the lesson and the course.
 */
export class LessonAccount extends LessonElement {
  static override styles = [sharedStyles, accountStyles];
  static override shadowRootOptions = { ...LessonElement.shadowRootOptions, delegatesFocus: true };

  @consume({ context: widgetContext, subscribe: true })
  @state()
  widget: WidgetState | undefined;

  @consume({ context: accountContext, subscribe: true })
  @state()
  account: AccountState = { status: 'anonymous', user: null, hostToken: false, progress: null };

  private request(action: AuthAction) {
    this.emit(new LessonAuthRequestEvent({ action }));
  }

  private renderProgress() {
    const progress = this.account.progress;
    if (!progress || !this.widget) return nothing;
    const { t } = this.widget.i18n;
    const percent = Math.round(progress.percent);
    return html`
      <div class="progress" part="progress">
        <progress max="100" .value=${percent} aria-label=${t('account.lessonProgress')}></progress>
        <p>${progress.completed ? t('account.completed') : t('account.percent', { percent })}</p>
        ${
          progress.course && progress.course.total > 0
            ? html`<p>${t('account.courseProgress', { completed: progress.course.completed, count: progress.course.total })}</p>`
            : nothing
        }
      </div>
    `;
  }

  override render() {
    if (!this.widget) return nothing;
    const { t } = this.widget.i18n;
    const { status, user, hostToken } = this.account;
    if (status === 'anonymous') {
      return html`
        <p class="notice" part="notice">${t('account.notice')}</p>
        <div class="actions">
          <button class="button" type="button" @click=${() => this.request('login')}>${t('account.login')}</button>
          <button class="button secondary" type="button" @click=${() => this.request('register')}>${t('account.register')}</button>
        </div>
      `;
    }
    return html`
      <div class="actions">
        ${user ? html`<p>${t('account.signedIn', { name: user.username })}</p>` : nothing}
        ${
          hostToken
            ? nothing
            : html`<button class="button secondary" type="button" @click=${() => this.request('logout')}>${t('account.logout')}</button>`
        }
      </div>
      ${this.renderProgress()}
    `;
  }
}
