import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import {
  LOCALE_MESSAGE,
  lessonListSchema,
  lessonResponseSchema,
  mergeSegments,
  paragraphsOf,
  percentWatched,
  progressResponseSchema,
  toPlainText,
  type Lesson,
  type LessonList,
  type Segment,
} from '@lessons/shared';
import {
  adminLogin,
  call,
  expectError,
  expectOk,
  fieldErrorsOf,
  rawRequest,
  readerLogin,
  registerReader,
  seed,
  seedLesson,
  startStrapi,
  validateWebVTT,
  type Answer,
  type Locale,
  type SeedText,
  type TestStrapi,
} from './helpers.ts';
import {
  HASHED_CHUNK,
  MAX_WIDGET_FILE_NAME,
  isHashedChunk,
  widgetFileName,
} from '../server/src/controllers/widget.ts';

/** The public API (/api/lessons…) and the Content Manager's writes, on one Strapi with the demo course. */
let strapi: TestStrapi;
let api: (path: string, init?: Parameters<typeof call>[1]) => Promise<Answer>;

before(async () => {
  // These tests complete lessons the moment they start them. The bound on credited watching time
  // (cms/test/progress.test.ts) would refuse that, so this instance gets a slack of a day.
  strapi = await startStrapi(1401, { LESSONS_PROGRESS_SLACK: '86400' });
  api = (path, init) => call(`${strapi.url}${path}`, init);
});

after(async () => {
  await strapi?.stop();
});

const main = seedLesson('regaining-social-connection');
const first = seedLesson('signs-of-depression');
const sleep = seedLesson('sleep-routine-and-mood');
const last = seedLesson('asking-for-professional-help');
/** The seed publishes the lessons in course order, so the list (newest first) is the reverse. */
const newestFirst = (locale: Locale) => [...seed.lessons].reverse().map((l) => l[locale].slug);

/**
 * A revalidation as a browser's HTTP cache sends it. (fetch() itself adds `Cache-Control: no-cache`
 * to a request with a hand-set If-None-Match, and a no-cache request is never answered 304.)
 */
const revalidate = (etag: string) => ({ 'If-None-Match': etag, 'Cache-Control': 'max-age=0' });

const list = async (query: string): Promise<LessonList> =>
  expectOk(await api(`/api/lessons?${query}`), lessonListSchema);
const lesson = async (slug: string, query = ''): Promise<Lesson> =>
  expectOk(await api(`/api/lessons/${slug}${query ? `?${query}` : ''}`), lessonResponseSchema).data;

describe('GET /api/lessons', () => {
  it('lists the published lessons of the default language, newest first, as the seed has them', async () => {
    const answer = await api('/api/lessons');
    const { data, meta } = expectOk(answer, lessonListSchema);
    assert.deepEqual(
      data.map((l) => l.slug),
      newestFirst('en'),
    );
    assert.deepEqual(meta.pagination, { page: 1, pageSize: 10, pageCount: 1, total: 4 });
    for (const summary of data) {
      const s = seed.lessons.find((l) => l.en.slug === summary.slug)!;
      assert.equal(summary.locale, 'en');
      assert.equal(summary.title, s.en.title);
      assert.equal(summary.summary, s.en.summary);
      assert.equal(summary.duration, s.en.video.duration);
      assert.deepEqual(summary.category, seed.category.en);
      assert.deepEqual(
        summary.tags.map((t) => t.slug).sort(),
        s.tags.map((k) => seed.tags.find((t) => t.key === k)!.en.slug).sort(),
      );
      assert.match(summary.poster ?? '', new RegExp(`^${strapi.url}/uploads/.+\\.jpg$`));
    }
    assert.ok(answer.headers.get('etag'));
    assert.match(answer.headers.get('cache-control') ?? '', /max-age=\d+/);
  });

  it('pages through the list', async () => {
    const page1 = await list('pageSize=3&page=1');
    const page2 = await list('pageSize=3&page=2');
    const page3 = await list('pageSize=3&page=3');
    assert.deepEqual(
      [...page1.data, ...page2.data].map((l) => l.slug),
      newestFirst('en'),
    );
    assert.deepEqual(page2.meta.pagination, { page: 2, pageSize: 3, pageCount: 2, total: 4 });
    assert.equal(page1.data.length, 3);
    assert.deepEqual(page3.data, []);
    assert.equal(page3.meta.pagination.total, 4);
  });

  it('answers in the language asked for', async () => {
    const { data } = await list('locale=es');
    assert.deepEqual(
      data.map((l) => l.slug),
      newestFirst('es'),
    );
    assert.ok(data.every((l) => l.locale === 'es' && l.category?.slug === 'depresion'));
  });

  describe('search', () => {
    /** Which seeded lessons contain `word` in which field (case-insensitive), per language. */
    const fieldsWith = (text: SeedText, word: string) => {
      const w = word.toLowerCase();
      return (['title', 'summary', 'transcript'] as const).filter((f) =>
        (f === 'transcript' ? toPlainText(text.transcript) : text[f]).toLowerCase().includes(w),
      );
    };
    const cases: Array<{ word: string; locale: Locale; only: 'title' | 'summary' | 'transcript' }> = [
      { word: 'Regaining', locale: 'en', only: 'title' },
      { word: 'sadness', locale: 'en', only: 'summary' },
      { word: 'daunting', locale: 'en', only: 'transcript' },
      { word: 'drowsy', locale: 'en', only: 'transcript' },
      { word: 'tristeza', locale: 'es', only: 'summary' },
      { word: 'cabecera', locale: 'es', only: 'transcript' },
    ];
    for (const { word, locale, only } of cases) {
      it(`finds "${word}" (${locale}), a word that occurs only in a ${only}`, async () => {
        const matching = seed.lessons.filter((l) => fieldsWith(l[locale], word).length > 0);
        assert.ok(matching.length > 0 && matching.length < 4, 'the word picks some lessons, not all');
        for (const l of matching)
          assert.deepEqual(fieldsWith(l[locale], word), [only], `"${word}" only in the ${only}`);
        for (const variant of [word, word.toUpperCase()]) {
          const { data, meta } = await list(`locale=${locale}&search=${encodeURIComponent(variant)}`);
          assert.deepEqual(
            data.map((l) => l.slug).sort(),
            matching.map((l) => l[locale].slug).sort(),
            variant,
          );
          assert.equal(meta.pagination.total, matching.length);
        }
      });
    }

    it('matches phrases and accented words regardless of case', async () => {
      for (const [locale, phrase] of [
        ['en', 'BEHAVIOURAL ACTIVATION'],
        ['es', 'ÁNIMO'],
        ['es', 'Activación Conductual'],
      ] as const) {
        const expected = seed.lessons
          .filter((l) => fieldsWith(l[locale], phrase).length > 0)
          .map((l) => l[locale].slug)
          .sort();
        assert.ok(expected.length > 0);
        const { data } = await list(`locale=${locale}&search=${encodeURIComponent(phrase)}`);
        assert.deepEqual(data.map((l) => l.slug).sort(), expected, `${phrase} (${locale})`);
      }
      assert.equal((await list('search=zzqqxxnothing')).meta.pagination.total, 0);
      // LIKE wildcards are plain characters to a search.
      for (const wildcard of ['%25', '_', '%25%25'])
        assert.equal((await list(`search=${wildcard}`)).meta.pagination.total, 0, wildcard);
      // …also inside words: "low mood" is in the course, yet as wildcards these would find it.
      assert.ok((await list(`search=${encodeURIComponent('low mood')}`)).meta.pagination.total > 0);
      for (const literal of ['low_mood', 'l%w mood', 'low mood 100%']) {
        assert.equal((await list(`search=${encodeURIComponent(literal)}`)).meta.pagination.total, 0, literal);
      }
    });
  });

  it('lists a regional variant in its language (es-MX → es), and a language the site lacks in the default one', async () => {
    assert.deepEqual(
      (await list('locale=es-MX')).data.map((l) => l.slug),
      newestFirst('es'),
    );
    assert.deepEqual(
      (await list('locale=fr')).data.map((l) => l.slug),
      newestFirst('en'),
    );
  });

  it('filters by tag and by category, in the language of the list', async () => {
    const withTag = (key: string, locale: Locale) =>
      seed.lessons
        .filter((l) => l.tags.includes(key))
        .map((l) => l[locale].slug)
        .sort();
    const therapy = await list('tag=therapy');
    assert.deepEqual(therapy.data.map((l) => l.slug).sort(), withTag('therapy', 'en'));
    assert.ok(therapy.data.every((l) => l.tags.some((t) => t.slug === 'therapy')));
    const terapia = await list('locale=es&tag=terapia');
    assert.deepEqual(terapia.data.map((l) => l.slug).sort(), withTag('therapy', 'es'));
    // Tags are localized: the English slug names no Spanish tag.
    assert.equal((await list('locale=es&tag=therapy')).meta.pagination.total, 0);

    assert.equal((await list('category=depression')).meta.pagination.total, 4);
    assert.equal((await list('locale=es&category=depresion')).meta.pagination.total, 4);
    assert.equal((await list('category=anxiety')).meta.pagination.total, 0);
    // Filters combine.
    const both = await list('tag=therapy&search=appointment');
    assert.deepEqual(
      both.data.map((l) => l.slug),
      [last.en.slug],
    );
  });

  it('refuses a bad query with 400 and an error per field, unknown parameters included', async () => {
    const error = expectError(
      await api('/api/lessons?pageSize=0&page=first&locale=EN!&tag=Not%20A%20Slug&colour=red'),
      400,
    );
    const fields = fieldErrorsOf(error);
    for (const field of ['pageSize', 'page', 'locale', 'tag'])
      assert.ok(fields.has(field), `an error on ${field}: ${[...fields.keys()].join(', ')}`);
    assert.match(fields.get('') ?? '', /colour/);
    expectError(await api('/api/lessons?pageSize=51'), 400);
    // Query objects (Strapi's qs syntax) are not filters here.
    assert.ok(fieldErrorsOf(expectError(await api('/api/lessons?search[$ne]=x'), 400)).has('search'));
    assert.ok(
      fieldErrorsOf(expectError(await api('/api/lessons?tag[0]=therapy&tag[1]=symptoms'), 400)).has('tag'),
    );
  });
});

describe('GET /api/lessons/:slug', () => {
  it('answers the main lesson in English: transcript, video, tags, category, languages', async () => {
    const data = await lesson(main.en.slug, 'locale=en');
    assert.equal(data.slug, main.en.slug);
    assert.equal(data.locale, 'en');
    assert.equal(data.title, main.en.title);
    assert.equal(data.summary, main.en.summary);
    assert.deepEqual(data.transcript, main.en.transcript);
    assert.equal(data.video?.sources.length, 1);
    assert.match(data.video.sources[0]!.src, new RegExp(`^${strapi.url}/uploads/.+\\.webm$`));
    assert.equal(data.video.sources[0]!.type, 'video/webm');
    assert.equal(data.video.duration, main.en.video.duration);
    assert.match(data.video.poster ?? '', new RegExp(`^${strapi.url}/uploads/.+\\.jpg$`));
    assert.deepEqual(data.category, seed.category.en);
    assert.deepEqual(
      data.tags.map((t) => t.slug).sort(),
      main.tags.map((k) => seed.tags.find((t) => t.key === k)!.en.slug).sort(),
    );
    assert.deepEqual(data.locales, [
      { locale: 'en', slug: main.en.slug, title: main.en.title },
      { locale: 'es', slug: main.es.slug, title: main.es.title },
    ]);
  });

  it('places it at 2 of 4 in its course, with the previous and next lessons', async () => {
    for (const locale of ['en', 'es'] as const) {
      const { course } = await lesson(main[locale].slug, `locale=${locale}`);
      assert.equal(course?.slug, seed.course[locale].slug);
      assert.equal(course?.title, seed.course[locale].title);
      assert.equal(course?.position, 2);
      assert.equal(course?.total, 4);
      assert.equal(course?.previous?.slug, first[locale].slug);
      assert.equal(course?.previous?.title, first[locale].title);
      assert.equal(course?.next?.slug, sleep[locale].slug);
    }
    const start = await lesson(first.en.slug);
    assert.equal(start.course?.position, 1);
    assert.equal(start.course?.previous, null);
    const end = await lesson(last.en.slug);
    assert.equal(end.course?.position, 4);
    assert.equal(end.course?.next, null);
    assert.equal(end.course?.previous?.slug, sleep.en.slug);
  });

  it('relates other lessons of the same category, never the lesson itself', async () => {
    const { related } = await lesson(main.en.slug);
    assert.ok(related.length <= 5);
    assert.deepEqual(related.map((r) => r.slug).sort(), [first.en.slug, sleep.en.slug, last.en.slug].sort());
    const times = related.map((r) => Date.parse(r.publishedAt));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
      'newest first',
    );
  });

  it('answers the Spanish version, by its Spanish slug', async () => {
    const data = await lesson(main.es.slug, 'locale=es');
    assert.equal(data.locale, 'es');
    assert.equal(data.title, main.es.title);
    assert.deepEqual(data.transcript, main.es.transcript);
    assert.equal(data.video?.duration, main.es.video.duration);
    assert.deepEqual(data.category, seed.category.es);
    assert.deepEqual(
      data.related.map((r) => r.slug).sort(),
      [first.es.slug, sleep.es.slug, last.es.slug].sort(),
    );
  });

  it("answers a slug of one language asked with the other language's locale in the asked language", async () => {
    const en = await lesson(main.en.slug, 'locale=en');
    const esByEnSlug = await lesson(main.en.slug, 'locale=es');
    assert.equal(esByEnSlug.locale, 'es');
    assert.equal(esByEnSlug.slug, main.es.slug);
    assert.equal(esByEnSlug.id, en.id, 'the same document');
    const enByEsSlug = await lesson(main.es.slug, 'locale=en');
    assert.equal(enByEsSlug.locale, 'en');
    assert.equal(enByEsSlug.slug, main.en.slug);
    // A language the lesson does not have: the default language.
    assert.equal((await lesson(main.es.slug, 'locale=fr')).locale, 'en');
  });

  it('answers a regional variant the lesson lacks in its language (es-MX → es), in one request', async () => {
    for (const slug of [main.en.slug, main.es.slug]) {
      const mexican = await lesson(slug, 'locale=es-MX');
      assert.equal(mexican.locale, 'es', 'the answer says which language it is in');
      assert.equal(mexican.slug, main.es.slug);
      assert.deepEqual(mexican.transcript, main.es.transcript);
    }
    const file = await api(`/api/lessons/${main.en.slug}/transcript?locale=es-MX&format=txt`);
    assert.match(file.headers.get('content-disposition') ?? '', new RegExp(`${main.es.slug}\\.es\\.txt`));
  });

  it('answers 404 for an unknown slug and 400 for a malformed locale', async () => {
    const missing = expectError(await api('/api/lessons/no-such-lesson'), 404);
    assert.equal(missing.name, 'NotFoundError');
    expectError(await api('/api/lessons/no-such-lesson?locale=es'), 404);
    const bad = expectError(await api(`/api/lessons/${main.en.slug}?locale=EN_us!`), 400);
    assert.ok(fieldErrorsOf(bad).has('locale'));
    assert.equal(bad.message, LOCALE_MESSAGE, "the shared locale rule's message");
    const twice = expectError(await api(`/api/lessons/${main.en.slug}?locale=en&locale=es`), 400);
    assert.equal(twice.message, LOCALE_MESSAGE);
  });

  it('sends ETag and Cache-Control, and 304 for If-None-Match', async () => {
    const url = `/api/lessons/${main.en.slug}?locale=en`;
    const answer = await api(url);
    const etag = answer.headers.get('etag');
    assert.ok(etag, 'an ETag');
    assert.match(answer.headers.get('cache-control') ?? '', /public, max-age=\d+/);
    const again = await api(url, { headers: revalidate(etag) });
    assert.equal(again.status, 304);
    assert.equal(again.text, '');
    assert.equal(again.headers.get('etag'), etag);
    assert.equal((await api(url, { headers: revalidate('"something-else"') })).status, 200);
    const es = await api(`/api/lessons/${main.en.slug}?locale=es`);
    assert.notEqual(es.headers.get('etag'), etag, 'each language has its own ETag');
  });

  it('serves the video and poster so that other sites can embed them', async () => {
    const data = await lesson(main.en.slug);
    for (const [url, type] of [
      [data.video!.sources[0]!.src, /^video\/webm/],
      [data.video!.poster!, /^image\/jpeg/],
    ] as const) {
      const res = await fetch(url, { method: 'HEAD' });
      assert.equal(res.status, 200, url);
      assert.match(res.headers.get('content-type') ?? '', type);
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
    }
  });
});

describe('GET /api/lessons/:slug/transcript', () => {
  const transcript = (slug: string, query: string) => api(`/api/lessons/${slug}/transcript?${query}`);

  it('downloads WebVTT captions that pass the W3C validator and cover every paragraph', async () => {
    const answer = await transcript(main.en.slug, 'locale=en&format=vtt');
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('content-type'), 'text/vtt; charset=utf-8');
    assert.equal(answer.headers.get('content-disposition'), `attachment; filename="${main.en.slug}.en.vtt"`);
    const result = validateWebVTT(answer.text);
    assert.deepEqual(result.errors, []);
    const paragraphs = paragraphsOf(main.en.transcript);
    assert.deepEqual(
      [...new Set(result.cues.map((c) => c.id.split('.')[0]))],
      paragraphs.map((p) => p.id),
    );
    for (const p of paragraphs) {
      const cues = result.cues.filter((c) => c.id.split('.')[0] === p.id);
      assert.equal(cues[0]!.startTime, p.start);
      assert.ok(Math.abs(cues.at(-1)!.endTime - p.end!) < 0.002, `${p.id} ends on time`);
      assert.equal(cues.map((c) => c.text).join(' '), p.text, `${p.id} text`);
    }
    for (const s of main.en.transcript.sections.filter((x) => x.heading)) {
      assert.ok(answer.text.includes(`NOTE Section: ${s.heading}`), s.heading);
    }
    assert.ok(answer.headers.get('etag'));
    assert.equal(
      await transcript(main.en.slug, 'locale=en&format=vtt').then((a) => a.headers.get('etag')),
      answer.headers.get('etag'),
    );
    const cached = await api(`/api/lessons/${main.en.slug}/transcript?locale=en&format=vtt`, {
      headers: revalidate(answer.headers.get('etag')!),
    });
    assert.equal(cached.status, 304);
  });

  it('escapes what WebVTT needs escaped ("&" stays "&" for the viewer)', async () => {
    const answer = await transcript(sleep.en.slug, 'format=vtt');
    assert.ok(answer.text.includes('Rest &amp; routine'));
    const { cues, errors } = validateWebVTT(answer.text);
    assert.deepEqual(errors, []);
    assert.ok(cues.some((c) => c.text.includes('Rest &amp; routine')));
  });

  it('downloads SubRip with the same cues', async () => {
    const vtt = validateWebVTT((await transcript(main.es.slug, 'locale=es&format=vtt')).text);
    const answer = await transcript(main.es.slug, 'locale=es&format=srt');
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('content-type'), 'application/x-subrip; charset=utf-8');
    assert.equal(answer.headers.get('content-disposition'), `attachment; filename="${main.es.slug}.es.srt"`);
    const blocks = answer.text.trim().split(/\n\n/);
    assert.equal(blocks.length, vtt.cues.length);
    assert.match(blocks[0]!, /^1\n00:00:00,600 --> 00:00:\d\d,\d{3}\n\S/);
    blocks.forEach((b, i) => assert.ok(b.startsWith(`${i + 1}\n`), `cue ${i + 1} numbered`));
  });

  it('downloads plain text with the title, headings and every paragraph', async () => {
    const answer = await transcript(main.en.slug, 'format=txt');
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(answer.headers.get('content-disposition'), `attachment; filename="${main.en.slug}.en.txt"`);
    assert.equal(answer.text.split('\n')[0], main.en.title);
    for (const s of main.en.transcript.sections) {
      if (s.heading) assert.ok(answer.text.includes(`## ${s.heading}\n`), s.heading);
      for (const p of s.paragraphs) assert.ok(answer.text.includes(`${p.text}\n`), p.id);
    }
  });

  it('defaults to WebVTT; refuses an unknown format with 400; 404 for an unknown lesson', async () => {
    const answer = await transcript(main.es.slug, '');
    assert.equal(answer.headers.get('content-type'), 'text/vtt; charset=utf-8');
    assert.equal(answer.headers.get('content-disposition'), `attachment; filename="${main.en.slug}.en.vtt"`);
    const bad = expectError(await transcript(main.en.slug, 'format=docx'), 400);
    assert.match(fieldErrorsOf(bad).get('format') ?? '', /vtt, srt, txt or chapters/);
    // Names every JavaScript object has are not formats either.
    for (const format of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const error = expectError(await transcript(main.en.slug, `format=${format}`), 400);
      assert.match(error.message, /vtt, srt, txt or chapters/, format);
      assert.match(fieldErrorsOf(error).get('format') ?? '', /vtt, srt, txt or chapters/, format);
    }
    expectError(await transcript('no-such-lesson', 'format=vtt'), 404);
  });
});

describe('GET /api/lessons/:slug/embed.html', () => {
  it('renders the lesson as HTML: title, headings and every paragraph with its times, escaped', async () => {
    const answer = await api(`/api/lessons/${sleep.en.slug}/embed.html?locale=en`);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.ok(answer.headers.get('etag'));
    assert.match(answer.headers.get('cache-control') ?? '', /max-age=\d+/);
    const html = answer.text;
    assert.ok(
      html.startsWith(`<lesson-widget api="${strapi.url}" lesson="${sleep.en.slug}" lang="en">`),
      html.slice(0, 200),
    );
    assert.ok(html.includes(`<h1>${sleep.en.title}</h1>`));
    assert.ok(html.endsWith('</lesson-widget>'));
    for (const s of sleep.en.transcript.sections)
      if (s.heading) assert.ok(html.includes(`<h2>${s.heading}</h2>`), s.heading);
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    for (const p of paragraphsOf(sleep.en.transcript)) {
      assert.ok(
        html.includes(
          `<p data-paragraph-id="${p.id}" data-start="${p.start}" data-end="${p.end}">${escape(p.text)}</p>`,
        ),
        p.id,
      );
    }
    assert.ok(html.includes('Rest &amp; routine') && !html.includes('Rest & routine'));
  });

  it('renders the Spanish version and answers 404 for an unknown lesson', async () => {
    const html = (await api(`/api/lessons/${main.en.slug}/embed.html?locale=es`)).text;
    assert.ok(html.includes(`lesson="${main.es.slug}" lang="es"`));
    assert.ok(html.includes(`<h1>${main.es.title}</h1>`));
    expectError(await api('/api/lessons/no-such-lesson/embed.html'), 404);
  });
});

describe('GET /api/lessons/widget.js', () => {
  it('serves the widget loader to any page, cacheable', async () => {
    const answer = await api('/api/lessons/widget.js', { headers: { Origin: 'http://somewhere.test' } });
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^(text|application)\/javascript/);
    assert.equal(answer.headers.get('access-control-allow-origin'), '*');
    assert.match(answer.headers.get('cache-control') ?? '', /public, max-age=\d+/);
    assert.ok(answer.text.length > 0);
    const etag = answer.headers.get('etag');
    assert.ok(etag);
    assert.equal((await api('/api/lessons/widget.js', { headers: revalidate(etag) })).status, 304);
  });

  it('serves nothing outside the widget folder', async () => {
    for (const path of [
      '/api/lessons/widget/..%2f..%2fpackage.json',
      '/api/lessons/widget/%2e%2e/%2e%2e/package.json',
      '/api/lessons/widget/nothing.js',
    ]) {
      const answer = await rawRequest(strapi.url, { path });
      assert.equal(answer.status, 404, path);
    }
  });

  it('serves the built chunks: hashed ones immutable, the entry modules briefly', async () => {
    const built = readdirSync(new URL('../widget-dist/widget/', import.meta.url));
    const chunk = built.find((name) => isHashedChunk(name));
    assert.ok(chunk, built.join());
    const entry = await api('/api/lessons/widget/define.js');
    assert.equal(entry.status, 200);
    assert.equal(entry.headers.get('cache-control'), 'public, max-age=300');
    const hashed = await api(`/api/lessons/widget/${chunk}`);
    assert.equal(hashed.status, 200, chunk);
    assert.equal(hashed.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  it('answers a very long file name with a plain 404 in JSON', async () => {
    for (const name of ['-'.repeat(12_000), `${'-'.repeat(12_000)}.js`, `a-${'b'.repeat(12_000)}.js`]) {
      const answer = await rawRequest(strapi.url, { path: `/api/lessons/widget/${name}` });
      assert.equal(answer.status, 404);
      assert.match(expectError({ ...answer, headers: new Headers() }, 404).message, /no such widget file/i);
    }
  });
});

describe('the widget file name check', () => {
  it('refuses an over-long name before any pattern looks at it', () => {
    const files = new Set(['index.js', 'lang-pt-CslZVL-V.js']);
    assert.equal(widgetFileName('index.js', files), 'index.js');
    assert.equal(widgetFileName('lang-pt-CslZVL-V.js', files), 'lang-pt-CslZVL-V.js');
    assert.equal(widgetFileName('nothing.js', files), null);
    assert.equal(widgetFileName('../package.json', files), null);
    assert.equal(widgetFileName(undefined, files), null);
    // A set that claims to hold every name shows the length is checked first.
    const everything = { has: () => true } as unknown as Set<string>;
    assert.equal(widgetFileName('x'.repeat(MAX_WIDGET_FILE_NAME + 1), everything), null);
    assert.equal(isHashedChunk(`${'-'.repeat(MAX_WIDGET_FILE_NAME)}abcdefgh.js`), false);
  });

  it('tells hashed chunks from entries with a pattern of one fixed-length quantifier', () => {
    assert.ok(isHashedChunk('dom-C2AYmS2E.js'));
    assert.ok(isHashedChunk('lang-pt-CslZVL-V.js'));
    assert.ok(!isHashedChunk('index.js'));
    assert.ok(!isHashedChunk('define.js'));
    assert.ok(!isHashedChunk('dom-C2AYmS2E.js.map'));
    // No `+`, `*` or open-ended `{n,}` that could overlap with another and backtrack.
    assert.doesNotMatch(HASHED_CHUNK.source, /[+*]|\{\d+,\d*\}/);
  });
});

describe('reader progress: GET/PUT /api/lessons/:slug/progress', () => {
  const duration = main.en.video.duration;
  const url = (slug = main.en.slug, locale: Locale = 'en') =>
    `/api/lessons/${slug}/progress?locale=${locale}`;
  const put = async (token: string, segments: Segment[], position: number, slug?: string, locale?: Locale) =>
    expectOk(
      await api(url(slug, locale), { method: 'PUT', token, json: { segments, position } }),
      progressResponseSchema,
    ).data;
  const get = async (token: string, slug?: string, locale?: Locale) =>
    expectOk(await api(url(slug, locale), { token }), progressResponseSchema).data;

  it('answers 401 with a message without a token, with a bad token and with a forged one', async () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ id: 1, iat: Math.floor(Date.now() / 1000) })}`;
    const forged = `${unsigned}.${createHmac('sha256', 'not-the-secret').update(unsigned).digest('base64url')}`;
    for (const headers of [
      {},
      { Authorization: 'Bearer not-a-jwt' },
      { Authorization: `Bearer ${forged}` },
      { Authorization: 'Basic abc' },
    ] as Array<Record<string, string>>) {
      const read = await api(url(), { headers });
      assert.match(expectError(read, 401).message, /log in/i);
      assert.equal(read.headers.get('cache-control'), 'private, no-store');
      expectError(
        await api(url(), { method: 'PUT', headers, json: { segments: [[0, 10]], position: 10 } }),
        401,
      );
    }
  });

  it('logs in with users-permissions and starts from nothing', async () => {
    const { jwt, user } = await readerLogin(strapi.url);
    assert.equal(user.email, 'reader@example.com');
    const data = await get(jwt);
    assert.deepEqual(data, {
      percent: 0,
      completed: false,
      position: 0,
      segments: [],
      course: { completed: 0, total: 4, percent: 0 },
    });
  });

  it('merges the played segments; the same PUT again changes nothing; progress never goes down', async () => {
    const { jwt } = await registerReader(strapi.url, 'merger');
    const one = await put(
      jwt,
      [
        [0, 10],
        [20, 30],
      ],
      30,
    );
    assert.deepEqual(one.segments, [
      [0, 10],
      [20, 30],
    ]);
    assert.equal(
      one.percent,
      percentWatched(
        [
          [0, 10],
          [20, 30],
        ],
        duration,
      ),
    );
    assert.equal(one.position, 30);
    assert.equal(one.completed, false);
    const { credit, ...two } = await put(jwt, [[5, 25]], 25);
    assert.deepEqual(two.segments, [[0, 30]]);
    assert.equal(two.percent, percentWatched([[0, 30]], duration));
    assert.deepEqual(credit, { seconds: 10, refused: 0 });
    const { credit: none, ...again } = await put(jwt, [[5, 25]], 25);
    assert.deepEqual(again, two);
    assert.deepEqual(none, { seconds: 0, refused: 0 });
    assert.deepEqual(await get(jwt), two);
    // Going back and replaying a little moves the position, never what was watched.
    const back = await put(jwt, [[2, 4]], 4);
    assert.deepEqual(back.segments, [[0, 30]]);
    assert.equal(back.percent, two.percent);
    assert.equal(back.position, 4);
    const empty = await put(jwt, [], 12);
    assert.deepEqual(empty.segments, [[0, 30]]);
    assert.equal(empty.percent, two.percent);
  });

  it('clamps segments to the video and does not complete a lesson that was only sought to its end', async () => {
    const { jwt } = await registerReader(strapi.url, 'seeker');
    const data = await put(jwt, [[duration - 8, duration + 500]], duration + 500);
    assert.deepEqual(data.segments, [[duration - 8, duration]]);
    assert.equal(data.position, duration);
    assert.equal(data.completed, false);
    assert.equal(data.percent, percentWatched([[duration - 8, duration]], duration));
    assert.deepEqual(data.course, { completed: 0, total: 4, percent: 0 });
  });

  it('completes the lesson once 90% was really played, not before, and keeps it completed', async () => {
    const { jwt } = await registerReader(strapi.url, 'watcher');
    const under = 0.9 * duration - 1;
    const almost = await put(jwt, [[0, under]], under);
    assert.equal(almost.completed, false);
    assert.ok(almost.percent < 90);
    const done = await put(jwt, [[under, under + 2]], under + 2);
    assert.equal(done.completed, true);
    assert.ok(done.percent >= 90);
    assert.deepEqual(done.course, { completed: 1, total: 4, percent: 25 });
    assert.equal((await put(jwt, [], 3)).completed, true);
    assert.equal((await get(jwt)).completed, true);
  });

  it('counts a lesson completed in any language once in the course progress', async () => {
    const { jwt } = await registerReader(strapi.url, 'polyglot');
    // The first lesson, completed in Spanish (its own duration), asked by its English slug.
    const es = await put(jwt, [[0, first.es.video.duration]], 1, first.en.slug, 'es');
    assert.equal(es.completed, true);
    assert.equal(es.percent, 100);
    assert.deepEqual(es.course, { completed: 1, total: 4, percent: 25 });
    // Seen from another lesson, in English.
    const other = await get(jwt, main.en.slug, 'en');
    assert.equal(other.completed, false);
    assert.deepEqual(other.course, { completed: 1, total: 4, percent: 25 });
    // Completing the same lesson in English too still counts it once.
    assert.deepEqual((await put(jwt, [[0, first.en.video.duration]], 0, first.en.slug, 'en')).course, {
      completed: 1,
      total: 4,
      percent: 25,
    });
    const second = await put(jwt, [[0, duration]], duration, main.en.slug, 'en');
    assert.deepEqual(second.course, { completed: 2, total: 4, percent: 50 });
    // Progress is kept per language: English progress of the first lesson is its own.
    assert.equal((await get(jwt, first.es.slug, 'en')).percent, 100);
  });

  it('refuses invalid progress with 400 per field, and 404 for an unknown lesson', async () => {
    const { jwt } = await readerLogin(strapi.url);
    const error = expectError(
      await api(url(), {
        method: 'PUT',
        token: jwt,
        json: {
          segments: [
            [5, 2],
            [1, 'x'],
          ],
          position: -1,
          speed: 2,
        },
      }),
      400,
    );
    const fields = fieldErrorsOf(error);
    assert.ok(fields.has('segments.0'), [...fields.keys()].join());
    assert.ok(fields.has('segments.1.1'), [...fields.keys()].join());
    assert.ok(fields.has('position'));
    assert.match(fields.get('') ?? '', /speed/);
    expectError(await api(url(), { method: 'PUT', token: jwt, json: {} }), 400);
    expectError(await api(url('no-such-lesson'), { token: jwt }), 404);
    expectError(
      await api(url('no-such-lesson'), { method: 'PUT', token: jwt, json: { segments: [], position: 0 } }),
      404,
    );
    assert.deepEqual((await get(jwt)).segments, [], 'nothing was stored');
  });

  it('ends 20 simultaneous PUTs of different segments as exactly their union', async () => {
    const { jwt } = await registerReader(strapi.url, 'racer');
    // Some overlap their neighbours, some stand alone.
    const segments: Segment[] = Array.from({ length: 20 }, (_, i) => [
      i * 9.5,
      i * 9.5 + (i % 3 === 0 ? 11 : 4.25),
    ]);
    const answers = await Promise.all(
      segments.map((s) => api(url(), { method: 'PUT', token: jwt, json: { segments: [s], position: s[1] } })),
    );
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(20).fill(200),
    );
    for (const a of answers) expectOk(a, progressResponseSchema);
    const expected = mergeSegments(segments, duration);
    assert.ok(expected.length > 1 && expected.length < 20, 'the union is not trivial');
    const data = await get(jwt);
    assert.deepEqual(data.segments, expected);
    assert.equal(data.percent, percentWatched(expected, duration));
  });
});

describe('drafts and the Content Manager', () => {
  let token: string;
  const CM = '/content-manager/collection-types/plugin::lessons.lesson';
  const cm = (path: string, init: Parameters<typeof call>[1] = {}) => api(`${CM}${path}`, { ...init, token });
  const cmDoc = z.object({
    data: z.object({ documentId: z.string(), transcript: z.unknown(), title: z.string() }).passthrough(),
  });
  let categoryId: string;

  before(async () => {
    token = await adminLogin(strapi.url);
    const categories = await api('/content-manager/collection-types/plugin::lessons.category?locale=en', {
      token,
    });
    assert.equal(categories.status, 200, categories.text);
    categoryId = (categories.body as { results: Array<{ documentId: string; slug: string }> }).results.find(
      (c) => c.slug === 'depression',
    )!.documentId;
  });

  const transcriptWith = (text: string) => ({
    sections: [{ heading: '', paragraphs: [{ id: 'p1', text, start: 0, end: 5 }] }],
  });
  const category = () => ({ connect: [{ documentId: categoryId, locale: 'en' }] });

  it('never shows a draft lesson on the public API', async () => {
    const created = await cm('?locale=en', {
      method: 'POST',
      json: {
        title: 'Zebra crossings',
        slug: 'zebra-crossings',
        summary: 'An unpublished lesson.',
        duration: 5,
        transcript: transcriptWith('Only the xylophonist knows this draft.'),
        category: category(),
      },
    });
    const { data } = expectOk(created, cmDoc, 201);
    assert.equal((created.body as { data: { publishedAt: unknown } }).data.publishedAt, null);
    for (const path of ['', '?locale=en', '?locale=es', '/transcript?format=txt', '/embed.html']) {
      expectError(await api(`/api/lessons/zebra-crossings${path}`), 404);
    }
    const { jwt } = await readerLogin(strapi.url);
    expectError(await api('/api/lessons/zebra-crossings/progress', { token: jwt }), 404);
    expectError(
      await api('/api/lessons/zebra-crossings/reports', {
        method: 'POST',
        json: { locale: 'en', what: 'A draft?', idempotencyKey: 'draft-report-0001' },
      }),
      404,
    );
    assert.equal((await list('search=xylophonist')).meta.pagination.total, 0);
    assert.equal((await list('category=depression')).meta.pagination.total, 4);
    assert.ok(!(await lesson(main.en.slug)).related.some((r) => r.slug === 'zebra-crossings'));
    await cm(`/${data.documentId}?locale=en`, { method: 'DELETE' });
  });

  it('keeps an edit of a published lesson private until it is published', async () => {
    const before = await lesson(sleep.en.slug);
    const draft = await cm(`/${before.id}?locale=en`, {
      method: 'PUT',
      json: { title: 'Sleep (a draft edit)' },
    });
    assert.equal(expectOk(draft, cmDoc).data.title, 'Sleep (a draft edit)');
    const after = await lesson(sleep.en.slug);
    assert.equal(after.title, sleep.en.title);
    assert.deepEqual(after, before);
    assert.equal((await list('search=draft%20edit')).meta.pagination.total, 0);
    // Put the draft back as it was, for the tests that follow.
    expectOk(await cm(`/${before.id}?locale=en`, { method: 'PUT', json: { title: sleep.en.title } }), cmDoc);
  });

  it('refuses an invalid transcript with 400 naming the place, and saves nothing', async () => {
    const published = await lesson(main.en.slug);
    const sections = structuredClone(published.transcript.sections);
    // Section 3, paragraph 2 takes the id of an earlier paragraph.
    sections[2]!.paragraphs[1]!.id = 'p1';
    sections[0]!.paragraphs[0]!.text = 'This edit must not be saved.';
    const duplicate = expectError(
      await cm(`/${published.id}?locale=en`, { method: 'PUT', json: { transcript: { sections } } }),
      400,
    );
    assert.match(duplicate.message, /section 3, paragraph 2/);
    assert.match(duplicate.message, /"p1" is used twice/);
    assert.deepEqual(duplicate.details?.errors?.[0]?.path, [
      'transcript',
      'sections',
      2,
      'paragraphs',
      1,
      'id',
    ]);

    const emptyText = structuredClone(published.transcript.sections);
    emptyText[1]!.paragraphs[0]!.text = '   ';
    const empty = expectError(
      await cm(`/${published.id}?locale=en`, {
        method: 'PUT',
        json: { transcript: { sections: emptyText } },
      }),
      400,
    );
    assert.match(empty.message, /section 2, paragraph 1: A paragraph needs some text/);

    const backwards = structuredClone(published.transcript.sections);
    backwards[0]!.paragraphs[1]!.end = 1;
    assert.match(
      expectError(
        await cm(`/${published.id}?locale=en`, {
          method: 'PUT',
          json: { transcript: { sections: backwards } },
        }),
        400,
      ).message,
      /section 1, paragraph 2: .*end after it starts/,
    );

    const draft = expectOk(await cm(`/${published.id}?locale=en`), cmDoc);
    assert.deepEqual(draft.data.transcript, main.en.transcript, 'the draft is unchanged');
    assert.deepEqual(
      (await lesson(main.en.slug)).transcript,
      main.en.transcript,
      'the published lesson is unchanged',
    );

    // Creating one is refused the same way, and leaves no lesson behind.
    const create = expectError(
      await cm('?locale=en', {
        method: 'POST',
        json: {
          title: 'Broken',
          slug: 'broken-transcript',
          transcript: { sections: [{ heading: 'Only', paragraphs: [] }] },
        },
      }),
      400,
    );
    assert.match(create.message, /section 1/);
    const found = await cm('?locale=en&page=1&pageSize=100');
    assert.equal(found.status, 200);
    assert.ok(
      !(found.body as { results: Array<{ slug: string }> }).results.some(
        (r) => r.slug === 'broken-transcript',
      ),
    );
    // And a video URL that is not http(s).
    const video = expectError(
      await cm(`/${published.id}?locale=en`, { method: 'PUT', json: { videoUrl: 'javascript:alert(1)' } }),
      400,
    );
    assert.ok(fieldErrorsOf(video).has('videoUrl'));
  });

  it('refuses progress on a lesson with no duration to measure it by', async () => {
    const published = await cm('/actions/publish?locale=en', {
      method: 'POST',
      json: {
        title: 'Untimed lesson',
        slug: 'untimed-lesson',
        transcript: { sections: [{ heading: '', paragraphs: [{ id: 'p1', text: 'No times here.' }] }] },
      },
    });
    assert.equal(published.status, 200, published.text);
    const { jwt } = await readerLogin(strapi.url);
    const error = expectError(
      await api('/api/lessons/untimed-lesson/progress', {
        method: 'PUT',
        token: jwt,
        json: { segments: [[0, 5]], position: 5 },
      }),
      400,
    );
    assert.match(error.message, /no video duration/);
    // Nothing to caption either: an empty but valid WebVTT file.
    const vtt = await api('/api/lessons/untimed-lesson/transcript?format=vtt');
    assert.equal(vtt.text, 'WEBVTT\n');
    assert.deepEqual(validateWebVTT(vtt.text).errors, []);
  });

  it('plays an external video URL (MP4, WebM or HLS) with its type, and keeps slugs unique within a language', async () => {
    const create = (slug: string, videoUrl: string) =>
      cm('/actions/publish?locale=en', {
        method: 'POST',
        json: {
          title: `External ${slug}`,
          slug,
          duration: 5,
          videoUrl,
          transcript: transcriptWith('Streamed from elsewhere.'),
        },
      });
    const made: string[] = [];
    try {
      for (const [slug, url, type] of [
        ['external-hls', 'https://media.example.org/talk/index.m3u8', 'application/x-mpegURL'],
        ['external-mp4', 'https://media.example.org/talk.mp4', 'video/mp4'],
        ['external-webm', 'https://media.example.org/talk.webm?v=2', 'video/webm'],
      ] as const) {
        const created = await create(slug, url);
        assert.equal(created.status, 200, created.text);
        made.push((created.body as { data: { documentId: string } }).data.documentId);
        assert.deepEqual((await lesson(slug)).video?.sources, [{ src: url, type }]);
      }
      // The same slug again in English is refused, with the field named…
      const again = expectError(await create('external-hls', 'https://media.example.org/other.mp4'), 400);
      assert.ok(fieldErrorsOf(again).has('slug'), JSON.stringify(again));
      // …but the Spanish version of a lesson may use it.
      const spanish = await cm(`/${made[0]}/actions/publish?locale=es`, {
        method: 'POST',
        json: {
          title: 'Externa',
          slug: 'external-hls',
          duration: 5,
          videoUrl: 'https://media.example.org/charla/index.m3u8',
          transcript: transcriptWith('Desde fuera.'),
        },
      });
      assert.equal(spanish.status, 200, spanish.text);
      assert.equal((await lesson('external-hls', 'locale=es')).title, 'Externa');
      assert.equal((await lesson('external-hls', 'locale=en')).title, 'External external-hls');
    } finally {
      for (const id of made)
        for (const locale of ['en', 'es']) await cm(`/${id}?locale=${locale}`, { method: 'DELETE' });
    }
  });

  it('relates at most 5 lessons, the newest of the category first, and escapes markup in the embed', async () => {
    const titles = ['Extra lesson one', 'Extra lesson two', 'Tags <b>bold</b> & "quotes"'];
    for (const [i, title] of titles.entries()) {
      const published = await cm('/actions/publish?locale=en', {
        method: 'POST',
        json: {
          title,
          slug: `extra-lesson-${i + 1}`,
          duration: 5,
          transcript: transcriptWith(i === 2 ? '<script>alert("x")</script> & more' : `Extra text ${i + 1}.`),
          category: category(),
        },
      });
      assert.equal(published.status, 200, published.text);
    }
    const { related } = await lesson(main.en.slug);
    assert.equal(related.length, 5);
    assert.ok(!related.some((r) => r.slug === main.en.slug));
    assert.deepEqual(
      related.slice(0, 3).map((r) => r.slug),
      ['extra-lesson-3', 'extra-lesson-2', 'extra-lesson-1'],
    );
    for (const r of related) assert.equal((await lesson(r.slug)).category?.slug, 'depression');
    assert.equal((await list('category=depression')).meta.pagination.total, 7);

    const html = (await api('/api/lessons/extra-lesson-3/embed.html')).text;
    assert.ok(html.includes('<h1>Tags &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot;</h1>'), html);
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more'));
    assert.ok(!/<script|<b>/.test(html));
    const vtt = await api('/api/lessons/extra-lesson-3/transcript?format=vtt');
    assert.deepEqual(validateWebVTT(vtt.text).errors, []);
    assert.ok(!vtt.text.includes('<script'));
  });
});
