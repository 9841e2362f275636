import { html, nothing } from 'lit';
import { consume } from '@lit/context';
import { query, state } from 'lit/decorators.js';
import { LessonElement } from '../../base/lesson-element.js';
import { sharedStyles } from '../../base/shared.styles.js';
import {
  initialMediaState,
  mediaContext,
  widgetContext,
  type MediaState,
  type WidgetState,
} from '../../context.js';
import { LessonCaptionStyleRequestEvent } from '../../events/lesson-caption-style-request.js';
import { LessonPlayRequestEvent } from '../../events/lesson-play-request.js';
import { formatTime, loadLaterStrings } from '../../i18n/i18n.js';
import type { MediaHandle } from './media-handle.js';
import { playerStyles } from './player.styles.js';

/**
 * The video box. Until the reader plays, only a poster facade with a play button: video.js is
 * loaded (as its own chunk) when the owner calls `attach()`. The facade asks to play with a
 * `lesson-play-request`; it never starts the player itself. A lesson with sections gets a chapters
 * track: video.js's chapters menu in the control bar, and a marker on the progress bar at each
 * chapter's start (a button named after the chapter, its title shown on hover and focus). The
 * reader's speed, captions (on or off, and their language) and caption style (a "Caption style"
 * button in the control bar, next to the captions menu: text size, colour, background) are
 * remembered in localStorage for the `api` origin and apply to the next lesson.
 *
 * @csspart player - The 16:9 box.
 * @csspart poster - The poster image of the facade.
 * @csspart play-button - The facade's play button.
 */
export class LessonPlayer extends LessonElement {
  static override styles = [sharedStyles, playerStyles];

  @consume({ context: widgetContext, subscribe: true })
  @state()
  widget: WidgetState | undefined;

  @consume({ context: mediaContext, subscribe: true })
  @state()
  media: MediaState = initialMediaState();

  /** Where playback will start (a saved position); shown on the play button. */
  @state() resumeAt = 0;

  @query('.stage') private stage!: HTMLElement | null;

  private handle: MediaHandle | null = null;
  /** The facade's play button had the focus when the player was asked for: the player takes it. */
  private focusOnAttach = false;

  /** Loads video.js into the box and returns the player, starting at `startAt` seconds. */
  async attach(startAt: number): Promise<MediaHandle | null> {
    if (this.handle) return this.handle;
    const widget = this.widget;
    const video = widget?.lesson.video;
    if (!widget || !video) return null;
    // The facade (and its button) goes when the player comes: keep a keyboard reader's place.
    this.focusOnAttach = (this.renderRoot as ShadowRoot).activeElement?.matches('button.play') ?? false;
    const [{ createPlayer, playerConfig, videoJsStyles }] = await Promise.all([
      import('./video-js.js'),
      this.updateComplete,
      // The control bar's strings, and the dialogs', in the reader's language.
      loadLaterStrings(widget.i18n.lang),
    ]);
    const root = this.renderRoot as ShadowRoot;
    const sheet = videoJsStyles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
    if (!this.stage || this.widget !== widget) return null;
    const config = playerConfig(widget, startAt, () => this.emit(new LessonCaptionStyleRequestEvent()));
    this.handle = await createPlayer(this.stage, config);
    return this.handle;
  }

  protected override updated(): void {
    if (this.focusOnAttach && this.handle && this.media.attached) {
      this.focusOnAttach = false;
      this.handle.focus();
    }
  }

  /** Removes the player; the facade shows again. */
  detach(): void {
    this.handle?.dispose();
    this.handle = null;
    this.focusOnAttach = false;
    this.stage?.replaceChildren();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detach();
  }

  private requestPlay() {
    this.emit(new LessonPlayRequestEvent());
  }

  override render() {
    if (!this.widget) return nothing;
    const { lesson, i18n } = this.widget;
    const { t } = i18n;
    const video = lesson.video;
    const facade = !this.media.attached;
    return html`
      <div part="player" class="box" role="region" aria-label=${t('player.region', { title: lesson.title })}>
        ${
          video
            ? html`
              <div class="stage" ?hidden=${facade}></div>
              ${
                facade
                  ? html`
                    ${video.poster ? html`<img part="poster" class="poster" src=${video.poster} alt="" decoding="async" fetchpriority="high" />` : nothing}
                    <button
                      part="play-button"
                      class="play"
                      type="button"
                      aria-busy=${this.media.loading ? 'true' : 'false'}
                      ?disabled=${this.media.loading}
                      @click=${this.requestPlay}
                    >
                      <span class="icon" aria-hidden="true">
                        <svg viewBox="0 0 24 24" focusable="false"><path d="M7 4.5v15a1 1 0 0 0 1.5.86l12.5-7.5a1 1 0 0 0 0-1.72L8.5 3.64A1 1 0 0 0 7 4.5z" /></svg>
                      </span>
                      <span class="label">
                        ${
                          this.media.loading
                            ? t('player.loading')
                            : this.resumeAt > 0
                              ? t('player.resumeAt', { time: formatTime(this.resumeAt) })
                              : t('player.play')
                        }
                      </span>
                    </button>
                  `
                  : nothing
              }
              ${this.media.error ? html`<p class="message" role="alert">${t('player.failed')}</p>` : nothing}
            `
            : html`<p class="no-video">${t('player.noVideo')}</p>`
        }
      </div>
    `;
  }
}
