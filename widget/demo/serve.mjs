#!/usr/bin/env node
// A host site for the widget: one page that looks like a psychology site's lesson page, with a
// <lesson-search> in its header and a <lesson-widget>, loading the widget with exactly one
// script tag from the CMS. Plain Node, no dependencies.
//
//   CMS_URL=http://127.0.0.1:1337 PORT=8080 HOST=127.0.0.1 node demo/serve.mjs
//   /?lesson=<slug>&lang=<xx>&tag=<tag slug>   (or /lessons/<slug>?lang=<xx>)
//   &embed: the lesson's server-rendered fragment (embed.html) inside the page, which the widget
//   takes over, as the README suggests for pages that search engines should read
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PORT = Number(process.env.PORT ?? 8080);
const HOST = process.env.HOST ?? '127.0.0.1';
const CMS_URL = (process.env.CMS_URL ?? 'http://127.0.0.1:1337').replace(/\/+$/, '');
const DEFAULT_LESSON = 'regaining-social-connection';
const template = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'index.html'), 'utf8');

const escape = (s) =>
  String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const clean = (value, pattern) => (value && pattern.test(value) ? value : '');

/** The lessons of a tag, as a plain list (tag links from the widget land here). */
async function topic(tag, lang) {
  if (!tag) return '';
  try {
    const url = new URL(`${CMS_URL}/api/lessons`);
    url.searchParams.set('tag', tag);
    if (lang) url.searchParams.set('locale', lang);
    const { data } = await (await fetch(url, { signal: AbortSignal.timeout(3000) })).json();
    const items = data
      .map(
        (l) =>
          `<li><a href="/?lesson=${encodeURIComponent(l.slug)}&amp;lang=${encodeURIComponent(l.locale)}">${escape(l.title)}</a> — ${escape(l.summary)}</li>`,
      )
      .join('');
    return `<section class="topic" aria-labelledby="topic"><h1 id="topic">Topic: ${escape(tag)}</h1><ul>${items}</ul></section>`;
  } catch {
    return '';
  }
}

/**
 * The page's <lesson-widget> with the lesson's embed.html fragment inside (title, poster,
 * transcript, schema.org data), as a server-side include would; the empty tag if the CMS does not
 * answer.
 */
async function embedded(page, lesson, lang) {
  const empty = /<lesson-widget[\s\S]*?<\/lesson-widget>/;
  try {
    const url = new URL(`${CMS_URL}/api/lessons/${encodeURIComponent(lesson)}/embed.html`);
    if (lang) url.searchParams.set('locale', lang);
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    if (!res.ok) return page;
    const linkTemplate = /link-template="[^"]*"/.exec(empty.exec(page)?.[0] ?? '')?.[0] ?? '';
    const fragment = (await res.text()).replace(/^<lesson-widget /, `<lesson-widget ${linkTemplate} `);
    return page.replace(empty, () => fragment);
  } catch {
    return page;
  }
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204);
    return res.end();
  }
  const pretty = /^\/lessons\/([a-z0-9-]+)\/?$/.exec(url.pathname)?.[1];
  if (url.pathname !== '/' && url.pathname !== '/index.html' && !pretty) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end('Not found');
  }
  const lesson =
    clean(pretty ?? url.searchParams.get('lesson'), /^[a-z0-9]+(?:-[a-z0-9]+)*$/) || DEFAULT_LESSON;
  const lang = clean(url.searchParams.get('lang'), /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/);
  const tag = clean(url.searchParams.get('tag'), /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  // A draft previewed from the admin (LESSONS_PREVIEW_URL=http://127.0.0.1:8080/lessons/{slug}?lang={locale}&preview={token}).
  const preview = clean(url.searchParams.get('preview'), /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  const html = template
    .replaceAll('%CMS_URL%', escape(CMS_URL))
    .replaceAll('%LESSON%', escape(lesson))
    .replaceAll(
      '%LANG_ATTR%',
      `${lang ? `lang="${escape(lang)}"` : ''}${preview ? ` preview-token="${escape(preview)}"` : ''}`,
    )
    .replaceAll('%PAGE_LANG%', escape(lang || 'en'))
    .replace('%TOPIC%', await topic(tag, lang));
  const page = url.searchParams.has('embed') && !preview ? await embedded(html, lesson, lang) : html;
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : page);
});

server.listen(PORT, HOST, () => console.log(`demo page on http://${HOST}:${PORT}/ (CMS ${CMS_URL})`));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  });
}
