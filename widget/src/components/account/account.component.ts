import { html, nothing } from 'lit';
import { consume } from '@lit/context';
import { state } from 'lit/decorators.js';
import { LessonElement } from '../../base/lesson-element.js';
import { sharedStyles } from '../../base/shared.styles.js';
import {
  accountContext,
  watchedContext,
  widgetContext,
  type AccountState,
  type WatchedState,
  type WidgetState,
} from '../../context.js';
import { LessonAuthRequestEvent, type AuthAction } from '../../events/lesson-auth-request.js';
import { LessonLoadFailureEvent } from '../../events/lesson-load-failure.js';
import { LessonSeekRequestEvent } from '../../events/lesson-seek-request.js';
import { accountStyles } from './account.styles.js';

/**
 * The reader's account: for anonymous readers the notice that progress needs a login, with
 * "Log in" and "Register"; for a logged-in reader their name, "Log out" and their progress in the
 * lesson and the course. Buttons ask the owner (`lesson-auth-request`).
 *
 * With the reader's watched map: "Continue with what you missed" plays from the start of the
 * first part not watched yet (`lesson-seek-request`), and the course progress opens the list of
 * the course's lessons with the reader's percent in each (`<lesson-course-list>`, its own chunk).
 *
 * @csspart notice - The "Please log in…" notice.
 * @csspart progress - The progress of the lesson and the course.
 * @csspart next-unwatched - "Continue with what you missed".
 * @csspart course-toggle - The course progress, a button that shows or hides the course's lessons.
 * @csspart course-lessons - The list of the course's lessons.
 * @csspart course-lesson - One lesson in that list.
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

  @consume({ context: watchedContext, subscribe: true })
  @state()
  watched: WatchedState | null = null;

  /** The course's lessons are shown (their list's chunk loaded). */
  @state() private courseOpen = false;
  private courseListLoading = false;

  private request(action: AuthAction) {
    this.emit(new LessonAuthRequestEvent({ action }));
  }

  private continueWithMissed(time: number) {
    this.emit(new LessonSeekRequestEvent({ time, play: true }));
  }

  private async toggleCourse() {
    if (this.courseOpen) {
      this.courseOpen = false;
      return;
    }
    if (this.courseListLoading) return;
    this.courseListLoading = true;
    try {
      await import('../course-list/course-list.js');
      this.courseOpen = true;
    } catch (error) {
      const retry = () => void this.toggleCourse();
      this.emit(new LessonLoadFailureEvent({ part: "the course's lessons", retry, error }));
    } finally {
      this.courseListLoading = false;
    }
  }

  private renderProgress() {
    const progress = this.account.progress;
    if (!progress || !this.widget) return nothing;
    const { t } = this.widget.i18n;
    const percent = Math.round(progress.percent);
    const watched = this.watched;
    const next = watched?.segments.length ? watched.nextUnwatched : null;
    const course = progress.course && progress.course.total > 0 ? progress.course : null;
    const courseText = course
      ? t('account.courseProgress', { completed: course.completed, count: course.total })
      : '';
    return html`
      <div class="progress" part="progress">
        <progress max="100" .value=${percent} aria-label=${t('account.lessonProgress')}></progress>
        <p>${progress.completed ? t('account.completed') : t('account.percent', { percent })}</p>
        ${
          next !== null
            ? html`<p><button part="next-unwatched" class="button secondary" type="button" @click=${() => this.continueWithMissed(next)}>${t('account.nextUnwatched')}</button></p>`
            : nothing
        }
        ${
          course && watched?.course
            ? html`<p><button part="course-toggle" class="link-button" type="button" aria-expanded=${this.courseOpen ? 'true' : 'false'} aria-controls="course-lessons" @click=${() => void this.toggleCourse()}>${courseText}</button></p>
              <lesson-course-list id="course-lessons" exportparts="course-lessons, course-lesson" ?hidden=${!this.courseOpen}></lesson-course-list>`
            : course
              ? html`<p>${courseText}</p>`
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
