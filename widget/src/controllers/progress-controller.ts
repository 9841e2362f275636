import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  PlayedRanges,
  mergeSegments,
  type Lesson,
  type ProgressOutput,
  type Segment,
} from '@lessons/shared/core';
import type { LessonsApi } from '../api/client.js';
import type { LessonsApiError } from '../api/errors.js';
import { PROGRESS_INTERVAL } from '../constants.js';
import type { WatchedState } from '../context.js';
import { ReaderMap } from './reader-map.js';

export interface ProgressTarget {
  apiClient: LessonsApi;
  slug: string;
  locale: string;
  token: string;
}

export interface ProgressCallbacks {
  /** The server recorded progress (or told us where the reader is, on load). */
  progress(output: ProgressOutput, target: ProgressTarget): void;
  /** The token was refused. */
  unauthorized(token: string): void;
}

const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;

/**
 * Records what a logged-in reader really plays and sends it: every ~15 s of playback, on pause,
 * at the end and when the page is hidden (with `keepalive`, so it outlives the page). Seeking
 * never counts as watching (`PlayedRanges`). What fails to send stays queued, merged with what
 * comes next, and is retried with a growing delay and when the browser comes back online.
 */
export class ProgressController implements ReactiveController {
  private target: ProgressTarget | null = null;
  private ranges = new PlayedRanges();
  /** Played segments not yet accepted by the server. */
  private queue: Segment[] = [];
  /** Segments sent and not answered yet: still shown on the reader's map meanwhile. */
  private sending: Segment[] = [];
  private readonly map: ReaderMap;
  private position = 0;
  private positionChanged = false;
  private sinceSent = 0;
  private lastTime: number | null = null;
  private inFlight: Promise<void> | null = null;
  private sendAgain = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = FIRST_RETRY_MS;
  private loadAbort: AbortController | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly callbacks: ProgressCallbacks,
  ) {
    host.addController(this);
    this.map = new ReaderMap(() => host.requestUpdate());
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onHidden);
    window.addEventListener('pagehide', this.onPageHide);
    window.addEventListener('online', this.onOnline);
  }

  hostDisconnected(): void {
    this.flush(true);
    document.removeEventListener('visibilitychange', this.onHidden);
    window.removeEventListener('pagehide', this.onPageHide);
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.retryTimer);
  }

  /** Whose progress in which lesson; null for an anonymous reader. Loads the saved progress. */
  setTarget(target: ProgressTarget | null): void {
    const same =
      target &&
      this.target &&
      target.apiClient === this.target.apiClient &&
      target.slug === this.target.slug &&
      target.locale === this.target.locale &&
      target.token === this.target.token;
    if (same || (!target && !this.target)) return;
    // What the reader played of the previous lesson (or before logging out) still goes out.
    this.flush(true);
    clearTimeout(this.retryTimer);
    this.target = target;
    this.ranges = new PlayedRanges();
    this.queue = [];
    this.sending = [];
    this.map.reset();
    this.positionChanged = false;
    this.sinceSent = 0;
    this.lastTime = null;
    this.retryDelay = FIRST_RETRY_MS;
    this.loadAbort?.abort();
    if (target) void this.load(target);
  }

  private async load(target: ProgressTarget): Promise<void> {
    this.loadAbort = new AbortController();
    try {
      const output = await target.apiClient.getProgress(
        target.slug,
        target.locale,
        target.token,
        this.loadAbort.signal,
      );
      if (this.target === target) this.callbacks.progress(output, target);
    } catch (error) {
      if ((error as LessonsApiError).failure === 'unauthorized') this.callbacks.unauthorized(target.token);
    }
  }

  /** The media element confirmed playback at `time` (a `timeupdate` while playing). */
  played(time: number): void {
    if (!this.target) return;
    this.ranges.tick(time);
    this.position = time;
    this.positionChanged = true;
    if (this.lastTime !== null) {
      const step = time - this.lastTime;
      if (step > 0 && step <= 1.5) this.sinceSent += step;
    }
    this.lastTime = time;
    if (this.sinceSent >= PROGRESS_INTERVAL) this.flush();
  }

  /** Playback jumped (a seek): the next tick starts a new segment. */
  sought(time: number): void {
    this.ranges.stop();
    this.lastTime = null;
    this.position = time;
    this.positionChanged = this.target !== null;
  }

  /** Paused or ended: close the segment and send. */
  stopped(time: number): void {
    if (!this.target) return;
    this.ranges.stop();
    this.lastTime = null;
    this.position = time;
    this.positionChanged = true;
    this.flush();
  }

  /** Sends what was played since the last answer, together with anything still queued. */
  flush(keepalive = false): void {
    if (!this.target) return;
    const taken = this.ranges.take();
    if (taken.length) this.queue = mergeSegments([...this.queue, ...taken]);
    if (!this.queue.length && !this.positionChanged) return;
    this.sinceSent = 0;
    if (keepalive) {
      // The page may be going away: no waiting for a request in flight.
      void this.send(this.target, true);
      return;
    }
    if (this.inFlight) {
      this.sendAgain = true;
      return;
    }
    this.inFlight = this.send(this.target, false).finally(() => {
      this.inFlight = null;
      if (this.sendAgain) {
        this.sendAgain = false;
        this.flush();
      }
    });
  }

  /** Settles when nothing is being sent; for tests and for orderly shutdowns. */
  async settled(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  get pendingSegments(): readonly Segment[] {
    return this.queue;
  }

  /**
   * The reader's map of `lesson` (the target's), live: `output`'s segments joined with what is
   * being played, queued or sent; null when nobody is logged in.
   */
  watched(lesson: Lesson, output: ProgressOutput): WatchedState | null {
    const target = this.target;
    if (!target || target.slug !== lesson.slug || target.locale !== lesson.locale) return null;
    const unsent = [...this.sending, ...this.queue, ...this.ranges.peek()];
    return this.map.stateFor(lesson, output, target, unsent);
  }

  private async send(target: ProgressTarget, keepalive: boolean): Promise<void> {
    const segments = this.queue;
    const position = Math.round(this.position * 100) / 100;
    this.queue = [];
    this.sending = mergeSegments([...this.sending, ...segments]);
    this.positionChanged = false;
    try {
      const output = await target.apiClient.putProgress(
        target.slug,
        target.locale,
        target.token,
        { segments, position },
        { keepalive },
      );
      this.retryDelay = FIRST_RETRY_MS;
      if (this.target === target) {
        this.sending = [];
        this.callbacks.progress(output, target);
      }
    } catch (error) {
      if (this.target === target) this.sending = [];
      const failure = error as LessonsApiError;
      if (failure.failure === 'unauthorized') {
        this.callbacks.unauthorized(target.token);
        return;
      }
      if (!failure.retriable || this.target !== target) return;
      this.queue = mergeSegments([...segments, ...this.queue]);
      this.positionChanged = true;
      this.scheduleRetry(failure.retryAfter);
    }
  }

  private scheduleRetry(retryAfter?: number): void {
    clearTimeout(this.retryTimer);
    const delay = retryAfter !== undefined ? retryAfter * 1000 : this.retryDelay;
    this.retryDelay = Math.min(MAX_RETRY_MS, this.retryDelay * 2);
    this.retryTimer = setTimeout(() => this.flush(), delay);
  }

  private readonly onHidden = () => {
    if (document.visibilityState === 'hidden') this.flush(true);
  };

  private readonly onPageHide = () => this.flush(true);

  private readonly onOnline = () => {
    if (this.queue.length) {
      clearTimeout(this.retryTimer);
      this.flush();
    }
  };
}
