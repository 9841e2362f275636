import type { VideoSource } from '@lessons/shared/core';
import type { MediaEventName } from '../../constants.js';
import type { PlayerCommand } from '../../controllers/keyboard-shortcuts.js';
import type { CaptionStyle } from './caption-style.js';
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
  /** The API's origin: the reader's speed, captions and caption style are remembered per origin. */
  preferencesOrigin: string;
  /** Asks for the caption style dialog (the control bar's "Caption style" button shows only with it). */
  openCaptionStyle?: () => void;
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
  /**
   * Does what a keyboard shortcut asks (play/pause, ∓10 s, slower/faster, captions on/off,
   * fullscreen) and returns what a screen reader should hear about it ('' for nothing).
   */
  command(action: PlayerCommand): string;
  /** How captions look now (the reader's remembered style, or the default). */
  readonly captionStyle: CaptionStyle;
  /** Shows captions in `style` at once, and remembers it for the next lesson. */
  setCaptionStyle(style: CaptionStyle): void;
  on(type: MediaEventName, listener: () => void): void;
  focus(): void;
  dispose(): void;
}
