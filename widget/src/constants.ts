/**
 * The vocabulary of the widget: every event it dispatches, by name. Parts ask with request
 * events (they bubble to the <lesson-widget> that owns the player and the account); the owner
 * acts, and state flows back down through context only once the media element or the server
 * has confirmed it.
 */
export const EVENTS = {
  // Public: documented on <lesson-widget> / <lesson-search>.
  languageChange: 'lesson-language-change',
  progress: 'lesson-progress',
  reportSubmitted: 'lesson-report-submitted',
  authChange: 'lesson-auth-change',
  select: 'lesson-select',
  // Requests from the parts to the owner.
  playRequest: 'lesson-play-request',
  seekRequest: 'lesson-seek-request',
  localeRequest: 'lesson-locale-request',
  reportRequest: 'lesson-report-request',
  authRequest: 'lesson-auth-request',
  loadFailure: 'lesson-load-failure',
  announceRequest: 'lesson-announce-request',
  shortcutsRequest: 'lesson-shortcuts-request',
  captionStyleRequest: 'lesson-caption-style-request',
  // Inside the widget only: a dialog tells its owner it closed (it does not bubble).
  dialogClose: 'lesson-dialog-close',
} as const;

export type EventName = (typeof EVENTS)[keyof typeof EVENTS];

/** Options shared by all our events: they bubble out of shadow roots to the host page. */
export const EVENT_INIT = { bubbles: true, composed: true } as const satisfies EventInit;

/** Media events the owner listens to; state changes only when one of these confirms it. */
export const MEDIA_EVENTS = [
  'play',
  'playing',
  'pause',
  'ended',
  'timeupdate',
  'seeking',
  'seeked',
  'loadedmetadata',
  'ratechange',
  'error',
  'waiting',
] as const;
export type MediaEventName = (typeof MEDIA_EVENTS)[number];

/** How often progress is sent while the video plays, in seconds of playback. */
export const PROGRESS_INTERVAL = 15;
