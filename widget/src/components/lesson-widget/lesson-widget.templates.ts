import { html, nothing } from 'lit';
import type { LessonsApiError } from '../../api/errors.js';
import type { WidgetState } from '../../context.js';
import type { AuthStore } from '../../controllers/auth-store.js';
import type { LessonDialogCloseEvent } from '../../events/lesson-dialog-close.js';
import { baseLanguage, directionOf, type Translate } from '../../i18n/i18n.js';
import { LessonAccount } from '../account/account.component.js';
import { LessonLanguagePicker } from '../language-picker/language-picker.component.js';
import { LessonLinks } from '../lesson-links/lesson-links.component.js';
import { LessonPlayer } from '../player/player.component.js';
import { LessonTranscript } from '../transcript/transcript.component.js';

/** The parts `lessonView` renders (registered when a widget is first created). */
export const LESSON_PARTS = {
  'lesson-player': LessonPlayer,
  'lesson-transcript': LessonTranscript,
  'lesson-language-picker': LessonLanguagePicker,
  'lesson-account': LessonAccount,
  'lesson-links': LessonLinks,
};

/** Parts of the transcript the widget's own `::part()` selectors reach. */
const TRANSCRIPT_PARTS =
  'transcript, heading, transcript-search, transcript-body, paragraph, current-paragraph, watched-paragraph, watched-mark, match, current-match, downloads, selection-actions, copy-link, report-selection, passage-paragraph, report-link, shortcuts-link';

/**
 * Before the lesson has arrived: the server-rendered light DOM (or a skeleton keeping the
 * video's 16:9 box), and why the lesson could not be loaded, with a retry when one can help.
 */
export function firstPaint(
  t: Translate | undefined,
  error: LessonsApiError | null,
  lightContent: boolean,
  retry: () => void,
) {
  const found = error?.failure !== 'not-found';
  return html`
    ${
      error && t
        ? html`<div class="error-box" role="alert">
          <p>${found ? t('widget.loadFailed') : t('widget.notFound')}</p>
          ${found ? html`<button class="button" type="button" @click=${retry}>${t('widget.retry')}</button>` : nothing}
        </div>`
        : nothing
    }
    ${
      lightContent
        ? html`<div class="light"><slot></slot></div>`
        : error
          ? nothing
          : html`<div class="skeleton" aria-hidden="true"><div class="skeleton-title"></div><div class="skeleton-video"></div></div>`
    }
    ${error || !t ? nothing : html`<p class="visually-hidden">${t('widget.loading')}</p>`}
  `;
}

/** The lesson: its title, the player, the language picker, the account, the transcript and links. */
export function lessonView({ lesson, i18n: { t, lang } }: WidgetState, resumeAt: number) {
  const inOwnLanguage = [lesson.locale, ...lesson.locales.map((l) => l.locale)].some(
    (l) => baseLanguage(l) === lang,
  );
  // Only when the notice shows: Intl.DisplayNames' first use costs the main thread its language data.
  const languageName = () =>
    new Intl.DisplayNames([lang], { type: 'language' }).of(lesson.locale) ?? lesson.locale;
  return html`
    <h1 part="title" class="title" lang=${lesson.locale} dir=${directionOf(lesson.locale)}>${lesson.title}</h1>
    <lesson-player exportparts="player, poster, play-button" .resumeAt=${resumeAt}></lesson-player>
    ${
      lesson.locales.length > 1
        ? html`<div class="toolbar" part="toolbar"><lesson-language-picker exportparts="language-select"></lesson-language-picker></div>`
        : nothing
    }
    ${inOwnLanguage ? nothing : html`<p class="notice" role="note">${t('widget.shownIn', { language: languageName() })}</p>`}
    <lesson-account part="account" exportparts="notice, progress, next-unwatched, course-toggle, course-lessons, course-lesson"></lesson-account>
    <lesson-transcript exportparts=${TRANSCRIPT_PARTS}></lesson-transcript>
    <lesson-links exportparts="course, tags, related, lesson-completed"></lesson-links>
  `;
}

/** A part (a chunk loaded on first use) could not be loaded: say so, and offer to try again. */
export function partFailed(t: Translate, retry: () => void) {
  return html`<div class="error-box part-failed" role="alert">
    <p>${t('widget.partFailed')}</p>
    <button class="button" type="button" @click=${retry}>${t('widget.retry')}</button>
  </div>`;
}

/** The dialogs, each rendered once the reader has first opened it (and its chunk has loaded). */
export function lazyDialogs(
  open: { auth: boolean; report: boolean; shortcuts: boolean; captionStyle: boolean },
  store: AuthStore | undefined,
  authClosed: (event: LessonDialogCloseEvent) => void,
) {
  return html`
    ${open.auth ? html`<lesson-auth-dialog .store=${store} @lesson-dialog-close=${authClosed}></lesson-auth-dialog>` : nothing}
    ${open.report ? html`<lesson-report-dialog></lesson-report-dialog>` : nothing}
    ${open.shortcuts ? html`<lesson-shortcuts-dialog></lesson-shortcuts-dialog>` : nothing}
    ${open.captionStyle ? html`<lesson-caption-style-dialog></lesson-caption-style-dialog>` : nothing}
  `;
}
