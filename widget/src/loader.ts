/**
 * `widget.js`: the one classic script a page includes. It loads the ES modules from beside itself
 * (`<base>/widget/define.js`), so the page needs no `type="module"` and no import map, and the
 * modules come from the same origin as this script.
 */
import { UNDEFINED_TAGS_CSS } from './base/first-box.js';

/** The longest a server-rendered widget's modules wait for its poster to paint (see below). */
const POSTER_WAIT_MS = 2500;

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
  const load = () =>
    import(/* @vite-ignore */ `${base}define.js`).catch((error: unknown) => {
      console.error('lesson-widget: could not load', error);
    });
  // A server-rendered widget (embed.html) already shows its lesson, and its poster is usually the
  // page's largest paint: the modules wait until that poster has painted, so that the reader sees
  // the lesson before the widget's code runs; at most POSTER_WAIT_MS, so that a slow poster (or a
  // background tab, which paints nothing) does not hold the widget back. Only posters in view are
  // waited for (one further down paints when scrolled to). An empty tag has nothing to show before
  // the modules: they load at once.
  const inView = (img: HTMLImageElement) => {
    const box = img.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight;
  };
  // A poster that could not load never paints: it is not waited for.
  const broken = (img: HTMLImageElement) => img.complete && !img.naturalWidth;
  const posters = [
    ...document.querySelectorAll<HTMLImageElement>('lesson-widget:not(:defined) > img'),
  ].filter((img) => inView(img) && !broken(img));
  if (!posters.length) {
    void load();
    return;
  }
  void Promise.race([postersPainted(posters), new Promise((late) => setTimeout(late, POSTER_WAIT_MS))]).then(
    load,
  );
})();

/**
 * When every poster has painted: told by the Element Timing API where the browser has it (the
 * fragment's poster carries `elementtiming`), else guessed as the second frame after decoding.
 */
function postersPainted(posters: HTMLImageElement[]): Promise<unknown> {
  if (
    PerformanceObserver.supportedEntryTypes?.includes('element') &&
    posters.every((img) => img.hasAttribute('elementtiming'))
  ) {
    const waiting = new Set<Element>(posters);
    return new Promise<void>((done) => {
      const settle = (img: Element) => {
        waiting.delete(img);
        if (waiting.size) return;
        observer.disconnect();
        done();
      };
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          settle((entry as PerformanceEntry & { element: Element }).element);
      });
      // One that fails to load later never paints either.
      for (const img of posters) img.addEventListener('error', () => settle(img), { once: true });
      observer.observe({ type: 'element', buffered: true });
    });
  }
  const frame = () => new Promise((next) => requestAnimationFrame(next));
  return Promise.all(posters.map((img) => img.decode().catch(() => undefined)))
    .then(frame)
    .then(frame);
}
