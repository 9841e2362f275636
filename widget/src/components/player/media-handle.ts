import type { VideoSource } from '@lessons/shared/core';
import type { MediaEventName } from '../../constants.js';
import type { Translate } from '../../i18n/i18n.js';

/** What the player chunk needs to build a player. */
export interface PlayerConfig {
  sources: VideoSource[];
  poster: string | null;
  /** The captions track in the lesson's language, when the transcript is timed. */
  captions: { src: string; srclang: string; label: string } | null;
  /** The chapters track (one cue per transcript section), when the lesson has chapters. */
  chapters: { src: string; srclang: string; label: string } | null;
  /** The interface language, and its strings (video.js's own are made from them). */
  language: string;
  t: Translate;
  /** Where playback starts, in seconds. */
  startAt: number;
  /** The API's origin: the reader's speed and captions are remembered per origin. */
  preferencesOrigin: string;
}

/** The player as the owner drives it: methods to ask, events to hear the media confirm. */
export interface MediaHandle {
  /** The media element itself (for tests and for the text-track list). */
  readonly video: HTMLVideoElement;
  readonly currentTime: number;
  readonly duration: number;
  readonly paused: boolean;
  readonly ended: boolean;
  play(): Promise<void>;
  pause(): void;
  seek(time: number): void;
  on(type: MediaEventName, listener: () => void): void;
  focus(): void;
  dispose(): void;
}
