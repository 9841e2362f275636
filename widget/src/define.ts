/**
 * Registers <lesson-widget> and <lesson-search> and the parts they render, each through its own
 * `x.ts` (a tag already registered is skipped, so the script may be included twice). The
 * bundle's entry, loaded by `widget.js`. The dialogs are chunks of their own: their `x.ts` is
 * imported, and their tag registered, when the reader first opens one.
 */
import './components/account/account.js';
import './components/language-picker/language-picker.js';
import './components/lesson-links/lesson-links.js';
import './components/player/player.js';
import './components/transcript/transcript.js';

export { LessonSearch } from './components/lesson-search/lesson-search.js';
export { LessonWidget } from './components/lesson-widget/lesson-widget.js';
