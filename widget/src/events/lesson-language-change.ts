import { EVENTS, EVENT_INIT } from '../constants.js';

export interface LessonLanguageChangeDetail {
  /** The language the reader chose. */
  locale: string;
  /** The lesson's slug in that language. */
  slug: string;
  /** The language shown before. */
  previousLocale: string;
}

/**
 * The reader picked another language. Cancelable: a host that wants a page navigation instead
 * (say, to the localized URL) calls `preventDefault()` and the widget stays as it is.
 */
export class LessonLanguageChangeEvent extends Event {
  static readonly type = EVENTS.languageChange;
  constructor(readonly detail: LessonLanguageChangeDetail) {
    super(LessonLanguageChangeEvent.type, { ...EVENT_INIT, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [EVENTS.languageChange]: LessonLanguageChangeEvent;
  }
}
