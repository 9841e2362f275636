import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startStrapi, testPortOffset, type TestStrapi } from '../support/strapi.ts';

/**
 * A site owner's own page, on a third origin (neither Strapi's nor the demo host's): only the
 * script tag and two widgets, two lessons in two languages, under style rules that would wreck
 * anything they reached. The same page without those rules is the reference: what the widgets
 * show must be the same on both, since only the font and colour the page gives are theirs.
 */
const ENGLISH = {
  id: 'first',
  slug: 'regaining-social-connection',
  lang: 'en',
  title: 'Regaining social connection',
};
const SPANISH = {
  id: 'second',
  slug: 'pedir-ayuda-profesional',
  lang: 'es',
  title: 'Pedir ayuda profesional',
};

/** What the owner's page gives every text, hostile or not: its font and colour. */
const OWN_STYLE = `body { margin: 0; padding: 0; font: 17px/1.7 Georgia, serif; color: rgb(40, 40, 90); }`;
/** Rules a careless or hostile site has: every inherited text property and every element type. */
const HOSTILE_STYLE = `
  body { letter-spacing: 3px; word-spacing: 9px; text-transform: uppercase; text-align: right;
    text-indent: 30px; white-space: pre; text-shadow: 2px 2px 2px lime; cursor: crosshair;
    list-style: square inside; word-break: break-all; font-style: normal; }
  p, h1, h2, h3, h4, ul, ol, li, a, span, div, section, nav, label, figure, details, summary, dialog, form {
    margin: 40px !important; padding: 25px !important; color: red !important; background: yellow !important;
    font-size: 31px !important; border: 4px dashed magenta !important; line-height: 4 !important; }
  button, input, select, textarea { all: unset; background: lime !important; color: black !important;
    border: 6px dotted orange !important; font-size: 40px !important; padding: 20px !important; }
  video, img, svg { display: none !important; filter: blur(5px) !important; }
  [part], [role], [hidden] { outline: 9px solid red !important; display: block !important; }`;

const page = (cms: string, hostile: boolean) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A site of one's own</title>
    <style>${OWN_STYLE}${hostile ? HOSTILE_STYLE : ''}</style>
    <script src="${cms}/api/lessons/widget.js" defer></script>
  </head>
  <body>
    <h1>Our own site</h1>
    <p>Two lessons, one in English and one in Spanish.</p>
    <button type="button">A button of the site</button>
    ${[ENGLISH, SPANISH]
      .map(
        (l) =>
          `<lesson-widget id="${l.id}" api="${cms}" lesson="${l.slug}" lang="${l.lang}"></lesson-widget>`,
      )
      .join('\n    ')}
  </body>
</html>`;

/** Computed styles that differ between the page's rules and none would show a leak. */
const PROPERTIES = [
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-align',
  'text-indent',
  'text-shadow',
  'white-space',
  'word-break',
  'cursor',
  'list-style-type',
  'display',
  'float',
  'margin-top',
  'margin-left',
  'padding-top',
  'padding-left',
  'border-top-style',
  'border-top-width',
  'outline-style',
  'filter',
];

/**
 * Every element in a widget's shadow trees, in order, as `tag{property: value; …}`. A string
 * expression (not a function) so the TypeScript loader adds nothing to it.
 */
const styleSnapshot = (id: string) => `(() => {
  const props = ${JSON.stringify(PROPERTIES)};
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const cs = getComputedStyle(el);
      out.push(el.localName + (el.getAttribute('part') ? '::' + el.getAttribute('part') : '') + '{' +
        props.map((p) => p + ': ' + cs.getPropertyValue(p)).join('; ') + '}');
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document.getElementById(${JSON.stringify(id)}).shadowRoot);
  return out;
})()`;

const videoState = (id: string) => `(() => {
  const find = (root) => {
    const v = root.querySelector('video');
    if (v) return v;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const f = find(el.shadowRoot); if (f) return f; }
    return null;
  };
  const v = find(document.getElementById(${JSON.stringify(id)}).shadowRoot);
  return v ? { time: v.currentTime, paused: v.paused } : null;
})()`;

/** Which widget holds the focus, and the part (through shadow roots) that has it. */
const focusedPart = `(() => {
  let a = document.activeElement;
  const widget = a && a.localName === 'lesson-widget' ? a.id : null;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return widget ? { widget, part: a.getAttribute('part') } : null;
})()`;

describe("a site owner's page with two widgets and hostile styles", () => {
  let strapi: TestStrapi;
  let server: Server;
  let site: string;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    strapi = await startStrapi(1470, { SERVE_ADMIN_PANEL: 'false' });
    server = createServer((req, res) => {
      const hostile = !req.url?.startsWith('/plain');
      if (req.url === '/favicon.ico') return res.writeHead(204).end();
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page(strapi.url, hostile));
    });
    const port = 8170 + testPortOffset();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    // Another host name than Strapi's 127.0.0.1: a third origin, as a real site would be.
    site = `http://localhost:${port}`;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await strapi?.stop();
  });

  const widget = (p: Page, id: string): Locator => p.locator(`#${id}`);
  const open = async (path: string): Promise<Page> => {
    const p = await context.newPage();
    await p.goto(`${site}${path}`);
    for (const lesson of [ENGLISH, SPANISH])
      await widget(p, lesson.id).getByRole('heading', { name: lesson.title, level: 1 }).waitFor();
    return p;
  };
  const video = (p: Page, id: string) => p.evaluate<{ time: number; paused: boolean } | null>(videoState(id));
  /** The page of the two playing widgets, kept open for the next test. */
  let playing: Page | undefined;

  it('shows both lessons, each in its own language, exactly as on the same page without the hostile rules', async () => {
    const plain = await open('/plain');
    const hostile = await open('/');
    assert.notEqual(new URL(site).origin, new URL(strapi.url).origin);
    for (const lesson of [ENGLISH, SPANISH]) {
      const reference = await plain.evaluate<string[]>(styleSnapshot(lesson.id));
      const seen = await hostile.evaluate<string[]>(styleSnapshot(lesson.id));
      assert.ok(reference.length > 50, `${lesson.id}: ${reference.length} elements compared`);
      const leaks = seen.flatMap((style, i) =>
        style === reference[i] ? [] : [`${reference[i]}\n→ ${style}`],
      );
      assert.equal(seen.length, reference.length, `${lesson.id}: the same elements`);
      assert.deepEqual(
        leaks.slice(0, 5),
        [],
        `${lesson.id}: ${leaks.length} elements styled by the host page`,
      );
    }
    // The font the page gives is the widget's; its own colours are its theme's.
    const font = await widget(hostile, ENGLISH.id).evaluate((el) => getComputedStyle(el).fontFamily);
    assert.equal(font, 'Georgia, serif');
    assert.equal(await widget(hostile, ENGLISH.id).getAttribute('lang'), 'en');
    await widget(hostile, ENGLISH.id).getByRole('button', { name: 'Play the video', exact: true }).waitFor();
    await widget(hostile, SPANISH.id)
      .getByRole('button', { name: 'Reproducir el vídeo', exact: true })
      .waitFor();
    await plain.close();
    await hostile.close();
  });

  it('plays both at once, and what the reader does in one stays in that one', async () => {
    const p = await open('/');
    const first = widget(p, ENGLISH.id);
    const second = widget(p, SPANISH.id);

    await first.getByRole('button', { name: 'Play the video', exact: true }).click();
    await p.waitForFunction(`(${videoState(ENGLISH.id)})?.time > 0.5`, undefined, { timeout: 30_000 });
    await second.getByRole('button', { name: 'Reproducir el vídeo', exact: true }).click();
    await p.waitForFunction(`(${videoState(SPANISH.id)})?.time > 0.5`, undefined, { timeout: 30_000 });
    const one = await video(p, ENGLISH.id);
    assert.ok(one, 'the first has its video');
    assert.equal(one.paused, false, 'playing the second did not pause the first');
    await p.waitForFunction(`(${videoState(ENGLISH.id)}).time > ${one.time + 0.5}`, undefined, {
      timeout: 30_000,
    });

    // A paragraph clicked in the first seeks the first only.
    const secondBefore = await video(p, SPANISH.id);
    const clickedAt = Date.now();
    // The first paragraph of "Social activities as a way back" starts at 161.17 s.
    await first.getByText('Shared activities give contact', { exact: false }).click();
    await p.waitForFunction(`(${videoState(ENGLISH.id)}).time > 160`, undefined, { timeout: 30_000 });
    const secondAfter = await video(p, SPANISH.id);
    const elapsed = (Date.now() - clickedAt) / 1000;
    assert.ok(secondBefore && secondAfter, 'the second has its video');
    assert.equal(secondAfter.paused, false, 'the second still plays');
    // Playing on, the second moved by about the time that passed: it did not seek.
    assert.ok(
      secondAfter.time - secondBefore.time < elapsed + 2,
      `the second did not seek (${secondBefore.time} → ${secondAfter.time} s in ${elapsed} s)`,
    );
    playing = p;
  });

  it('keeps a search, the report form and a language switch in the widget they were made in', async () => {
    const p = playing ?? (await open('/'));
    const first = widget(p, ENGLISH.id);
    const second = widget(p, SPANISH.id);

    // A word both transcripts hold ("contact", "contacto"), searched in the first: marked there only.
    await first.getByRole('searchbox', { name: 'Search the transcription' }).fill('contact');
    await first.locator('[part~="match"]').first().waitFor();
    assert.ok((await first.locator('[part~="match"]').count()) >= 2, 'the first marks its matches');
    assert.ok(
      (await second.locator('p[data-paragraph]').filter({ hasText: 'contacto' }).count()) > 0,
      'the second has the word too',
    );
    assert.equal(await second.locator('[part~="match"]').count(), 0, 'the second marks nothing');
    assert.equal(
      await second.getByRole('searchbox', { name: 'Buscar en la transcripción' }).inputValue(),
      '',
      'the second search is empty',
    );

    // The report form opened in the second opens there only, and gives the focus back on closing.
    const opener = second.getByRole('button', { name: '¿Hay algún error o mejora?', exact: true });
    await opener.click();
    const form = second.getByRole('dialog', { name: 'Informar de un error' });
    await form.waitFor();
    assert.equal(await first.getByRole('dialog').count(), 0, 'no form opened in the first');
    await form.getByRole('button', { name: 'Cerrar', exact: true }).click();
    await form.waitFor({ state: 'hidden' });
    await p.waitForFunction(`(${focusedPart})?.part === 'report-link'`, undefined, { timeout: 5_000 });
    assert.deepEqual(await p.evaluate(focusedPart), { widget: SPANISH.id, part: 'report-link' });

    // Spanish chosen in the first: the first shows its lesson in Spanish, the second goes on as it was.
    const secondBefore = await video(p, SPANISH.id);
    await first.getByLabel('Select the language').selectOption({ label: 'Español' });
    await first.getByRole('heading', { name: 'Recuperar la conexión social', level: 1 }).waitFor();
    await second.getByRole('heading', { name: SPANISH.title, level: 1 }).waitFor();
    assert.equal(await second.getByLabel('Selecciona el idioma').inputValue(), 'es');
    assert.equal(await second.getAttribute('lesson'), SPANISH.slug);
    const secondAfter = await video(p, SPANISH.id);
    assert.ok(secondBefore && secondAfter, 'the second has its video');
    assert.equal(secondAfter.paused, false, 'the second still plays');
    assert.ok(secondAfter.time >= secondBefore.time, 'the second was not reloaded');

    await p.close();
  });
});
