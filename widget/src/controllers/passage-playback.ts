import type { MediaFragmentTime } from '@lessons/shared/core';
import type { MediaHandle } from '../components/player/media-handle.js';
import type { MediaEventName } from '../constants.js';

/** How far before the passage a seek may land and still be "in" it (seconds). */
const LEAD = 0.5;
/** Closer than this to the end counts as there. */
const AT_END = 0.03;

/**
 * A passage of a `#t=<start>,<end>` link, played once: the media pauses at `end` (a timer set from
 * the time left and the playback rate, checked again at every media event, so it stops on time
 * rather than at the next `timeupdate`, which comes every quarter second). A seek out of the
 * passage, the media's end, or the pause at `end` ends it: playing again goes on from there.
 */
export class PassagePlayback {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private active = true;

  constructor(
    private readonly media: MediaHandle,
    private readonly passage: MediaFragmentTime & { end: number },
  ) {}

  /** The media confirmed an event. */
  heard(type: MediaEventName): void {
    if (!this.active) return;
    const { media, passage } = this;
    const time = media.currentTime;
    if (type === 'ended' || (type === 'seeking' && (time < passage.start - LEAD || time > passage.end))) {
      this.stop();
      return;
    }
    clearTimeout(this.timer);
    if (media.paused) return;
    const left = passage.end - time;
    if (left > AT_END) {
      const rate = media.video.playbackRate || 1;
      this.timer = setTimeout(() => this.heard('timeupdate'), (left * 1000) / rate);
      return;
    }
    this.stop();
    media.pause();
    // A late timer (a busy page) went a little past the end: back to it.
    if (time > passage.end + AT_END) media.seek(passage.end);
  }

  /** Forgets the passage: the media plays on as the reader asks. */
  stop(): void {
    this.active = false;
    clearTimeout(this.timer);
  }
}
