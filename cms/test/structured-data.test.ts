import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { chaptersOf, lessonResponseSchema, toPlainText, type Lesson } from '@lessons/shared';
import {
  adminLogin,
  call,
  expectError,
  expectOk,
  seedLesson,
  startStrapi,
  validateWebVTT,
  type Answer,
  type TestStrapi,
} from './helpers.ts';
import { isoDuration } from '../server/src/utils/embed.ts';

/** What search engines and the player read about a lesson: embed.html's JSON-LD and the chapters track. */
let strapi: TestStrapi;
let api: (path: string, init?: Parameters<typeof call>[1]) => Promise<Answer>;

before(async () => {
  strapi = await startStrapi(1431);
  api = (path, init) => call(`${strapi.url}${path}`, init);
});

after(async () => {
  await strapi?.stop();
});

const sleep = seedLesson('sleep-routine-and-mood');
const main = seedLesson('regaining-social-connection');

const lesson = async (slug: string, locale = 'en'): Promise<Lesson> =>
  expectOk(await api(`/api/lessons/${slug}?locale=${locale}`), lessonResponseSchema).data;

const clipSchema = z.object({
  '@type': z.literal('Clip'),
  name: z.string(),
  startOffset: z.number(),
  endOffset: z.number(),
  url: z.string(),
});
const videoObjectSchema = z
  .object({
    '@context': z.literal('https://schema.org'),
    '@type': z.literal('VideoObject'),
    name: z.string(),
    description: z.string(),
    thumbnailUrl: z.string().optional(),
    uploadDate: z.string(),
    duration: z.string().optional(),
    contentUrl: z.string(),
    inLanguage: z.string(),
    transcript: z.string(),
    hasPart: z.array(clipSchema).optional(),
  })
  .strict();

/** The one JSON-LD block of embed.html, as a crawler reads it: the script element's text, parsed. */
function structuredDataOf(html: string): z.infer<typeof videoObjectSchema> {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.equal(scripts.length, 1, 'one script element');
  assert.equal((html.match(/<\/script/gi) ?? []).length, 1, 'nothing in the data ends the element early');
  assert.equal(scripts[0]![1], ' type="application/ld+json"');
  return videoObjectSchema.parse(JSON.parse(scripts[0]![2]!));
}

describe('embed.html: schema.org VideoObject for search engines', () => {
  it('describes the lesson: video, poster, dates, length, language, transcript and one clip per chapter', async () => {
    for (const locale of ['en', 'es'] as const) {
      const shown = await lesson(sleep.en.slug, locale);
      const html = (await api(`/api/lessons/${sleep.en.slug}/embed.html?locale=${locale}`)).text;
      const data = structuredDataOf(html);
      assert.ok(shown.video, 'the seed lesson has a video');
      const chapters = chaptersOf(shown.transcript, shown.title, shown.video.duration);
      assert.ok(chapters.length >= 2, 'the seed lesson has sections');
      assert.deepEqual(data, {
        '@context': 'https://schema.org',
        '@type': 'VideoObject',
        name: shown.title,
        description: shown.summary,
        ...(shown.video.poster ? { thumbnailUrl: shown.video.poster } : {}),
        uploadDate: shown.publishedAt,
        duration: isoDuration(shown.video.duration ?? chapters.at(-1)!.end),
        contentUrl: shown.video.sources[0]!.src,
        inLanguage: locale,
        transcript: toPlainText(shown.transcript).trim(),
        hasPart: chapters.map((c) => ({
          '@type': 'Clip',
          name: c.title,
          startOffset: c.start,
          endOffset: c.end,
          url: `#t=${c.start}`,
        })),
      });
      // What the player shows: the first section has no heading and takes the lesson's title.
      assert.equal(data.hasPart[0]!.name, shown.title);
      assert.deepEqual(
        data.hasPart.slice(1).map((c) => c.name),
        shown.transcript.sections.slice(1).map((s) => s.heading),
      );
      assert.ok(!Number.isNaN(Date.parse(data.uploadDate)));
      assert.match(data.duration ?? '', /^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$/);
      assert.ok(data.transcript.includes(shown.transcript.sections[0]!.paragraphs[0]!.text));
    }
  });

  it('writes seconds as ISO 8601 durations', () => {
    assert.equal(isoDuration(0), 'PT0S');
    assert.equal(isoDuration(42.5), 'PT42.5S');
    assert.equal(isoDuration(60), 'PT1M');
    assert.equal(isoDuration(3725), 'PT1H2M5S');
  });

  it('keeps a hostile title inside the data: no markup, no early end of the script element', async () => {
    const token = await adminLogin(strapi.url);
    const title = 'Evil </script><script>window.__pwned=1</script> <!-- & "quotes"';
    const heading = '</SCRIPT ><img src=x onerror=alert(1)>';
    const published = await call(
      `${strapi.url}/content-manager/collection-types/plugin::lessons.lesson/actions/publish?locale=en`,
      {
        method: 'POST',
        token,
        json: {
          title,
          slug: 'hostile-structured-data',
          summary: '<b>bold</b> summary',
          duration: 20,
          videoUrl: 'https://media.example.org/hostile.mp4?a=1&b=</script>',
          transcript: {
            sections: [
              { heading: '', paragraphs: [{ id: 'p1', text: 'One </script> two.', start: 0, end: 8 }] },
              { heading, paragraphs: [{ id: 'p2', text: 'Three.', start: 8, end: 15 }] },
            ],
          },
        },
      },
    );
    assert.equal(published.status, 200, published.text);
    const html = (await api('/api/lessons/hostile-structured-data/embed.html')).text;
    const data = structuredDataOf(html);
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    assert.doesNotMatch(json, /[<>&]/);
    assert.equal(data.name, title);
    assert.equal(data.description, '<b>bold</b> summary');
    assert.equal(data.contentUrl, 'https://media.example.org/hostile.mp4?a=1&b=</script>');
    assert.equal(data.duration, 'PT20S');
    assert.deepEqual(data.hasPart, [
      { '@type': 'Clip', name: title.replace(/\s+/g, ' '), startOffset: 0, endOffset: 8, url: '#t=0' },
      { '@type': 'Clip', name: heading, startOffset: 8, endOffset: 20, url: '#t=8' },
    ]);
  });
});

describe('GET /api/lessons/:slug/transcript?format=chapters', () => {
  it('answers a WebVTT chapters track: one cue per section, titled by its heading, the validator satisfied', async () => {
    for (const locale of ['en', 'es'] as const) {
      const shown = await lesson(main.en.slug, locale);
      const answer = await api(`/api/lessons/${main.en.slug}/transcript?format=chapters&locale=${locale}`);
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('content-type'), 'text/vtt; charset=utf-8');
      assert.match(answer.headers.get('content-disposition') ?? '', /\.chapters\.vtt"$/);
      const { cues, errors } = validateWebVTT(answer.text, 'chapters');
      assert.deepEqual(errors, []);
      assert.deepEqual(
        cues.map((c) => c.text),
        shown.transcript.sections.map((s, i) => (i === 0 && !s.heading ? shown.title : s.heading)),
      );
      const starts = shown.transcript.sections.map((s) => s.paragraphs[0]!.start);
      assert.deepEqual(
        cues.map((c) => c.startTime),
        starts,
      );
      for (const [i, cue] of cues.entries())
        assert.equal(
          cue.endTime,
          cues[i + 1]?.startTime ?? Math.max(cue.endTime, shown.video?.duration ?? 0),
        );
    }
  });

  it('refuses an unknown format by name, listing chapters among the formats', async () => {
    const error = expectError(await api(`/api/lessons/${main.en.slug}/transcript?format=chapter`), 400);
    assert.match(error.message, /vtt, srt, txt or chapters/);
  });
});
