import { EVENTS, EVENT_INIT } from '../constants.js';

/** A part asks the owner to show the "Keyboard shortcuts" dialog. */
export class LessonShortcutsRequestEvent extends Event {
  static readonly type = EVENTS.shortcutsRequest;
  constructor() {
    super(LessonShortcutsRequestEvent.type, EVENT_INIT);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [EVENTS.shortcutsRequest]: LessonShortcutsRequestEvent;
  }
}
