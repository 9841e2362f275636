import type { ReactiveController } from 'lit';
import type { MediaFragmentTime } from '@lessons/shared/core';
import type { LessonElement } from '../base/lesson-element.js';
import type { MediaHandle } from '../components/player/media-handle.js';
import type { MediaEventName } from '../constants.js';
import { initialMediaState, type MediaState } from '../context.js';
import type { LazyChunks } from './lazy-chunks.js';
import type { PlayerController, PlayerHost } from './player-controller.js';

export interface PlayerLoaderOptions {
  chunks: LazyChunks;
  /** The media confirmed an event (for progress recording). */
  heard(type: MediaEventName, media: MediaHandle): void;
  /** A lesson is on show (a `#t=` change before it has nothing to seek in). */
  hasLesson(): boolean;
}

/**
 * The owner's way to the player: the player controller and video.js are chunks loaded on the
 * reader's first play (or at once for a `#t=` deep link in the page URL, and on later `#t=`
 * changes: `#t=a` loads the player at a, `#t=a,b` plays the passage from a to b and pauses). Play and seek requests wait for them; when they fail to load, "Try again" repeats
 * the reader's last request.
 */
export class PlayerLoader implements ReactiveController {
  private controller: PlayerController | undefined;
  private loading: Promise<PlayerController | undefined> | undefined;
  private lastRequest: (() => void) | undefined;
  private deepLinkHandled = false;
  /** The passage of the page's `#t=<start>,<end>` link (null without one), for the transcript to mark. */
  passage: (MediaFragmentTime & { end: number }) | null = null;
  private readonly idle = initialMediaState();

  constructor(
    private readonly host: PlayerHost & LessonElement,
    private readonly options: PlayerLoaderOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.onHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHashChange);
  }

  /** The media state as the player last confirmed it (idle before there is a player). */
  get state(): MediaState {
    return this.controller?.state ?? this.idle;
  }

  get media(): MediaHandle | null {
    return this.controller?.media ?? null;
  }

  play(startAt: number): void {
    this.request((player) => player.play(startAt));
  }

  seek(time: number, play: boolean): void {
    this.request((player) => player.seek(time, play));
  }

  /** Another lesson is on show: the facade comes back. */
  reset(): void {
    this.controller?.reset();
  }

  /** A lesson arrived; the first one starts at the page's `#t=` deep link, if any. */
  shown(): void {
    if (this.deepLinkHandled) return;
    this.deepLinkHandled = true;
    void this.followLink(true);
  }

  /**
   * Goes to the page's `#t=` link: the first lesson loads (or plays the passage) there, a later
   * change of the link moves an open player (once a lesson is on show).
   */
  private async followLink(first: boolean): Promise<void> {
    const link = await this.readLink(() => void this.followLink(first));
    if (!link) return;
    if (first) {
      await this.host.updateComplete;
      this.go(link, false);
    } else if (this.options.hasLesson()) this.go(link, true);
  }

  /**
   * The page's `#t=` link, its passage kept for the transcript (the same object while unchanged).
   * Its parser is a chunk (deep-link.ts) loaded only when the page's fragment has a `name=value`.
   */
  private async readLink(retry: () => void): Promise<MediaFragmentTime | null> {
    const hash = location.hash;
    const parser = hash.includes('=')
      ? await this.options.chunks.load('the link to a time', () => import('./deep-link.js'), retry)
      : undefined;
    const link = parser?.parseMediaFragment(hash) ?? null;
    const end = link?.end ?? null;
    if (this.passage?.start !== link?.start || (this.passage?.end ?? null) !== end) {
      this.passage = link && end !== null ? { start: link.start, end } : null;
      this.host.requestUpdate();
    }
    return link;
  }

  /** To a `#t=` link: a passage plays, a time loads (`seek`: an open player goes there). */
  private go(link: MediaFragmentTime, seek: boolean): void {
    const { start, end } = link;
    if (end !== null) this.request((player) => player.playPassage(start, end));
    else if (seek) this.seek(start, false);
    else this.request((player) => player.load(start));
  }

  private request(action: (player: PlayerController) => Promise<unknown>): void {
    const run = () => {
      this.lastRequest = run;
      void this.player(run).then((player) => player && action(player));
    };
    run();
  }

  private player(retry: () => void): Promise<PlayerController | undefined> {
    this.loading ??= (async () => {
      // Start fetching video.js right away rather than after the controller has arrived.
      void import('../components/player/video-js.js').catch(() => undefined);
      const chunk = await this.options.chunks.load(
        'the player',
        () => import('./player-controller.js'),
        retry,
      );
      if (!chunk) {
        this.loading = undefined;
        return undefined;
      }
      this.controller = new chunk.PlayerController(
        this.host,
        (type, media) => this.options.heard(type, media),
        (error) => this.options.chunks.fail('video.js', () => this.lastRequest?.(), error),
      );
      return this.controller;
    })();
    return this.loading;
  }

  private readonly onHashChange = () => void this.followLink(false);
}
