import { EVENTS, EVENT_INIT } from '../constants.js';

/** The player asks the owner to show the "Caption style" dialog (its control bar button). */
export class LessonCaptionStyleRequestEvent extends Event {
  static readonly type = EVENTS.captionStyleRequest;
  constructor() {
    super(LessonCaptionStyleRequestEvent.type, EVENT_INIT);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [EVENTS.captionStyleRequest]: LessonCaptionStyleRequestEvent;
  }
}
