import { EVENTS, EVENT_INIT } from '../constants.js';

/** A part asks the owner to start (or resume) playback. */
export class LessonPlayRequestEvent extends Event {
  static readonly type = EVENTS.playRequest;
  constructor() {
    super(LessonPlayRequestEvent.type, EVENT_INIT);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [EVENTS.playRequest]: LessonPlayRequestEvent;
  }
}
