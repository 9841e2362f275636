import { EVENTS, EVENT_INIT } from '../constants.js';

/** A part asks the owner to move playback to `time` (seconds) and, with `play`, to play from there. */
export class LessonSeekRequestEvent extends Event {
  static readonly type = EVENTS.seekRequest;
  constructor(readonly detail: { time: number; play: boolean }) {
    super(LessonSeekRequestEvent.type, EVENT_INIT);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [EVENTS.seekRequest]: LessonSeekRequestEvent;
  }
}
