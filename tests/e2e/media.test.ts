import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { lessonListSchema, lessonResponseSchema, paragraphsOf, type Lesson } from '@lessons/shared';
import { launchChromium } from '../support/browser.ts';
import { json, startStrapi, type TestStrapi } from '../support/strapi.ts';
import { validateWebVTT } from '../support/webvtt.ts';

/** The demo course as a reader's browser gets it: real videos, captions from the transcript. */
describe('demo course media', () => {
  let strapi: TestStrapi;
  let browser: Browser;
  const lessons: Lesson[] = [];

  before(async () => {
    strapi = await startStrapi(1393, { SERVE_ADMIN_PANEL: 'false' });
    browser = await launchChromium();
    for (const locale of ['en', 'es']) {
      const list = lessonListSchema.parse(
        await json(await fetch(`${strapi.url}/api/lessons?locale=${locale}&pageSize=50`)),
      );
      for (const summary of list.data) {
        const res = await fetch(`${strapi.url}/api/lessons/${summary.slug}?locale=${locale}`);
        lessons.push(lessonResponseSchema.parse(await json(res)).data);
      }
    }
  });

  after(async () => {
    await browser?.close();
    await strapi?.stop();
  });

  it('has four lessons in English and Spanish, each with a video', () => {
    assert.equal(lessons.length, 8);
    for (const l of lessons) assert.ok(l.video?.sources[0], `${l.slug} has a video`);
  });

  it("plays each video in Chromium, lasting as long as its transcript's last cue (±0.5 s)", async () => {
    const page = await browser.newPage();
    await page.goto(`${strapi.url}/api/lessons?locale=en`);
    for (const lesson of lessons) {
      const src = lesson.video!.sources[0]!.src;
      const duration = await page.evaluate(
        (url) =>
          new Promise<number>((resolve, reject) => {
            const video = document.createElement('video');
            video.preload = 'metadata';
            video.onloadedmetadata = () => resolve(video.duration);
            video.onerror = () => reject(new Error(`cannot play ${url}`));
            video.src = url;
          }),
        src,
      );
      const lastEnd = Math.max(...paragraphsOf(lesson.transcript).map((p) => p.end ?? 0));
      assert.ok(
        Math.abs(duration - lastEnd) <= 0.5,
        `${lesson.slug} (${lesson.locale}): video ${duration} s, last cue ${lastEnd} s`,
      );
      assert.ok(
        Math.abs(duration - (lesson.video!.duration ?? 0)) <= 0.5,
        `${lesson.slug}: stored duration matches the file`,
      );
    }
    await page.close();
  });

  it('serves captions that pass the WebVTT validator and cover every paragraph', async () => {
    for (const lesson of lessons) {
      const res = await fetch(
        `${strapi.url}/api/lessons/${lesson.slug}/transcript?locale=${lesson.locale}&format=vtt`,
      );
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/vtt/);
      const result = validateWebVTT(await res.text());
      assert.deepEqual(result.errors, [], `${lesson.slug} (${lesson.locale})`);
      const paragraphIds = new Set(result.cues.map((c) => c.id.split('.')[0]));
      assert.deepEqual(
        [...paragraphIds].sort(),
        paragraphsOf(lesson.transcript)
          .map((p) => p.id)
          .sort(),
      );
    }
  });

  it('renders the embed fragment with the transcript as plain, escaped HTML', async () => {
    const res = await fetch(`${strapi.url}/api/lessons/regaining-social-connection/embed.html?locale=es`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /^<lesson-widget [^>]*lesson="recuperar-la-conexion-social"[^>]*lang="es"/);
    assert.match(html, /<h1>Recuperar la conexión social<\/h1>/);
    const lesson = lessons.find((l) => l.slug === 'recuperar-la-conexion-social')!;
    for (const s of lesson.transcript.sections.filter((x) => x.heading))
      assert.ok(html.includes(`<h2>${s.heading}</h2>`), s.heading);
    assert.equal((html.match(/<p data-paragraph-id=/g) ?? []).length, paragraphsOf(lesson.transcript).length);
    // No script but the lesson's schema.org data, which never runs.
    assert.deepEqual(html.match(/<script[^>]*>/gi), ['<script type="application/ld+json">']);
  });
});
