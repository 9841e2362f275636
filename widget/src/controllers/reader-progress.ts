import type { Lesson, ProgressOutput } from '@lessons/shared/core';
import type { LessonsApi } from '../api/client.js';
import type { LessonElement } from '../base/lesson-element.js';
import type { MediaEventName } from '../constants.js';
import type { MediaHandle } from '../components/player/media-handle.js';
import type { WatchedState } from '../context.js';
import { LessonProgressEvent } from '../events/lesson-progress.js';
import type { LazyChunks } from './lazy-chunks.js';
import type { ProgressController, ProgressTarget } from './progress-controller.js';

export interface ReaderProgressOptions {
  chunks: LazyChunks;
  /** The server refused this token. */
  unauthorized(token: string): void;
  /** Playback has started already (then a saved position is no longer offered). */
  started(): boolean;
  /** The video's length in seconds, if known: a position near the end is not worth resuming. */
  duration(): number | undefined;
}

/**
 * A logged-in reader's progress in the lesson on show: it loads the recorder (a chunk anonymous
 * readers never download) once there is someone to record for, hands it what the media confirms,
 * and keeps the server's latest answer and the position to resume at.
 */
export class ReaderProgress {
  /** The server's latest answer about this reader and lesson. */
  output: ProgressOutput | null = null;
  /** Where "Resume" starts: the saved position, when the reader comes back to an unfinished lesson. */
  resumeAt = 0;
  private recorder: ProgressController | undefined;
  private loading: 'idle' | 'loading' | 'failed' = 'idle';

  constructor(
    private readonly host: LessonElement,
    private readonly options: ReaderProgressOptions,
  ) {}

  /** Whose progress in which lesson (no token: nobody logged in); called before each update. */
  follow(apiClient: LessonsApi | undefined, lesson: Lesson | null, token: string | null): void {
    const target =
      apiClient && lesson && token ? { apiClient, slug: lesson.slug, locale: lesson.locale, token } : null;
    if (!target) this.output = null;
    if (target && !this.recorder && this.loading === 'idle') void this.load();
    this.recorder?.setTarget(target);
  }

  /** Another lesson or language is on show: its progress is not known yet. */
  reset(): void {
    this.output = null;
    this.resumeAt = 0;
  }

  /**
   * The reader's map of the lesson on show (what they have watched, live, and their course); null
   * for an anonymous reader, and until their progress has been loaded.
   */
  watched(lesson: Lesson | null): WatchedState | null {
    return lesson && this.output ? (this.recorder?.watched(lesson, this.output) ?? null) : null;
  }

  /** Sends what is still unsent (before logging out). */
  flush(): void {
    this.recorder?.flush(true);
  }

  /** The media confirmed an event: what was really played is recorded. */
  heard(type: MediaEventName, media: MediaHandle): void {
    const recorder = this.recorder;
    if (!recorder) return;
    const time = media.currentTime;
    if (type === 'timeupdate' && !media.paused && !media.ended) recorder.played(time);
    else if (type === 'seeking') recorder.sought(time);
    else if (type === 'pause' || type === 'ended') recorder.stopped(time);
  }

  private async load(): Promise<void> {
    this.loading = 'loading';
    const chunk = await this.options.chunks.load(
      'progress recording',
      () => import('./progress-controller.js'),
      () => {
        this.loading = 'idle';
        this.host.requestUpdate();
      },
    );
    if (!chunk) {
      this.loading = 'failed';
      return;
    }
    this.recorder = new chunk.ProgressController(this.host, {
      progress: (output, target) => this.received(output, target),
      unauthorized: (token) => this.options.unauthorized(token),
    });
    this.host.requestUpdate();
  }

  private received(output: ProgressOutput, target: ProgressTarget): void {
    const first = this.output === null;
    this.output = output;
    if (first && !this.options.started()) {
      const duration = this.options.duration() ?? Infinity;
      this.resumeAt =
        !output.completed && output.position > 1 && output.position < duration - 3 ? output.position : 0;
    }
    this.host.requestUpdate();
    this.host.emit(new LessonProgressEvent({ ...output, slug: target.slug, locale: target.locale }));
  }
}
