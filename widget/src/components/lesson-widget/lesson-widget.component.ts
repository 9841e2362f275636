import { html, nothing, type PropertyValues } from 'lit';
import { provide } from '@lit/context';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { Lesson, ProgressOutput } from '@lessons/shared';
import { LessonsApi } from '../../api/client.js';
import type { LessonsApiError } from '../../api/errors.js';
import { LessonElement } from '../../base/lesson-element.js';
import { DEFAULT_LINK_TEMPLATE } from '../../base/link-template.js';
import { sharedStyles } from '../../base/shared.styles.js';
import type { MediaEventName } from '../../constants.js';
import {
  accountContext,
  initialMediaState,
  mediaContext,
  widgetContext,
  type AccountState,
  type MediaState,
  type WidgetState,
} from '../../context.js';
import { authStoreFor, type AuthSnapshot, type AuthStore } from '../../controllers/auth-store.js';
import { I18nController } from '../../controllers/i18n-controller.js';
import type { PlayerController } from '../../controllers/player-controller.js';
import type { ProgressController, ProgressTarget } from '../../controllers/progress-controller.js';
import { LessonAuthChangeEvent } from '../../events/lesson-auth-change.js';
import { LessonAuthRequestEvent } from '../../events/lesson-auth-request.js';
import type { LessonDialogCloseEvent } from '../../events/lesson-dialog-close.js';
import { LessonLanguageChangeEvent } from '../../events/lesson-language-change.js';
import { LessonLocaleRequestEvent } from '../../events/lesson-locale-request.js';
import { LessonPlayRequestEvent } from '../../events/lesson-play-request.js';
import { LessonProgressEvent } from '../../events/lesson-progress.js';
import { LessonReportRequestEvent, type ReportSelection } from '../../events/lesson-report-request.js';
import { LessonSeekRequestEvent } from '../../events/lesson-seek-request.js';
import { directionOf, nativeLanguageName, preferredLanguage } from '../../i18n/i18n.js';
import { LessonAccount } from '../account/account.component.js';
import type { LessonAuthDialog } from '../auth-dialog/auth-dialog.component.js';
import { LessonLanguagePicker } from '../language-picker/language-picker.component.js';
import { LessonLinks } from '../lesson-links/lesson-links.component.js';
import type { MediaHandle } from '../player/media-handle.js';
import { LessonPlayer } from '../player/player.component.js';
import type { LessonReportDialog } from '../report-dialog/report-dialog.component.js';
import { LessonTranscript } from '../transcript/transcript.component.js';
import { lessonWidgetStyles } from './lesson-widget.styles.js';

/** Seconds from a `#t=90` (or `#t=1:30`, `#t=npt:90`) media-fragment deep link. */
export function deepLinkTime(hash: string): number | null {
  const match = /(?:^#|&)t=(?:npt:)?(\d+(?::\d{1,2}){0,2}(?:\.\d+)?)s?(?:&|$)/.exec(hash);
  if (!match) return null;
  return match[1]!.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** The language's own subtag, `pt` for `pt-BR`. */
const baseLanguage = (tag: string) => tag.toLowerCase().split('-')[0] ?? tag;

/**
 * A video lesson with its interactive transcript, for any page:
 *
 * ```html
 * <script src="https://cms.example/api/lessons/widget.js" defer></script>
 * <lesson-widget api="https://cms.example" lesson="regaining-social-connection" lang="en"></lesson-widget>
 * ```
 *
 * Light DOM, first paint. Until its data has loaded the widget shows its children through a
 * slot, so a server-side include can make the page indexable and show the poster at once.
 * `GET {api}/api/lessons/:slug/embed.html?locale=xx` produces exactly this (text escaped as HTML;
 * the `<img>` only when there is a poster, the `<h2>` only for sections with a heading, and
 * `data-start`/`data-end` only on timed paragraphs, in seconds):
 *
 * ```html
 * <lesson-widget api="https://cms.example" lesson="regaining-social-connection" lang="en">
 *   <h1>Regaining social connection</h1>
 *   <img src="https://cms.example/uploads/poster.jpg" alt="" width="1280" height="720">
 *   <section>
 *     <p data-paragraph-id="p1" data-start="0.6" data-end="15.15">Depression has a way…</p>
 *   </section>
 *   <section>
 *     <h2>Overcoming isolation gradually</h2>
 *     <p data-paragraph-id="p2" data-start="16" data-end="24.5">…</p>
 *   </section>
 * </lesson-widget>
 * ```
 *
 * Then the widget renders its own shadow DOM (the light DOM stays in the document, unrendered).
 *
 * Links (`link-template`): see `base/link-template.ts`. `{slug}`, `{locale}` and `{tag}` are
 * replaced; a lesson link (previous, next, recent publications) fills `{slug}` and `{locale}`; a
 * tag link fills `{tag}` and `{locale}` with `{slug}` empty, and adds `tag=<slug>` to the query
 * when the template has no `{tag}`; query parameters left empty are dropped. The default is
 * `?lesson={slug}&lang={locale}` (the current page).
 *
 * Deep links: `#t=90` (seconds, or `#t=1:30`) in the page URL loads the player at once and starts
 * there.
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
 * @csspart transcript - The transcript section.
 * @csspart heading - The "Transcription" heading.
 * @csspart transcript-search - The search field of the transcript.
 * @csspart transcript-body - The transcript text.
 * @csspart paragraph - A transcript paragraph.
 * @csspart current-paragraph - The paragraph being spoken.
 * @csspart match - A search match.
 * @csspart current-match - The selected search match.
 * @csspart downloads - The transcript download links.
 * @csspart report-selection - The "Report an error" button next to a selection.
 * @csspart report-link - "Are there any errors or improvements?".
 * @csspart course - Course position with previous and next links.
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
 * @cssproperty --lesson-color-current-match - The selected search match (#f08c00).
 * @cssproperty --lesson-color-error - Error messages (#b42318).
 * @cssproperty --lesson-color-success - Confirmations (#05603a).
 * @cssproperty --lesson-player-background - The video box before the poster loads (#0b1320).
 * @cssproperty --lesson-player-accent - video.js progress bar (#ffffff).
 * @cssproperty --lesson-radius - Corner radius (8px).
 * @cssproperty --lesson-gap - Space between the parts (1.25rem).
 * @cssproperty --lesson-transcript-max-height - Height of the scrolling timed transcript (28rem).
 *
 * @tagname lesson-widget
 */
export class LessonWidget extends LessonElement {
  static override styles = [sharedStyles, lessonWidgetStyles];
  static override dependencies = {
    'lesson-player': LessonPlayer,
    'lesson-transcript': LessonTranscript,
    'lesson-language-picker': LessonLanguagePicker,
    'lesson-account': LessonAccount,
    'lesson-links': LessonLinks,
  };

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

  @provide({ context: widgetContext }) widgetState: WidgetState | undefined;
  @provide({ context: mediaContext }) mediaState: MediaState = initialMediaState();
  @provide({ context: accountContext }) accountState: AccountState = {
    status: 'anonymous',
    user: null,
    hostToken: false,
    progress: null,
  };

  /** The lesson and language chosen in the widget, until the host changes `lesson` or `lang`. */
  @state() private chosen: { slug: string; locale: string } | null = null;
  @state() private loaded: Lesson | null = null;
  @state() private loadError: LessonsApiError | null = null;
  @state() private announcement = '';
  /** A language switch to announce once the interface speaks the new language. */
  private switched: Lesson | null = null;
  @state() private resumeAt = 0;
  @state() private authDialogWanted = false;
  @state() private reportDialogWanted = false;
  @state() private auth: AuthSnapshot | null = null;
  @state() private progress: ProgressOutput | null = null;

  private readonly i18n = new I18nController(this, () => this.chosen?.locale ?? this.getAttribute('lang'));
  /** Created when the reader first plays (or on a deep link), with the player's code. */
  private player: PlayerController | undefined;
  private playerLoading: Promise<PlayerController> | undefined;
  /** Loaded only for a logged-in reader: anonymous readers never download it. */
  private progressController: ProgressController | undefined;
  private progressLoading = false;

  private client: LessonsApi | undefined;
  private clientFor = '';
  private authStore: AuthStore | undefined;
  private unsubscribe: (() => void) | undefined;
  private hasLightContent = false;
  /** The `lesson` and `lang` the host last set, to notice when it changes them. */
  private seen: { lesson: string; lang: string | null } | null = null;
  private deepLinkHandled = false;
  private readonly idleMedia = initialMediaState();

  private readonly lessonTask = new Task(this, {
    args: () => [this.apiClient, this.chosen?.slug ?? this.lesson, this.contentLocale] as const,
    task: async ([api, slug, locale], { signal }) => {
      if (!api || !slug) return null;
      let lesson = await api.getLesson(slug, locale, signal);
      if (lesson.locale !== locale) {
        // Not in the language asked for as such (say `es-MX`): prefer the closest one it has.
        const closer =
          lesson.locales.find((l) => l.locale === locale) ??
          lesson.locales.find((l) => baseLanguage(l.locale) === baseLanguage(locale));
        if (closer && closer.locale !== lesson.locale) lesson = await api.getLesson(closer.slug, closer.locale, signal);
      }
      return lesson;
    },
    onComplete: (lesson) => {
      if (lesson) this.show(lesson);
    },
    onError: (error) => {
      if ((error as LessonsApiError).failure !== 'aborted' && !(error instanceof DOMException)) {
        this.loadError = error as LessonsApiError;
      }
    },
  });

  constructor() {
    super();
    this.addEventListener(LessonPlayRequestEvent.type, this.onPlayRequest);
    this.addEventListener(LessonSeekRequestEvent.type, this.onSeekRequest);
    this.addEventListener(LessonLocaleRequestEvent.type, this.onLocaleRequest);
    this.addEventListener(LessonReportRequestEvent.type, this.onReportRequest);
    this.addEventListener(LessonAuthRequestEvent.type, this.onAuthRequest);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.hasLightContent = this.querySelector(':scope > h1, :scope > img, :scope > section') !== null;
    window.addEventListener('hashchange', this.onHashChange);
    if (this.authStore) this.subscribe(this.authStore);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /** The lesson on show, once loaded. */
  get currentLesson(): Lesson | null {
    return this.loaded;
  }

  /** The player, once video.js has been loaded (for hosts that want to drive it). */
  get media(): MediaHandle | null {
    return this.player?.media ?? null;
  }

  /** The player controller, loaded on first use together with the player chunk. */
  private playerController(): Promise<PlayerController> {
    this.playerLoading ??= (async () => {
      // Start fetching video.js right away rather than after the controller has arrived.
      void import('../player/video-js.js').catch(() => undefined);
      const { PlayerController } = await import('../../controllers/player-controller.js');
      this.player = new PlayerController(this, (type, media) => this.onMedia(type, media));
      return this.player;
    })();
    return this.playerLoading;
  }

  /** The player part, which the player controller drives. */
  get playerElement(): LessonPlayer | null {
    return this.renderRoot.querySelector('lesson-player');
  }

  private get apiClient(): LessonsApi | undefined {
    if (!this.api) return undefined;
    if (this.clientFor !== this.api) {
      this.client = new LessonsApi(this.api);
      this.clientFor = this.api;
    }
    return this.client;
  }

  /** The language to ask the API for: the one chosen in the widget, else the reader's. */
  private get contentLocale(): string {
    return this.chosen?.locale ?? preferredLanguage(this.getAttribute('lang')).requested;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const seen = { lesson: this.lesson, lang: this.getAttribute('lang') };
    if (this.seen && (seen.lesson !== this.seen.lesson || seen.lang !== this.seen.lang)) {
      // The host changed what to show: its choice wins over the reader's earlier switch.
      this.chosen = null;
    }
    this.seen = seen;
    const api = this.apiClient;
    if (api && (changed.has('api') || changed.has('token') || !this.authStore)) {
      const store = authStoreFor(api, this.token || null);
      if (store !== this.authStore) {
        this.authStore = store;
        if (this.isConnected) this.subscribe(store);
      }
    }
    const translator = this.i18n.translator;
    const switched = this.switched;
    if (switched && translator && translator.lang === preferredLanguage(switched.locale).ui) {
      this.switched = null;
      this.announce(translator.t('language.switched', { title: switched.title, language: nativeLanguageName(switched.locale) }));
    }
    const linkTemplate = this.linkTemplate || DEFAULT_LINK_TEMPLATE;
    const current = this.widgetState;
    if (this.loaded && translator && api) {
      if (
        current?.lesson !== this.loaded ||
        current.i18n !== translator ||
        current.api !== api ||
        current.linkTemplate !== linkTemplate
      ) {
        this.widgetState = { lesson: this.loaded, api, i18n: translator, linkTemplate };
      }
    }
    const media = this.player?.state ?? this.idleMedia;
    if (this.mediaState !== media) this.mediaState = media;
    const auth = this.auth;
    const account: AccountState = {
      status: auth?.status ?? 'anonymous',
      user: auth?.user ?? null,
      hostToken: this.authStore?.fromHost ?? false,
      progress: auth?.token ? this.progress : null,
    };
    const prev = this.accountState;
    if (prev.status !== account.status || prev.user !== account.user || prev.hostToken !== account.hostToken || prev.progress !== account.progress) {
      this.accountState = account;
    }
    const target = auth?.token && api && this.loaded ? { api, slug: this.loaded.slug, locale: this.loaded.locale, token: auth.token } : null;
    if (target && !this.progressController) void this.loadProgressController();
    this.progressController?.setTarget(target);
  }

  private async loadProgressController() {
    if (this.progressLoading) return;
    this.progressLoading = true;
    const { ProgressController } = await import('../../controllers/progress-controller.js');
    this.progressController = new ProgressController(this, {
      progress: (output, target) => this.onProgress(output, target),
      unauthorized: (token) => this.authStore?.invalidate(token),
    });
    this.requestUpdate();
  }

  private subscribe(store: AuthStore) {
    this.unsubscribe?.();
    this.auth = store.state;
    this.unsubscribe = store.subscribe((snapshot) => {
      const before = this.auth;
      this.auth = snapshot;
      if (before?.user?.id !== snapshot.user?.id && (before?.user || snapshot.user)) {
        this.emit(new LessonAuthChangeEvent({ user: snapshot.user }));
      }
      if (snapshot.expired && before?.token) this.announce(this.i18n.translator?.t('account.sessionExpired') ?? '');
      if (!snapshot.token) this.progress = null;
    });
  }

  private show(lesson: Lesson) {
    const previous = this.loaded;
    if (previous && (previous.slug !== lesson.slug || previous.locale !== lesson.locale)) {
      this.player?.reset();
      this.progress = null;
      this.resumeAt = 0;
      if (previous.locale !== lesson.locale) this.switched = lesson;
    }
    this.loaded = lesson;
    this.loadError = null;
    if (!this.deepLinkHandled) {
      this.deepLinkHandled = true;
      const time = deepLinkTime(location.hash);
      if (time !== null) void this.updateComplete.then(async () => (await this.playerController()).load(time));
    }
  }

  private announce(message: string) {
    // Cleared first, so the same message twice is announced twice.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = message));
  }

  private onMedia(type: MediaEventName, media: MediaHandle) {
    const time = media.currentTime;
    const progress = this.progressController;
    if (!progress) return;
    if (type === 'timeupdate' && !media.paused && !media.ended) progress.played(time);
    else if (type === 'seeking') progress.sought(time);
    else if (type === 'pause' || type === 'ended') progress.stopped(time);
  }

  private onProgress(output: ProgressOutput, target: ProgressTarget) {
    const first = this.progress === null;
    this.progress = output;
    if (first && !this.mediaState.started) {
      const duration = this.loaded?.video?.duration ?? Infinity;
      this.resumeAt = !output.completed && output.position > 1 && output.position < duration - 3 ? output.position : 0;
    }
    this.emit(new LessonProgressEvent({ ...output, slug: target.slug, locale: target.locale }));
  }

  private readonly onPlayRequest = (event: Event) => {
    event.stopPropagation();
    void this.playerController().then((player) => player.play(this.resumeAt));
  };

  private readonly onSeekRequest = (event: LessonSeekRequestEvent) => {
    event.stopPropagation();
    const { time, play } = event.detail;
    void this.playerController().then((player) => player.seek(time, play));
  };

  private readonly onHashChange = () => {
    const time = deepLinkTime(location.hash);
    if (time !== null && this.loaded) void this.playerController().then((player) => player.seek(time, false));
  };

  private readonly onLocaleRequest = (event: LessonLocaleRequestEvent) => {
    event.stopPropagation();
    const { locale, slug } = event.detail;
    const previousLocale = this.loaded?.locale ?? '';
    if (locale === previousLocale) return;
    const change = this.emit(new LessonLanguageChangeEvent({ locale, slug, previousLocale }));
    if (!change.defaultPrevented) this.chosen = { slug, locale };
  };

  private readonly onReportRequest = (event: LessonReportRequestEvent) => {
    event.stopPropagation();
    void this.openReport(event.detail.selection);
  };

  private readonly onAuthRequest = (event: LessonAuthRequestEvent) => {
    event.stopPropagation();
    const { action } = event.detail;
    if (action === 'logout') {
      this.progressController?.flush(true);
      this.authStore?.logout();
      this.announce(this.i18n.translator?.t('account.loggedOut') ?? '');
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('lesson-account')?.focus());
    } else {
      void this.openAuth(action);
    }
  };

  /** The report form, loaded on first use. */
  private async openReport(selection: ReportSelection | null) {
    const { LessonReportDialog } = await import('../report-dialog/report-dialog.component.js');
    LessonElement.define('lesson-report-dialog', LessonReportDialog);
    this.reportDialogWanted = true;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<LessonReportDialog>('lesson-report-dialog');
    await dialog?.updateComplete;
    const media = this.mediaState;
    let time: number | null = media.attached ? media.time : null;
    if (time === null && selection) {
      const paragraph = this.loaded?.transcript.sections.flatMap((s) => s.paragraphs).find((p) => p.id === selection.position.paragraphId);
      time = paragraph?.start ?? null;
    }
    await dialog?.show(selection, time);
  }

  /** The login and register dialog, loaded on first use. */
  private async openAuth(mode: 'login' | 'register') {
    const { LessonAuthDialog } = await import('../auth-dialog/auth-dialog.component.js');
    LessonElement.define('lesson-auth-dialog', LessonAuthDialog);
    this.authDialogWanted = true;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<LessonAuthDialog>('lesson-auth-dialog');
    await dialog?.updateComplete;
    await dialog?.show(mode);
  }

  private async onAuthDialogClose(event: LessonDialogCloseEvent) {
    if (!event.detail.completed) return;
    const name = this.auth?.user?.username ?? '';
    this.announce(this.i18n.translator?.t('account.loggedIn', { name }) ?? '');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('lesson-account')?.focus();
  }

  private renderFirstPaint() {
    const t = this.i18n.translator?.t;
    const error = this.loadError;
    return html`
      ${error && t
        ? html`<div class="error-box" role="alert">
            <p>${error.failure === 'not-found' ? t('widget.notFound') : t('widget.loadFailed')}</p>
            ${error.failure === 'not-found'
              ? nothing
              : html`<button class="button" type="button" @click=${() => this.lessonTask.run()}>${t('widget.retry')}</button>`}
          </div>`
        : nothing}
      ${this.hasLightContent
        ? html`<div class="light"><slot></slot></div>`
        : error
          ? nothing
          : html`<div class="skeleton" aria-hidden="true">
              <div class="skeleton-title"></div>
              <div class="skeleton-video"></div>
            </div>`}
      ${error || !t ? nothing : html`<p class="visually-hidden">${t('widget.loading')}</p>`}
    `;
  }

  private renderLesson(state: WidgetState) {
    const { lesson, i18n } = state;
    const { t } = i18n;
    const inOwnLanguage = lesson.locales.some((l) => baseLanguage(l.locale) === i18n.lang) || baseLanguage(lesson.locale) === i18n.lang;
    const languageName = new Intl.DisplayNames([i18n.lang], { type: 'language' }).of(lesson.locale) ?? lesson.locale;
    return html`
      <h1 part="title" class="title" lang=${lesson.locale} dir=${directionOf(lesson.locale)}>${lesson.title}</h1>
      <lesson-player exportparts="player, poster, play-button" .resumeAt=${this.resumeAt}></lesson-player>
      ${lesson.locales.length > 1
        ? html`<div class="toolbar" part="toolbar">
            <lesson-language-picker exportparts="language-select"></lesson-language-picker>
          </div>`
        : nothing}
      ${inOwnLanguage ? nothing : html`<p class="notice" role="note">${t('widget.shownIn', { language: languageName })}</p>`}
      <lesson-account part="account" exportparts="notice, progress"></lesson-account>
      <lesson-transcript
        exportparts="transcript, heading, transcript-search, transcript-body, paragraph, current-paragraph, match, current-match, downloads, report-selection, report-link"
      ></lesson-transcript>
      <lesson-links exportparts="course, tags, related"></lesson-links>
    `;
  }

  override render() {
    const ui = this.i18n.translator;
    const state = this.widgetState;
    const busy = this.lessonTask.status === TaskStatus.PENDING;
    return html`
      <div part="base" class="base" lang=${ui?.lang ?? nothing} dir=${ui?.dir ?? nothing} aria-busy=${busy ? 'true' : 'false'}>
        ${state && this.loaded ? this.renderLesson(state) : this.renderFirstPaint()}
        <div class="visually-hidden" role="status">${this.announcement}</div>
        ${this.authDialogWanted
          ? html`<lesson-auth-dialog .store=${this.authStore} @lesson-dialog-close=${this.onAuthDialogClose}></lesson-auth-dialog>`
          : nothing}
        ${this.reportDialogWanted ? html`<lesson-report-dialog></lesson-report-dialog>` : nothing}
      </div>
    `;
  }
}
