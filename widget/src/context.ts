import { createContext } from '@lit/context';
import type { CourseProgressList, Lesson, ProgressOutput, Segment } from '@lessons/shared/core';
import type { AuthUser, LessonsApi } from './api/client.js';
import type { Translator } from './i18n/i18n.js';

/** What every part of one widget shares: the lesson, the reader's language and the API client. */
export interface WidgetState {
  lesson: Lesson;
  /** The client of the API at the widget's `api` URL. */
  apiClient: LessonsApi;
  i18n: Translator;
  /** See `link-template` on <lesson-widget>. */
  linkTemplate: string;
  /** The passage of the page's `#t=<start>,<end>` link, which the transcript marks (null: none). */
  passage: { start: number; end: number } | null;
  /** The keyboard shortcuts are on (`shortcuts` on <lesson-widget> is not `off`). */
  shortcuts: boolean;
}
export const widgetContext = createContext<WidgetState | undefined>(Symbol('lesson-widget'));

/** The media element's state, as it last confirmed it. */
export interface MediaState {
  /** The player (video.js) has been created; before that only the poster facade shows. */
  attached: boolean;
  /** Playback has started at least once. */
  started: boolean;
  paused: boolean;
  ended: boolean;
  /** The player's code or the video is loading. */
  loading: boolean;
  error: boolean;
  time: number;
  duration: number;
}
export const initialMediaState = (): MediaState => ({
  attached: false,
  started: false,
  paused: true,
  ended: false,
  loading: false,
  error: false,
  time: 0,
  duration: 0,
});
export const mediaContext = createContext<MediaState>(Symbol('lesson-media'));

export type AccountStatus = 'anonymous' | 'checking' | 'signed-in';

/** The reader: who is logged in, and their progress in this lesson and course. */
export interface AccountState {
  status: AccountStatus;
  user: AuthUser | null;
  /** Set when the token came from the host page's `token` attribute (the host handles logout). */
  hostToken: boolean;
  progress: ProgressOutput | null;
}
export const accountContext = createContext<AccountState>(Symbol('lesson-account'));

/**
 * `next`, unless it holds the same values as `previous`: then `previous`, so that the parts
 * reading a context are not told of a change when there is none.
 */
export function unlessUnchanged<T extends object>(previous: T | undefined, next: T): T {
  const same = previous && (Object.keys(next) as Array<keyof T>).every((key) => previous[key] === next[key]);
  return same ? previous : next;
}

/**
 * A logged-in reader's own map of the lesson (the "watched map"): what they have really played,
 * kept live while they play, and their way through the course. Null for anonymous readers.
 */
export interface WatchedState {
  /** Played segments, merged: the server's and those not sent (or not answered) yet. */
  segments: readonly Segment[];
  /** Where "Continue with what you missed" plays from; null when everything is watched. */
  nextUnwatched: number | null;
  /** Each lesson of the course with the reader's percent, once loaded (null: no course, or not yet). */
  course: CourseProgressList | null;
}
export const watchedContext = createContext<WatchedState | null>(Symbol('lesson-watched'));
