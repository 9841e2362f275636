import { html, nothing } from 'lit';
import { provide } from '@lit/context';
import { property } from 'lit/decorators.js';
import type { Lesson } from '@lessons/shared/core';
import { LessonsApi } from '../../api/client.js';
import { LessonElement } from '../../base/lesson-element.js';
import { DEFAULT_LINK_TEMPLATE } from '../../base/link-template.js';
import { widgetPrintStyles } from '../../base/print.styles.js';
import { sharedStyles } from '../../base/shared.styles.js';
import { EVENTS } from '../../constants.js';
import {
  accountContext,
  mediaContext,
  unlessUnchanged,
  watchedContext,
  widgetContext,
} from '../../context.js';
import type { AccountState, MediaState, WatchedState, WidgetState } from '../../context.js';
import { AccountController } from '../../controllers/account-controller.js';
import { Announcer } from '../../controllers/announcer.js';
import { I18nController } from '../../controllers/i18n-controller.js';
import { KeyboardShortcuts, type ShortcutAction } from '../../controllers/keyboard-shortcuts.js';
import { LazyChunks } from '../../controllers/lazy-chunks.js';
import type { LazyDialogs } from '../../controllers/lazy-dialogs.js';
import { LessonLoader } from '../../controllers/lesson-loader.js';
import { PlayerLoader } from '../../controllers/player-loader.js';
import { ReaderProgress } from '../../controllers/reader-progress.js';
import { LessonLanguageChangeEvent } from '../../events/lesson-language-change.js';
import { loadLaterStrings, nativeLanguageName } from '../../i18n/i18n.js';
import type { AuthMode } from '../auth-dialog/auth-dialog.component.js';
import type { MediaHandle } from '../player/media-handle.js';
import type { LessonPlayer } from '../player/player.component.js';
import type { LessonTranscript } from '../transcript/transcript.component.js';
import { lessonWidgetStyles } from './lesson-widget.styles.js';
import { LESSON_PARTS, firstPaint, lazyDialogs, lessonView, partFailed } from './lesson-widget.templates.js';

/**
 * A video lesson with its interactive transcript, for any page:
 *
 * ```html
 * <script src="https://cms.example/api/lessons/widget.js" defer></script>
 * <lesson-widget api="https://cms.example" lesson="regaining-social-connection" lang="en"></lesson-widget>
 * ```
 *
 * First paint: until its data has loaded the widget shows its light DOM through a slot, e.g. the
 * indexable `GET {api}/api/lessons/:slug/embed.html?locale=xx` (title, poster, transcript, and
 * the lesson as schema.org JSON-LD for search engines).
 * Links follow `link-template` (see `base/link-template.ts`; default `?lesson={slug}&lang={locale}`).
 * A `#t=90` (or `#t=1:30`) deep link in the page URL loads the player at once and starts there;
 * a passage link, `#t=<start>,<end>` (media-fragment syntax, seconds), plays from start to end,
 * pauses there and marks its paragraphs in the transcript. Selecting words in the transcript
 * (by mouse, or Shift+arrow keys on a paragraph) offers "Copy link to this passage" (such a link
 * to the selected paragraphs, on the page's own URL) and "Report an error".
 * The player has the transcript's captions and chapters (a chapters menu, and a marker on the
 * progress bar at each section's start), and remembers the reader's speed and captions (on or
 * off, and their language) and caption style in localStorage per `api` origin for the next lesson.
 *
 * Keyboard: the transcript is one tab stop (↑/↓ between paragraphs, Page Up/Down by ten,
 * Home/End, Enter plays from the focused paragraph). While the focus is inside the widget, and
 * not in a text field or a dialog, single keys are shortcuts: k or Space play/pause (Space on a
 * button still presses it), j/l back/forward 10 s, Shift+, / Shift+. slower/faster, c captions
 * on/off, f fullscreen, / the transcript's search, ? the "Keyboard shortcuts" dialog listing them.
 * `shortcuts="off"` turns them all off (the transcript's arrow keys stay).
 *
 * Print: printing the page prints the lesson as a document (title, headings, paragraphs with
 * their times), without the player, buttons or links.
 *
 * Watched map: a logged-in reader sees which paragraphs they have watched (`watched-paragraph`,
 * a quiet `watched-mark`; partly watched ones show how much), live while playing; "Continue with
 * what you missed" plays from the first part not watched; the course progress opens the course's
 * lessons with the reader's percent in each, and previous/next say when completed. Loaded only
 * for logged-in readers.
 *
 * @slot - The light-DOM first paint described above, shown until the lesson has loaded.
 *
 * @event lesson-language-change - The reader chose another language (`detail: { locale, slug,
 *   previousLocale }`). Cancelable: `preventDefault()` keeps the widget as it is (e.g. to navigate).
 * @event lesson-progress - The server answered about the reader's progress: when it is first
 *   loaded, and after each recorded send (`detail`: `ProgressOutput` plus `slug`, `locale`).
 * @event lesson-report-submitted - An error report was accepted (`detail: { id, state, slug, locale }`).
 * @event lesson-auth-change - The reader logged in or out (`detail: { user }`).
 *
 * @csspart base - The widget's root box.
 * @csspart title - The lesson title (`<h1>`).
 * @csspart player - The 16:9 video box.
 * @csspart poster - The poster image before playing.
 * @csspart play-button - The big play button before playing.
 * @csspart toolbar - The row with the language picker.
 * @csspart language-select - The language `<select>`.
 * @csspart account - The account area (notice, buttons, progress).
 * @csspart notice - The "Please log in…" notice.
 * @csspart progress - Lesson and course progress.
 * @csspart next-unwatched - "Continue with what you missed" (a logged-in reader who has watched part).
 * @csspart course-toggle - The course progress button that shows or hides the course's lessons.
 * @csspart course-lessons - The list of the course's lessons with the reader's percent in each.
 * @csspart course-lesson - One lesson in that list.
 * @csspart transcript - The transcript section.
 * @csspart heading - The "Transcription" heading.
 * @csspart transcript-search - The search field of the transcript.
 * @csspart transcript-body - The transcript text.
 * @csspart paragraph - A transcript paragraph.
 * @csspart current-paragraph - The paragraph being spoken.
 * @csspart watched-paragraph - A paragraph the logged-in reader has watched (≥ 90% of its time).
 * @csspart watched-mark - The quiet mark beside a watched or partly watched paragraph (its fill
 *   is how much was watched; screen readers hear "watched" or "45% watched").
 * @csspart match - A search match.
 * @csspart current-match - The selected search match.
 * @csspart downloads - The transcript download links.
 * @csspart selection-actions - The buttons next to a transcript selection.
 * @csspart copy-link - "Copy link to this passage" next to a selection.
 * @csspart report-selection - The "Report an error" button next to a selection.
 * @csspart passage-paragraph - A paragraph of the passage a `#t=<start>,<end>` link plays.
 * @csspart report-link - "Are there any errors or improvements?".
 * @csspart shortcuts-link - "Keyboard shortcuts" under the transcript (not with `shortcuts="off"`).
 * @csspart course - Course position with previous and next links.
 * @csspart lesson-completed - "Completed" beside a previous or next lesson the reader completed.
 * @csspart tags - The lesson's tags.
 * @csspart related - "Recent publications".
 *
 * @cssproperty --lesson-font-family - Font of the widget (default: inherited).
 * @cssproperty --lesson-color-text - Text colour (#1f2933).
 * @cssproperty --lesson-color-muted - Secondary text (#52606d).
 * @cssproperty --lesson-color-background - Background of fields and dialogs (#ffffff).
 * @cssproperty --lesson-color-surface - Background of notices and hovered paragraphs (#f4f6f8).
 * @cssproperty --lesson-color-border - Borders (#cbd2d9).
 * @cssproperty --lesson-color-accent - Buttons and highlights (#1d4ed8).
 * @cssproperty --lesson-color-accent-text - Text on accent buttons (#ffffff).
 * @cssproperty --lesson-color-link - Links (#1d4ed8).
 * @cssproperty --lesson-color-focus - Focus ring (#1d4ed8).
 * @cssproperty --lesson-color-current - Background of the paragraph being spoken (#fff4cc).
 * @cssproperty --lesson-color-match - Search matches (#ffe066).
 * @cssproperty --lesson-color-passage - Paragraphs of a `#t=<start>,<end>` link's passage (#e6efff).
 * @cssproperty --lesson-color-current-match - The selected search match (#f08c00).
 * @cssproperty --lesson-color-error - Error messages (#b42318).
 * @cssproperty --lesson-color-success - Confirmations (#05603a).
 * @cssproperty --lesson-color-watched - The watched map's marks (#05603a).
 * @cssproperty --lesson-player-background - The video box before the poster loads (#0b1320).
 * @cssproperty --lesson-player-accent - video.js progress bar (#ffffff).
 * @cssproperty --lesson-radius - Corner radius (8px).
 * @cssproperty --lesson-gap - Space between the parts (1.25rem).
 * @cssproperty --lesson-transcript-max-height - Height of the scrolling timed transcript (28rem).
 *
 * @tagname lesson-widget
 */
export class LessonWidget extends LessonElement {
  static override styles = [sharedStyles, lessonWidgetStyles, widgetPrintStyles];
  static override dependencies = LESSON_PARTS;

  /** `lang` is the element's own HTML attribute; it is watched, not redeclared. */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** Where the CMS is, e.g. `https://cms.example` (the API is under `/api/lessons`). */
  @property() api = '';
  /** The lesson's slug, in any of its languages. */
  @property() lesson = '';
  /** A JWT the host page already has for this reader; nothing is stored then. */
  @property() token = '';
  /** URL template for links to lessons and tags; see above. */
  @property({ attribute: 'link-template' }) linkTemplate = '';
  /** `off` turns the single-key keyboard shortcuts off (e.g. when the page has its own). */
  @property() shortcuts = '';
  /**
   * A preview token the CMS gave for a lesson's draft (Strapi's Preview, or the host page it
   * opens with `?preview=`): the widget shows that draft, in that language only, and records no
   * progress. Tokens are short-lived (an hour at most); the API refuses an expired one with 401,
   * and the widget says it could not load the lesson.
   */
  @property({ attribute: 'preview-token' }) previewToken = '';

  @provide({ context: widgetContext }) widgetState: WidgetState | undefined;
  @provide({ context: mediaContext }) mediaState!: MediaState;
  @provide({ context: accountContext }) accountState!: AccountState;
  @provide({ context: watchedContext }) watchedState: WatchedState | null = null;

  private readonly chunks = new LazyChunks(this);
  private readonly lessons = new LessonLoader(this, (lesson, previous) => this.shown(lesson, previous));
  private readonly i18n = new I18nController(
    this,
    () => this.lessons.uiPreference,
    this.chunks.failureOf('a language'),
  );
  private readonly announcer = new Announcer(this, () => this.i18n.translator);
  private readonly account = new AccountController(this, this.chunks, this.announcer, () =>
    this.progress.flush(),
  );
  private readonly player = new PlayerLoader(this, {
    chunks: this.chunks,
    heard: (type, media) => this.progress.heard(type, media),
    hasLesson: () => this.lessons.lesson !== null,
  });
  private readonly progress = new ReaderProgress(this, {
    chunks: this.chunks,
    unauthorized: (token) => this.account.store?.invalidate(token),
    started: () => this.player.state.started,
    duration: () => this.lessons.lesson?.video?.duration,
  });
  /** What opens the dialogs: a chunk loaded when the reader first opens one. */
  private dialogs: LazyDialogs | undefined;
  private readonly keys = new KeyboardShortcuts(this, {
    chunks: this.chunks,
    enabled: () => this.shortcuts !== 'off',
    run: (action) => this.runShortcut(action),
  });
  private hasLightContent = false;

  constructor() {
    super();
    this.on(EVENTS.playRequest, () => this.player.play(this.progress.resumeAt));
    this.on(EVENTS.seekRequest, ({ detail }) => this.player.seek(detail.time, detail.play));
    this.on(EVENTS.localeRequest, ({ detail }) => this.changeLanguage(detail.locale, detail.slug));
    this.on(EVENTS.reportRequest, ({ detail }) => void this.dialog((d) => d.openReport(detail.selection)));
    this.on(EVENTS.authRequest, ({ detail: { action } }) =>
      action === 'logout' ? this.account.logout() : void this.openAuth(action),
    );
    this.on(EVENTS.loadFailure, ({ detail }) => this.chunks.fail(detail.part, detail.retry, detail.error));
    this.on(EVENTS.announceRequest, ({ detail }) => this.announcer.say(() => detail.message));
    this.on(EVENTS.shortcutsRequest, () => void this.dialog((d) => d.openShortcuts()));
    this.on(EVENTS.captionStyleRequest, () => void this.dialog((d) => d.openCaptionStyle()));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.hasLightContent = this.querySelector(':scope > h1, :scope > img, :scope > section') !== null;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /** The lesson on show, once loaded. */
  get currentLesson(): Lesson | null {
    return this.lessons.lesson;
  }

  /** The player, once video.js has been loaded (for hosts that want to drive it). */
  get media(): MediaHandle | null {
    return this.player.media;
  }

  /** The player part, which the player controller drives. */
  get playerElement(): LessonPlayer | null {
    return this.renderRoot.querySelector('lesson-player');
  }

  /** The client of the API at `api`. */
  get apiClient(): LessonsApi | undefined {
    return this.api ? LessonsApi.for(this.api, this.previewToken) : undefined;
  }

  protected override willUpdate(): void {
    this.lessons.followHost();
    const { apiClient, currentLesson: lesson } = this;
    const i18n = this.i18n.translator;
    this.account.use(apiClient, this.token);
    // A draft has no readers' progress to record.
    this.progress.follow(apiClient, lesson, this.previewToken ? null : this.account.token);
    const linkTemplate = this.linkTemplate || DEFAULT_LINK_TEMPLATE;
    const shortcuts = this.shortcuts !== 'off';
    const shared =
      lesson && i18n && apiClient
        ? { lesson, apiClient, i18n, linkTemplate, shortcuts, passage: this.player.passage }
        : undefined;
    if (shared) this.widgetState = unlessUnchanged(this.widgetState, shared);
    this.mediaState = this.player.state;
    this.accountState = this.account.accountState(this.progress.output);
    this.watchedState = this.account.token ? this.progress.watched(lesson) : null;
  }

  /** Listens for a request from a part; it goes no further than this widget. */
  private on<K extends keyof HTMLElementEventMap>(type: K, act: (event: HTMLElementEventMap[K]) => void) {
    this.addEventListener(type, (event) => {
      event.stopPropagation();
      act(event);
    });
  }

  /** Opens the login (or register) form, with the session's store it logs in to. */
  private async openAuth(mode: AuthMode): Promise<void> {
    if (await this.account.loadStore(() => this.openAuth(mode))) await this.dialog((d) => d.openAuth(mode));
  }

  /** Opens a dialog, loading what opens them first (lazy-dialogs.ts) if need be. */
  private async dialog(open: (dialogs: LazyDialogs) => Promise<void>): Promise<void> {
    const lang = this.i18n.translator?.lang ?? 'en';
    const chunk = await this.chunks.load(
      'the dialogs',
      async () =>
        (await Promise.all([import('../../controllers/lazy-dialogs.js'), loadLaterStrings(lang)]))[0],
      () => this.dialog(open),
    );
    if (!chunk) return;
    this.dialogs ??= new chunk.LazyDialogs(this, this.chunks);
    await open(this.dialogs);
  }

  /** Does what a keyboard shortcut asks; false when there is nothing to do it with. */
  private runShortcut(action: ShortcutAction): boolean {
    if (action === 'help') {
      void this.dialog((d) => d.openShortcuts());
      return true;
    }
    if (action === 'search')
      return this.renderRoot.querySelector<LessonTranscript>('lesson-transcript')?.focusSearch() ?? false;
    const media = this.player.media;
    if (media) {
      const said = media.command(action);
      if (said) this.announcer.say(() => said);
      return true;
    }
    // Before the player: k or Space starts it, as its play button does.
    if (action !== 'playPause' || !this.currentLesson?.video) return false;
    this.player.play(this.progress.resumeAt);
    return true;
  }

  private shown(lesson: Lesson, previous: Lesson | null) {
    if (previous && (previous.slug !== lesson.slug || previous.locale !== lesson.locale)) {
      this.player.reset();
      this.progress.reset();
      const language = nativeLanguageName(lesson.locale);
      if (previous.locale !== lesson.locale)
        this.announcer.sayIn(lesson.locale, (t) => t('language.switched', { title: lesson.title, language }));
    }
    this.player.shown();
  }

  private changeLanguage(locale: string, slug: string) {
    const previousLocale = this.lessons.lesson?.locale ?? '';
    if (locale === previousLocale) return;
    const change = this.emit(new LessonLanguageChangeEvent({ locale, slug, previousLocale }));
    if (!change.defaultPrevented) this.lessons.choose(slug, locale);
  }

  override render() {
    const ui = this.i18n.translator;
    const state = this.widgetState;
    return html`
      <div part="base" class="base" lang=${ui?.lang ?? nothing} dir=${ui?.dir ?? nothing} aria-busy=${this.lessons.pending ? 'true' : 'false'}>
        ${
          state && this.currentLesson
            ? lessonView(state, this.progress.resumeAt)
            : firstPaint(ui?.t, this.lessons.error, this.hasLightContent, () => this.lessons.retry())
        }
        ${this.chunks.failed && ui ? partFailed(ui.t, () => this.chunks.retry()) : nothing}
        <div class="visually-hidden" role="status">${this.announcer.message}</div>
        ${this.dialogs ? lazyDialogs(this.dialogs, this.account.store, this.account.dialogClosed) : nothing}
      </div>
    `;
  }
}
