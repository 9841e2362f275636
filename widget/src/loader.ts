/**
 * `widget.js`: the one classic script a page includes. It loads the ES modules from beside itself
 * (`<base>/widget/define.js`), so the page needs no `type="module"` and no import map, and the
 * modules come from the same origin as this script.
 */
import { UNDEFINED_TAGS_CSS } from './base/first-box.js';

(() => {
  // The page's first layout already keeps the widget's box (a constructed sheet: no <style> for
  // a strict Content-Security-Policy to refuse, and it only matches our tags until defined).
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(UNDEFINED_TAGS_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // A browser without constructed stylesheets: the widget still works, its box is kept later.
  }
  const script = document.currentScript as HTMLScriptElement | null;
  const base = script?.src ? new URL('widget/', script.src).href : new URL('widget/', document.baseURI).href;
  import(/* @vite-ignore */ `${base}define.js`).catch((error: unknown) => {
    console.error('lesson-widget: could not load', error);
  });
})();
