import assert from 'node:assert/strict';
import { createReadStream, statSync } from 'node:fs';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { reportCreatedResponseSchema, type Transcript } from '@lessons/shared';
import { launchChromium } from '../support/browser.ts';
import { json, startStrapi, type TestStrapi } from '../support/strapi.ts';

const EDITOR = { email: 'editor@example.com', password: 'Editor-demo-2026' };
const CM = '/content-manager/collection-types/plugin::lessons';
const DEMO_VIDEO = fileURLToPath(
  new URL('../../cms/app/seed/media/signs-of-depression.en.webm', import.meta.url),
);

/**
 * Every payload sets `window.__pwned` if it ever runs, and makes an element (an `img` with
 * `src="x"`, an `svg`, a `script`, an `iframe`) if it is ever parsed as HTML.
 */
const PAYLOADS = [
  `<img src=x onerror="window.__pwned='img'">`,
  `<script>window.__pwned='script'</script>`,
  `"><svg onload="window.__pwned='svg'">`,
  `javascript:window.__pwned='url'`,
  `</lesson-widget><img src=x onerror="window.__pwned='close'">`,
  `'><iframe srcdoc="<script>parent.__pwned='iframe'</script>">`,
  `{{constructor.constructor('window.__pwned=1')()}}`,
];
const hostile = (label: string, i = 0) => `${label} ${PAYLOADS[i % PAYLOADS.length]}`;
/** Every payload in one string, for the fields that are long enough. */
const ALL = PAYLOADS.join(' ');

const TITLE = hostile('Title', 4);
const SUMMARY = `Summary zanzibar ${ALL}`;
const TAG = hostile('Tag', 0);
const CATEGORY = hostile('Category', 2);
const HEADING = hostile('Heading', 2);
const PARAGRAPH = `Paragraph ${ALL}`;
const USERNAME = `<img src=x onerror="window.__pwned='user'">`;
const REPORT = {
  quote: { exact: PAYLOADS[0]!, prefix: 'Paragraph ', suffix: ` ${PAYLOADS[1]}` },
  where: `Where ${ALL}`,
  what: `What ${ALL}`,
  suggestion: hostile('Suggestion', 5),
};

/** Waits for the widget's video to play past `seconds` (a listener: no script is evaluated from a string, which the strict page policy forbids). */
async function videoPast(page: Page, seconds: number): Promise<void> {
  await page
    .locator('lesson-widget video')
    .first()
    .evaluate(
      (v: HTMLVideoElement, s: number) =>
        new Promise<void>((resolve) => {
          if (v.currentTime > s) resolve();
          v.addEventListener('timeupdate', () => v.currentTime > s && resolve());
        }),
      seconds,
    );
}

/** Selects `words` in a transcript paragraph, as a reader does with the mouse. */
async function selectWords(paragraph: Locator, words: string): Promise<void> {
  await paragraph.evaluate((p, exact) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let text = walker.nextNode() as Text | null;
    while (text && !text.data.includes(exact)) text = walker.nextNode() as Text | null;
    if (!text) throw new Error(`"${exact}" is not in the paragraph`);
    const at = text.data.indexOf(exact);
    document.getSelection()!.setBaseAndExtent(text, at, text, at + exact.length);
  }, words);
}

/** A tiny static server on a loopback port the OS picks. */
async function listen(handler: RequestListener): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
const close = (server?: Server) =>
  new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

/** Another site's video host: one WebM with byte ranges, as video hosts serve them. */
const serveVideo: RequestListener = (req, res) => {
  if (!req.url?.startsWith('/video.webm')) return void res.writeHead(404).end();
  const size = statSync(DEMO_VIDEO).size;
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  const start = range ? Number(range[1]) : 0;
  const end = range && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
  res.writeHead(range ? 206 : 200, {
    'Content-Type': 'video/webm',
    'Accept-Ranges': 'bytes',
    'Content-Length': String(end - start + 1),
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(DEMO_VIDEO, { start, end }).pipe(res);
};

/**
 * Collects what must never happen on a page: a payload running (`__pwned`, a dialog), and CSP
 * violations (as events, which also reach us from shadow roots, and as console messages). One
 * page per context at a time.
 */
async function watch(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        w.__violations.push(
          `${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
        ),
      true,
    );
  });
  const dialogs: string[] = [];
  /** CSP messages of the console since the page's document loaded (as the events above). */
  const messages: string[] = [];
  context.on('page', (page) =>
    page.on('framenavigated', (frame) => frame === page.mainFrame() && messages.splice(0)),
  );
  context.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  context.on('console', (m) => {
    if (/content security policy/i.test(m.text())) messages.push(m.text());
  });
  return {
    dialogs,
    /** The current document's violations. */
    async violations(page: Page): Promise<string[]> {
      const events = await page.evaluate(
        () => (window as unknown as { __violations: string[] }).__violations,
      );
      return [...events, ...messages];
    },
  };
}

/**
 * A page expression: every element in the document and in every shadow root under `selector`
 * that a payload would have made (inline event handlers, `img[src=x]`, script, iframe, any svg
 * with a handler), plus `__pwned`.
 */
const tracesExpression = (selector: string) => `(() => {
  const found = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const handlers = [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name);
      const tag = el.localName;
      if (handlers.length) found.push(tag + '[' + handlers.join(',') + ']');
      else if (tag === 'img' && el.getAttribute('src') === 'x') found.push('img[src=x]');
      else if (tag === 'iframe' || (tag === 'script' && !el.src && el.type !== 'application/ld+json')) found.push(tag);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  for (const root of document.querySelectorAll(${JSON.stringify(selector)})) {
    if (root.shadowRoot) visit(root.shadowRoot);
    visit(root);
  }
  if (window.__pwned !== undefined) found.push('window.__pwned = ' + String(window.__pwned));
  return found;
})()`;

/** All the text under `selector`, shadow roots included, as a reader would see it. */
const textExpression = (selector: string) => `(() => {
  const parts = [];
  const visit = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) parts.push(child.data);
      else if (child.nodeType === 1) {
        if (child.shadowRoot) visit(child.shadowRoot);
        if (child.localName !== 'style') visit(child);
      }
    }
  };
  for (const root of document.querySelectorAll(${JSON.stringify(selector)})) {
    if (root.shadowRoot) visit(root.shadowRoot);
    visit(root);
  }
  return parts.join(' ').replace(/\\s+/g, ' ');
})()`;

/** The text under `selector` and the traces of any payload there, read at the same moment. */
async function look(page: Page, selector: string): Promise<{ text: string; traces: string[] }> {
  const [text, traces] = await page.evaluate<[string, string[]]>(
    `[${textExpression(selector)}, ${tracesExpression(selector)}]`,
  );
  return { text, traces };
}

/** Hostile text in every field an editor, a reader or an account controls; and a strict CSP. */
describe('script injection and a strict Content-Security-Policy', () => {
  let strapi: TestStrapi;
  let browser: Browser;
  let media: { url: string; server: Server };
  /** A video host nobody listed in LESSONS_MEDIA_HOSTS. */
  let unlisted: { url: string; server: Server };
  let unlistedReportId: string;
  let host: { url: string; server: Server };
  let adminToken: string;
  let readerJwt: string;
  let slug: string;
  let reportId: string;

  const admin = async (path: string, init: { method?: string; json?: unknown } = {}) => {
    const res = await fetch(`${strapi.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    const body = await json<{ data: { documentId: string } }>(res);
    assert.ok(res.ok, `${init.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(body)}`);
    return body.data;
  };

  /**
   * The host page of another site, with the policy a careful site owner sets: scripts only from
   * the CMS, styles only from itself, media, images and API calls only where the lesson needs.
   * `?embed` includes the server-rendered fragment, as the README suggests.
   */
  const serveHostPage = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname === '/site.css') {
      res.writeHead(200, { 'Content-Type': 'text/css' });
      return void res.end('body { font-family: sans-serif; margin: 2rem; }');
    }
    if (url.pathname !== '/') return void res.writeHead(404).end();
    const lesson = url.searchParams.get('lesson') ?? 'regaining-social-connection';
    const token = url.searchParams.get('token');
    const cms = strapi.url;
    const widget = url.searchParams.has('embed')
      ? await (await fetch(`${cms}/api/lessons/${encodeURIComponent(lesson)}/embed.html?locale=en`)).text()
      : `<lesson-widget api="${cms}" lesson="${lesson}" lang="en"></lesson-widget>`;
    const csp = [
      "default-src 'none'",
      `script-src ${cms}`,
      "style-src 'self'",
      `img-src ${cms}`,
      `media-src ${cms} ${media.url}`,
      `connect-src ${cms}`,
    ].join('; ');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
    res.end(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A site with a strict policy</title><link rel="stylesheet" href="/site.css"></head>
<body>
<header><lesson-search api="${cms}" link-template="/?lesson={slug}"></lesson-search></header>
<main>${token ? widget.replace('<lesson-widget ', `<lesson-widget token="${token}" `) : widget}</main>
<script src="${cms}/api/lessons/widget.js" defer></script>
</body>
</html>`);
  };
  const hostPage: RequestListener = (req, res) => void serveHostPage(req, res);

  before(async () => {
    media = await listen(serveVideo);
    unlisted = await listen(serveVideo);
    strapi = await startStrapi(1395, { LESSONS_MEDIA_HOSTS: media.url, LESSONS_REPORTS_PER_CLIENT: '100' });
    host = await listen(hostPage);
    browser = await launchChromium();

    const login = await fetch(`${strapi.url}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(EDITOR),
    });
    adminToken = (await json<{ data: { token: string } }>(login)).data.token;

    // The hostile lesson, as an editor (or a stolen editor account) could write it.
    const tag = await admin(`${CM}.tag?locale=en`, {
      method: 'POST',
      json: { name: TAG, slug: 'hostile-tag' },
    });
    const category = await admin(`${CM}.category?locale=en`, {
      method: 'POST',
      json: { name: CATEGORY, slug: 'hostile-category' },
    });
    const transcript: Transcript = {
      sections: [
        { heading: HEADING, paragraphs: [{ id: 'p1', text: PARAGRAPH, start: 0, end: 5 }] },
        {
          heading: hostile('Second heading', 1),
          paragraphs: [{ id: 'p2', text: hostile('Second paragraph', 3), start: 5, end: 10 }],
        },
      ],
    };
    const lesson = await admin(`${CM}.lesson?locale=en`, {
      method: 'POST',
      json: {
        title: TITLE,
        slug: 'hostile-lesson',
        summary: SUMMARY,
        videoUrl: `${media.url}/video.webm`,
        duration: 10,
        transcript,
        tags: { connect: [{ documentId: tag.documentId, locale: 'en' }] },
        category: { connect: [{ documentId: category.documentId, locale: 'en' }] },
      },
    });
    await admin(`${CM}.lesson/${lesson.documentId}/actions/publish?locale=en`, { method: 'POST', json: {} });
    slug = 'hostile-lesson';

    // A reader whose account name is a payload reports an error full of payloads.
    const registered = await fetch(`${strapi.url}/api/auth/local/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        username: USERNAME,
        email: 'hostile@example.com',
        password: 'Hostile-reader-2026',
      }),
    });
    assert.equal(registered.status, 200, await registered.clone().text());
    readerJwt = (await json<{ jwt: string }>(registered)).jwt;
    const reported = await fetch(`${strapi.url}/api/lessons/${slug}/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${readerJwt}` },
      body: JSON.stringify({ locale: 'en', time: 2, idempotencyKey: `injection-${Date.now()}`, ...REPORT }),
    });
    assert.equal(reported.status, 201, await reported.clone().text());
    reportId = reportCreatedResponseSchema.parse(await json(reported)).data.id;

    // A lesson whose video is on a host the admin's policy doesn't list, and a report about it.
    const elsewhere = await admin(`${CM}.lesson?locale=en`, {
      method: 'POST',
      json: {
        title: 'A video from elsewhere',
        slug: 'a-video-from-elsewhere',
        videoUrl: `${unlisted.url}/video.webm`,
        duration: 10,
        transcript: {
          sections: [{ heading: '', paragraphs: [{ id: 'p1', text: 'Words.', start: 0, end: 5 }] }],
        },
      },
    });
    await admin(`${CM}.lesson/${elsewhere.documentId}/actions/publish?locale=en`, {
      method: 'POST',
      json: {},
    });
    const second = await fetch(`${strapi.url}/api/lessons/a-video-from-elsewhere/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        locale: 'en',
        what: 'Checking the player.',
        idempotencyKey: `injection-elsewhere-${Date.now()}`,
      }),
    });
    assert.equal(second.status, 201, await second.clone().text());
    unlistedReportId = reportCreatedResponseSchema.parse(await json(second)).data.id;
  });

  after(async () => {
    await browser?.close();
    await strapi?.stop();
    await close(host?.server);
    await close(media?.server);
    await close(unlisted?.server);
  });

  it('shows every payload as text in the widget: nothing runs, no element is made from them', async () => {
    const context = await browser.newContext();
    const seen = await watch(context);
    const page = await context.newPage();
    await page.goto(`${host.url}/?lesson=${slug}&token=${encodeURIComponent(readerJwt)}`);
    const w = page.locator('lesson-widget');
    await w.getByRole('heading', { name: TITLE }).first().waitFor();
    await w.getByText(`Logged in as ${USERNAME}`).waitFor();
    // (The widget shows no category; the search box shows titles and summaries.)
    const { text } = await look(page, 'lesson-widget');
    for (const shown of [TITLE, TAG, HEADING, PARAGRAPH]) assert.ok(text.includes(shown), `shows ${shown}`);
    await page.locator('lesson-search').getByRole('combobox').fill('zanzibar');
    await page.locator('lesson-search').getByRole('option').first().waitFor();
    const found = await look(page, 'lesson-search');
    for (const shown of [TITLE, SUMMARY]) assert.ok(found.text.includes(shown), `the search shows ${shown}`);
    await page.locator('lesson-search').getByRole('combobox').fill('');
    // The report dialog quotes the reader's selection back: select a payload in the paragraph.
    await selectWords(w.locator('p[data-paragraph="p1"]'), PAYLOADS[2]!);
    await w.locator('[part="report-selection"]').click();
    const form = w.getByRole('dialog');
    const where = form.getByLabel(/where is the error/i);
    assert.ok(
      (await where.inputValue()).includes(`“${PAYLOADS[2]}”`),
      'the dialog quotes the selected words',
    );
    await form.getByLabel(/what is the error/i).fill(REPORT.what);
    await form.getByRole('button', { name: /send/i }).click();
    await w.getByText(/thank/i).first().waitFor();
    assert.deepEqual((await look(page, 'lesson-widget, lesson-search')).traces, []);
    assert.deepEqual(seen.dialogs, []);
    assert.deepEqual(await seen.violations(page), []);
    await context.close();
  });

  it('shows every payload as text in the embed.html fragment, before and after the widget takes it over', async () => {
    const res = await fetch(`${strapi.url}/api/lessons/${slug}/embed.html?locale=en`);
    assert.equal(res.status, 200);
    const fragment = await res.text();
    assert.equal((fragment.match(/<lesson-widget[\s>]/g) ?? []).length, 1);
    assert.equal((fragment.match(/<\/lesson-widget>/g) ?? []).length, 1);
    // The one script is the lesson's schema.org data (a data block never runs), with no `<` inside to end it early.
    const data = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(fragment);
    assert.ok(data, 'the structured data is there, whole');
    assert.equal((JSON.parse(data[1]!) as { name: string }).name, TITLE);
    assert.doesNotMatch(fragment.replace(data[0], ''), /<(script|svg|iframe)|<img src=x/i);

    // First without scripts: the fragment as a search engine, or the first paint, shows it.
    const still = await browser.newContext({ javaScriptEnabled: false });
    const page = await still.newPage();
    await page.goto(`${host.url}/?lesson=${slug}&embed`);
    const { text, traces } = await look(page, 'main');
    assert.deepEqual(traces, []);
    for (const shown of [TITLE, HEADING, PARAGRAPH])
      assert.ok(text.includes(shown), `the fragment shows ${shown}`);
    assert.equal(await page.locator('main > *').count(), 1, 'the fragment stays one element');
    await still.close();

    const live = await browser.newContext();
    const seen = await watch(live);
    const taken = await live.newPage();
    await taken.goto(`${host.url}/?lesson=${slug}&embed`);
    await taken.locator('lesson-widget').getByRole('button', { name: /play/i }).first().waitFor();
    assert.deepEqual((await look(taken, 'main')).traces, []);
    assert.deepEqual(seen.dialogs, []);
    assert.deepEqual(await seen.violations(taken), []);
    await live.close();
  });

  it('runs on a host page with a strict CSP without a single violation: load, play, transcript, report and login dialogs', async () => {
    const context = await browser.newContext();
    const seen = await watch(context);
    const page = await context.newPage();
    await page.goto(`${host.url}/`);
    const w = page.locator('lesson-widget');
    await w.getByRole('heading', { name: 'Regaining social connection' }).first().waitFor();
    await w.getByRole('button', { name: /play/i }).first().click();
    await videoPast(page, 0.5);
    // The player is styled: its control bar is laid out by video.js's stylesheet, not inline.
    const controlBar = w.locator('.vjs-control-bar').first();
    assert.equal(await controlBar.evaluate((el) => getComputedStyle(el).position), 'absolute');
    assert.equal(await page.locator('head style').count(), 0, 'no style element in the page');

    // The transcript: search it, follow a paragraph, and turn the captions on.
    await w
      .getByLabel(/search the transcription/i)
      .first()
      .fill('social');
    await w.getByText('Social activities', { exact: false }).last().click();
    await videoPast(page, 20);
    await w.locator('.vjs-subs-caps-button').first().click();
    await w.getByRole('menuitemradio', { name: /english/i }).click();
    const captions = await w
      .locator('video track')
      .first()
      .evaluate(
        (track: HTMLTrackElement) =>
          new Promise<number>((resolve) => {
            if (track.readyState >= 2) resolve(track.readyState);
            track.addEventListener('load', () => resolve(track.readyState));
            track.addEventListener('error', () => resolve(track.readyState));
          }),
      );
    assert.equal(captions, 2, 'the captions track loaded');

    // The report dialog, from selected words (the button placed beside them) and from the link.
    await w
      .getByLabel(/search the transcription/i)
      .first()
      .fill('');
    await selectWords(w.locator('p[data-paragraph="p2"]'), 'connection can be rebuilt');
    await w.locator('[part="report-selection"]').click();
    const form = w.getByRole('dialog');
    await form.getByLabel(/what is the error/i).fill('Checking the report dialog under a strict policy.');
    await form.getByRole('button', { name: /close/i }).first().click();
    await w.getByRole('button', { name: /errors or improvements/i }).click();
    await form.getByRole('button', { name: /close/i }).first().click();

    await w
      .getByRole('button', { name: /log in/i })
      .first()
      .click();
    const login = w.getByRole('dialog');
    await login.getByLabel(/e-?mail or username/i).fill('reader@example.com');
    await login.getByLabel(/password/i).fill('Reader-demo-2026');
    await login.getByRole('button', { name: /log in/i }).click();
    await w
      .getByRole('button', { name: /log out/i })
      .first()
      .waitFor();

    await page.waitForLoadState('networkidle');
    assert.deepEqual(await seen.violations(page), []);
    await context.close();
  });

  /** The admin's content area (not its menus). */
  const MAIN = 'main, [role="main"]';

  /** The demo editor's admin session, logged in once through the login page; shared by the admin tests. */
  let adminSession: Promise<{ page: Page; seen: Awaited<ReturnType<typeof watch>> }> | undefined;
  function adminPage() {
    adminSession ??= (async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const seen = await watch(context);
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(`${strapi.url}/admin`);
      await page.getByLabel(/^Email/).fill(EDITOR.email);
      await page.getByLabel(/^Password/).fill(EDITOR.password);
      await page.getByRole('button', { name: 'Login' }).click();
      await page.getByRole('link', { name: 'Error reports' }).waitFor();
      return { page, seen };
    })();
    return adminSession;
  }

  it("shows every payload as text in the admin's report list and report page", async () => {
    const { page, seen } = await adminPage();
    await page.getByRole('link', { name: 'Error reports' }).click();
    // A row of the reader's reports: the lesson's title and the quoted words, as text.
    const row = page
      .getByRole('row')
      .filter({ hasText: TITLE })
      .filter({ hasText: REPORT.quote.exact })
      .first();
    await row.waitFor();
    // The list may load again as its filters settle: look once it is quiet, at the text and the traces together.
    await page.waitForLoadState('networkidle');
    await row.waitFor();
    const list = await look(page, MAIN);
    assert.ok(list.text.includes(TITLE), `the list shows the title: ${list.text}`);
    assert.deepEqual(list.traces, []);

    await page.goto(`${strapi.url}/admin/plugins/lessons/reports/${reportId}`);
    const main = page.getByRole('main');
    await main.getByRole('heading', { name: 'Error report', level: 1 }).waitFor();
    await main.getByText(USERNAME, { exact: true }).waitFor();
    await main.getByTestId('quote-mark').waitFor();
    const { text, traces } = await look(page, MAIN);
    for (const shown of [
      TITLE,
      REPORT.where,
      REPORT.what,
      REPORT.suggestion,
      REPORT.quote.exact,
      HEADING,
      USERNAME,
    ]) {
      assert.ok(text.includes(shown), `the report page shows ${shown}: ${text}`);
    }
    assert.deepEqual(traces, []);
    assert.deepEqual(seen.dialogs, []);
  });

  it("plays a video from an editor's video host (LESSONS_MEDIA_HOSTS) on the admin's report page, within the admin's CSP", async () => {
    const { page, seen } = await adminPage();
    await page.goto(`${strapi.url}/admin/plugins/lessons/reports/${reportId}`);
    const video = page.getByRole('main').locator('video');
    await video.waitFor();
    assert.equal(await video.locator('source').getAttribute('src'), `${media.url}/video.webm`);
    const loaded = await video.evaluate(
      (v: HTMLVideoElement) =>
        new Promise<string>((resolve) => {
          if (v.readyState >= 1) resolve('loadedmetadata');
          if (v.networkState === HTMLMediaElement.NETWORK_NO_SOURCE) resolve('error');
          v.addEventListener('loadedmetadata', () => resolve('loadedmetadata'));
          v.querySelector('source')?.addEventListener('error', () => resolve('error'));
        }),
    );
    assert.equal(loaded, 'loadedmetadata');
    assert.ok((await video.evaluate((v: HTMLVideoElement) => v.duration)) > 1);
    // (Strapi's own admin bundle probes eval, which its default policy refuses; not our concern.)
    assert.deepEqual(
      (await seen.violations(page)).filter((v) => /media-src|img-src/.test(v)),
      [],
    );
  });

  it('says which host to add to LESSONS_MEDIA_HOSTS when the admin may not play a video', async () => {
    const { page } = await adminPage();
    await page.goto(`${strapi.url}/admin/plugins/lessons/reports/${unlistedReportId}`);
    await page
      .getByRole('main')
      .getByText(
        `The admin may not load videos from ${unlisted.url}. To play them here, add it to LESSONS_MEDIA_HOSTS and restart Strapi.`,
      )
      .waitFor();
  });
});
