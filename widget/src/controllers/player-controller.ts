import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LessonPlayer } from '../components/player/player.component.js';
import type { MediaHandle } from '../components/player/media-handle.js';
import { MEDIA_EVENTS, type MediaEventName } from '../constants.js';
import { initialMediaState, type MediaState } from '../context.js';
import type { PassagePlayback } from './passage-playback.js';

export interface PlayerHost extends ReactiveControllerHost {
  readonly playerElement: LessonPlayer | null | undefined;
}

/**
 * The owner's side of the player: it acts on requests (play, seek) and publishes the media
 * state, which changes only when the media element confirms it through its events.
 */
export class PlayerController implements ReactiveController {
  state: MediaState = initialMediaState();
  private handle: MediaHandle | null = null;
  private attaching: Promise<MediaHandle | null> | null = null;
  /** Bumped on reset, so a player that finishes loading for a previous lesson is thrown away. */
  private generation = 0;
  /** A `#t=<start>,<end>` passage being played, to pause at its end. */
  private passage: PassagePlayback | null = null;

  constructor(
    private readonly host: PlayerHost,
    private readonly onMedia: (type: MediaEventName, media: MediaHandle) => void,
    /** The player could not be created: video.js (or the HLS engine) failed to load or start. */
    private readonly failed: (error: unknown) => void = () => undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  get media(): MediaHandle | null {
    return this.handle;
  }

  /** Loads the player without playing (for a `#t=` deep link). */
  load(startAt: number): Promise<MediaHandle | null> {
    return this.attach(startAt);
  }

  async play(startAt = 0): Promise<void> {
    const media = await this.attach(startAt);
    await media?.play().catch(() => {
      // Playback refused (autoplay policy) or interrupted: the controls stay for the reader.
    });
  }

  async seek(time: number, play: boolean): Promise<void> {
    const media = this.handle ?? (await this.attach(time));
    if (!media) return;
    if (this.handle === media && Math.abs(media.currentTime - time) > 0.05) media.seek(time);
    if (play && media.paused) await media.play().catch(() => undefined);
  }

  /**
   * Loads the player at `start` and plays to `end`, pausing there (a `#t=<start>,<end>` link).
   * When the browser refuses to start playing, the reader's play button still stops at `end`.
   */
  async playPassage(start: number, end: number): Promise<void> {
    const [{ PassagePlayback }, media] = await Promise.all([
      import('./passage-playback.js'),
      this.handle ?? this.attach(start),
    ]);
    if (!media || media !== this.handle) return;
    this.passage?.stop();
    this.passage = new PassagePlayback(media, { start, end });
    if (Math.abs(media.currentTime - start) > 0.05) media.seek(start);
    await media.play().catch(() => undefined);
  }

  /** Forgets the player (the lesson changed); the facade shows again. */
  reset(): void {
    this.passage?.stop();
    this.passage = null;
    this.generation++;
    this.attaching = null;
    this.handle = null;
    this.host.playerElement?.detach();
    this.state = initialMediaState();
    this.host.requestUpdate();
  }

  private attach(startAt: number): Promise<MediaHandle | null> {
    if (this.handle) return Promise.resolve(this.handle);
    if (this.attaching) return this.attaching;
    const generation = this.generation;
    this.set({ loading: true, error: false });
    const attaching: Promise<MediaHandle | null> = (async () => {
      try {
        const media = (await this.host.playerElement?.attach(startAt)) ?? null;
        if (generation !== this.generation) {
          media?.dispose();
          return null;
        }
        this.handle = media;
        if (media) {
          for (const type of MEDIA_EVENTS) media.on(type, () => this.confirm(type, media));
          this.set({ attached: true, loading: false, time: startAt, duration: media.duration || 0 });
        } else {
          this.set({ loading: false });
        }
        return media;
      } catch (error) {
        if (generation === this.generation) {
          this.set({ loading: false });
          this.failed(error);
        }
        return null;
      }
    })();
    this.attaching = attaching;
    void attaching.finally(() => {
      if (this.attaching === attaching) this.attaching = null;
    });
    return attaching;
  }

  private confirm(type: MediaEventName, media: MediaHandle): void {
    if (media !== this.handle) return;
    this.passage?.heard(type);
    this.set({
      time: media.currentTime,
      duration: media.duration || this.state.duration,
      paused: media.paused,
      ended: media.ended,
      started: this.state.started || type === 'play' || type === 'playing',
      error: type === 'error' ? true : type === 'playing' ? false : this.state.error,
    });
    this.onMedia(type, media);
  }

  private set(partial: Partial<MediaState>): void {
    this.state = { ...this.state, ...partial };
    this.host.requestUpdate();
  }
}
