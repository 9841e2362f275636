/**
 * `widget.js`: the one classic script a page includes. It loads the ES modules from beside itself
 * (`<base>/widget/define.js`), so the page needs no `type="module"` and no import map, and the
 * modules come from the same origin as this script.
 */
(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const base = script?.src ? new URL('widget/', script.src).href : new URL('widget/', document.baseURI).href;
  import(/* @vite-ignore */ `${base}define.js`).catch((error: unknown) => {
    console.error('lesson-widget: could not load', error);
  });
})();
