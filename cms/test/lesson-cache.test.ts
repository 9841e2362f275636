import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lessonListSchema, lessonResponseSchema, type Lesson } from '@lessons/shared';
import {
  adminLogin,
  call,
  expectOk,
  rawRequest,
  seedLesson,
  startStrapi,
  type Answer,
  type TestStrapi,
} from './helpers.ts';
import { AnswerCache, type CachedAnswer } from '../server/src/services/lesson-cache.ts';
import { prepareBody } from '../server/src/utils/http.ts';

/**
 * The lesson cache: public answers kept in memory, bounded, and dropped by the plugin itself on
 * any edit of what they show. The real Strapi runs with LESSONS_DEBUG_QUERIES, which adds
 * X-Lessons-Queries (SQL queries the request ran, from knex's query events) and X-Lessons-Cache
 * (hit or miss, entries and bytes kept) to each public read.
 */

const answerOf = (text: string): CachedAnswer => ({ ...prepareBody(text), type: 'text/plain' });

describe('AnswerCache', () => {
  const fixedVersion = (v = 1) => ({ current: () => v });

  it('keeps at most its number of entries, dropping the least recently used', async () => {
    const cache = new AnswerCache({ entries: 3, bytes: 1_000_000 }, fixedVersion());
    for (const key of ['a', 'b', 'c']) await cache.answer(key, async () => answerOf(key));
    assert.equal(
      (await cache.answer('a', async () => answerOf('a'))).hit,
      true,
      'a is now the most recently used',
    );
    await cache.answer('d', async () => answerOf('d'));
    assert.deepEqual(cache.stats(), { entries: 3, bytes: 3 });
    assert.equal((await cache.answer('b', async () => answerOf('b'))).hit, false, 'b went first');
    assert.equal((await cache.answer('a', async () => answerOf('a'))).hit, true);
  });

  it('keeps at most its bytes, and serves without keeping an answer larger than all of them', async () => {
    const cache = new AnswerCache({ entries: 100, bytes: 1000 }, fixedVersion());
    for (let i = 0; i < 10; i++) await cache.answer(`k${i}`, async () => answerOf('x'.repeat(300)));
    assert.deepEqual(cache.stats(), { entries: 3, bytes: 900 });
    const huge = await cache.answer('huge', async () => answerOf('é'.repeat(600)));
    assert.equal(huge.answer.bytes, 1200, 'counted in UTF-8 bytes');
    assert.equal(huge.answer.body.length, 600);
    assert.ok(cache.stats().bytes <= 1000);
    assert.equal((await cache.answer('huge', async () => answerOf('é'.repeat(600)))).hit, false);
  });

  it('drops everything when the version moves, and never keeps an answer assembled across the move', async () => {
    let version = 1;
    const cache = new AnswerCache({ entries: 10, bytes: 10_000 }, { current: async () => version });
    await cache.answer('lesson', async () => answerOf('old'));
    assert.equal((await cache.answer('lesson', async () => answerOf('unused'))).answer.body, 'old');
    version = 2;
    assert.equal((await cache.answer('lesson', async () => answerOf('new'))).answer.body, 'new');

    // An edit commits (version 3) while a reader's answer, read before it, is being assembled.
    let finish!: (a: CachedAnswer) => void;
    const slow = cache.answer('other', () => new Promise<CachedAnswer>((resolve) => (finish = resolve)));
    await new Promise((r) => setImmediate(r));
    version = 3;
    assert.equal((await cache.answer('lesson', async () => answerOf('newer'))).answer.body, 'newer');
    finish(answerOf('read before the edit'));
    assert.equal((await slow).answer.body, 'read before the edit', 'that reader still gets its answer');
    const next = await cache.answer('other', async () => answerOf('read after the edit'));
    assert.deepEqual([next.hit, next.answer.body], [false, 'read after the edit']);
  });

  it('assembles an answer once for simultaneous first requests, and not at all when assembling failed', async () => {
    const cache = new AnswerCache({ entries: 10, bytes: 10_000 }, fixedVersion());
    let runs = 0;
    const assemble = async () => {
      runs += 1;
      await new Promise((r) => setImmediate(r));
      return answerOf('once');
    };
    const answers = await Promise.all(Array.from({ length: 5 }, () => cache.answer('k', assemble)));
    assert.equal(runs, 1);
    assert.ok(answers.every((a) => a.answer.body === 'once'));
    await assert.rejects(
      cache.answer('missing', async () => Promise.reject(new Error('not found'))),
      /not found/,
    );
    assert.equal((await cache.answer('missing', async () => answerOf('found now'))).answer.body, 'found now');
  });
});

describe('the lesson cache on a real Strapi', () => {
  let strapi: TestStrapi;
  let editor: string;
  const api = (path: string, init?: Parameters<typeof call>[1]) => call(`${strapi.url}${path}`, init);
  const cm = (type: string, path: string, init: Parameters<typeof call>[1] = {}) =>
    api(`/content-manager/collection-types/plugin::lessons.${type}${path}`, { ...init, token: editor });
  const ENTRIES = 6;
  const BYTES = 12_000;

  before(async () => {
    strapi = await startStrapi(1421, {
      LESSONS_DEBUG_QUERIES: 'true',
      LESSONS_CACHE_ENTRIES: String(ENTRIES),
      LESSONS_CACHE_BYTES: String(BYTES),
    });
    editor = await adminLogin(strapi.url);
  });

  after(async () => {
    await strapi?.stop();
  });

  const main = seedLesson('regaining-social-connection');
  const signs = seedLesson('signs-of-depression');
  const sleep = seedLesson('sleep-routine-and-mood');
  const revalidate = (etag: string) => ({ 'If-None-Match': etag, 'Cache-Control': 'max-age=0' });

  function cacheState(answer: Answer) {
    const header = answer.headers.get('x-lessons-cache') ?? '';
    const match = /^(hit|miss); entries=(\d+); bytes=(\d+)$/.exec(header);
    assert.ok(match, `X-Lessons-Cache: ${header}`);
    return {
      hit: match[1] === 'hit',
      entries: Number(match[2]),
      bytes: Number(match[3]),
      queries: Number(answer.headers.get('x-lessons-queries')),
    };
  }

  const lessonPath = (slug: string, locale = 'en') => `/api/lessons/${slug}?locale=${locale}`;
  const lesson = async (slug: string, locale = 'en') => {
    const answer = await api(lessonPath(slug, locale));
    return { answer, data: expectOk(answer, lessonResponseSchema).data, ...cacheState(answer) };
  };
  /** The lesson as the cache holds it: read twice, the second time from memory. */
  const cached = async (slug: string, locale = 'en') => {
    await lesson(slug, locale);
    const again = await lesson(slug, locale);
    assert.equal(again.hit, true, 'the second read comes from the cache');
    return again;
  };

  const documentIdOf = async (type: string, slug: string, locale = 'en') => {
    const found = await cm(type, `?locale=${locale}&pageSize=100`);
    assert.equal(found.status, 200, found.text);
    const row = (found.body as { results: Array<{ documentId: string; slug: string }> }).results.find(
      (r) => r.slug === slug,
    );
    assert.ok(row, `${type} ${slug}`);
    return row.documentId;
  };
  const saved = (answer: Answer) =>
    assert.ok(
      answer.status === 200 || answer.status === 201,
      `${answer.status}: ${answer.text.slice(0, 400)}`,
    );

  it('reads a cold lesson in 11 queries, and answers it again, and its 304, with none; other ways to ask for it share its copy', async () => {
    const cold = await lesson(main.en.slug);
    // resolve: the slug's rows, the lesson's languages, the default language (core store);
    // the lesson row, its video, poster, tags, category, course and the course's lessons;
    // the related lessons.
    assert.deepEqual([cold.hit, cold.queries], [false, 11]);
    const warm = await lesson(main.en.slug);
    assert.deepEqual([warm.hit, warm.queries], [true, 0]);
    assert.equal(warm.answer.text, cold.answer.text);
    const etag = warm.answer.headers.get('etag')!;
    assert.equal(cold.answer.headers.get('etag'), etag);
    const notModified = await api(lessonPath(main.en.slug), { headers: revalidate(etag) });
    assert.equal(notModified.status, 304);
    assert.equal(notModified.headers.get('x-lessons-queries'), '0');
    assert.equal(notModified.headers.get('etag'), etag);

    // Another way to ask for the same answer (the Spanish slug in English, a regional variant)
    // finds the copy already kept once it knows which lesson and language it means: resolve's 3
    // queries, then no more, and nothing new is kept.
    for (const [slug, locale] of [
      [main.es.slug, 'en'],
      [main.en.slug, 'en-GB'],
    ] as const) {
      const other = await lesson(slug, locale);
      assert.deepEqual(
        [other.hit, other.queries, other.entries],
        [true, 3, warm.entries],
        `${slug}?locale=${locale}`,
      );
      assert.equal(other.answer.headers.get('etag'), etag);
      assert.deepEqual([(await lesson(slug, locale)).queries], [0]);
    }
  });

  it('answers the list, a search, embed.html and a transcript again with no query', async () => {
    for (const path of [
      '/api/lessons?locale=en',
      '/api/lessons?locale=en&search=connection',
      `/api/lessons/${main.en.slug}/embed.html?locale=en`,
      `/api/lessons/${main.en.slug}/transcript?locale=en&format=vtt`,
    ]) {
      const cold = cacheState(await api(path));
      assert.equal(cold.hit, false, path);
      assert.ok(cold.queries > 0, path);
      const again = await api(path);
      assert.deepEqual([cacheState(again).hit, cacheState(again).queries], [true, 0], path);
      const etag = again.headers.get('etag')!;
      const notModified = await api(path, { headers: revalidate(etag) });
      assert.deepEqual([notModified.status, notModified.headers.get('x-lessons-queries')], [304, '0'], path);
      if (path.includes('search')) {
        const reordered = cacheState(await api('/api/lessons?search=connection&locale=en'));
        assert.equal(
          reordered.hit,
          true,
          `the same search with its parameters in another order: ${JSON.stringify(reordered)}`,
        );
      }
    }
  });

  it("answers what it holds before Strapi's router, with no query and exactly the headers and bytes the router's answer had", async () => {
    // A save that changes nothing still moves the cache version: the next read goes the router's way.
    const tag = (await cached(main.en.slug)).data.tags[0]!;
    const tagId = await documentIdOf('tag', tag.slug);
    const forget = async () =>
      saved(await cm('tag', `/${tagId}?locale=en`, { method: 'PUT', json: { name: tag.name } }));
    const debug = ['date', 'x-lessons-cache', 'x-lessons-queries', 'x-lessons-answered'];
    const comparable = (answer: Awaited<ReturnType<typeof rawRequest>>) => ({
      status: answer.status,
      headers: Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !debug.includes(name))),
      body: answer.text,
    });
    const etags = new Map<string, string>();
    const requests: Array<{ path: string; method?: string; headers: Record<string, string> }> = [];
    for (const path of [
      lessonPath(main.en.slug),
      '/api/lessons?locale=en',
      '/api/lessons?locale=en&search=connection',
      `/api/lessons/${main.en.slug}/embed.html?locale=en`,
      `/api/lessons/${main.en.slug}/transcript?locale=en&format=vtt`,
    ]) {
      const page = { Origin: 'https://any-site.example', 'Accept-Encoding': 'gzip, deflate, br' };
      requests.push({ path, headers: {} }, { path, headers: page }, { path, method: 'HEAD', headers: page });
      requests.push({ path, headers: { ...page, 'If-None-Match': 'the ETag' } });
    }
    for (const { path, method, headers } of requests) {
      const what = `${method ?? 'GET'} ${path} ${JSON.stringify(headers)}`;
      if (headers['If-None-Match']) headers['If-None-Match'] = etags.get(path)!;
      await forget();
      const viaRouter = await rawRequest(strapi.url, { path, method, headers });
      assert.equal(viaRouter.headers['x-lessons-answered'], undefined, what);
      assert.match(String(viaRouter.headers['x-lessons-cache']), /^miss/, what);
      const early = await rawRequest(strapi.url, { path, method, headers });
      assert.deepEqual(
        [early.headers['x-lessons-answered'], early.headers['x-lessons-queries']],
        ['before-router', '0'],
        what,
      );
      assert.deepEqual(comparable(early), comparable(viaRouter), what);
      assert.equal(early.status, headers['If-None-Match'] ? 304 : 200, what);
      if (early.headers.etag && headers['Accept-Encoding']) etags.set(path, early.headers.etag);
    }

    // What the router refuses, it still refuses: a query that isn't valid, a name the router gives
    // the widget's files.
    const refused = await api(`${lessonPath(main.en.slug)}&junk=%00`);
    assert.equal(refused.status, 400);
    const unknownFormat = await api(`/api/lessons/${main.en.slug}/transcript?locale=en&format=doc`);
    assert.equal(unknownFormat.status, 400);
    assert.match((await api('/api/lessons/widget.js')).headers.get('content-type') ?? '', /javascript/);
  });

  it("is ready for a shared cache: s-maxage and stale-while-revalidate, one copy for every origin; the widget's loader for minutes, its chunks for a year", async () => {
    const answer = await api(lessonPath(main.en.slug), { headers: { Origin: 'https://any-site.example' } });
    assert.equal(answer.status, 200);
    assert.match(
      answer.headers.get('cache-control') ?? '',
      /^public, max-age=60, s-maxage=60, stale-while-revalidate=\d+/,
    );
    // LESSONS_ALLOWED_ORIGINS and CORS_ORIGINS are `*`: nothing depends on the page's origin.
    assert.equal(answer.headers.get('access-control-allow-origin'), '*');
    assert.equal(answer.headers.get('vary'), 'Accept-Encoding');

    // The widget: its loader briefly (it names the chunks of the current build), the chunks for good.
    const loader = await api('/api/lessons/widget.js', { headers: { Origin: 'https://any-site.example' } });
    assert.equal(loader.headers.get('cache-control'), 'public, max-age=300');
    assert.equal(loader.headers.get('vary'), 'Accept-Encoding');
    const define = await api('/api/lessons/widget/define.js');
    assert.equal(
      define.headers.get('cache-control'),
      'public, max-age=300',
      'define.js has a fixed name too',
    );
    const chunk = /\.\/([\w.-]+-[A-Za-z0-9_-]{8}\.js)/.exec(define.text)?.[1];
    assert.ok(chunk, 'define.js imports a content-hashed chunk');
    const chunkAnswer = await api(`/api/lessons/widget/${chunk}`, {
      headers: { Origin: 'https://any-site.example' },
    });
    assert.equal(chunkAnswer.status, 200, chunk);
    assert.equal(chunkAnswer.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(chunkAnswer.headers.get('vary'), 'Accept-Encoding');
  });

  it("shows an edit of the lesson's title at once, with a new ETag, in the lesson, the list and embed.html", async () => {
    const before = await cached(main.en.slug);
    const listBefore = await api('/api/lessons?locale=en');
    await api('/api/lessons?locale=en');
    const embedPath = `/api/lessons/${main.en.slug}/embed.html?locale=en`;
    await api(embedPath);
    assert.equal(cacheState(await api(embedPath)).hit, true);

    const id = before.data.id;
    saved(
      await cm('lesson', `/${id}/actions/publish?locale=en`, {
        method: 'POST',
        json: { title: 'Reconnecting with people' },
      }),
    );
    const after = await lesson(main.en.slug);
    assert.equal(after.hit, false);
    assert.equal(after.data.title, 'Reconnecting with people');
    assert.notEqual(after.answer.headers.get('etag'), before.answer.headers.get('etag'));
    const listAfter = expectOk(await api('/api/lessons?locale=en'), lessonListSchema);
    assert.notEqual(JSON.stringify(listAfter), listBefore.text);
    assert.ok(listAfter.data.some((l) => l.title === 'Reconnecting with people'));
    assert.match((await api(embedPath)).text, /Reconnecting with people/);
    saved(
      await cm('lesson', `/${id}/actions/publish?locale=en`, {
        method: 'POST',
        json: { title: main.en.title },
      }),
    );
    assert.equal((await lesson(main.en.slug)).data.title, main.en.title);
  });

  it("shows an edit of the course's title and order at once", async () => {
    const before = await cached(main.en.slug);
    assert.equal(before.data.course?.position, 2);
    const courseId = await documentIdOf('course', before.data.course.slug);
    saved(
      await cm('course', `/${courseId}?locale=en`, {
        method: 'PUT',
        json: { title: 'Depression, understood' },
      }),
    );
    const renamed = await lesson(main.en.slug);
    assert.equal(renamed.hit, false);
    assert.equal(renamed.data.course?.title, 'Depression, understood');

    // The first lesson moves to the end: this one becomes the first.
    const signsId = (await lesson(signs.en.slug)).data.id;
    await cached(main.en.slug);
    saved(
      await cm('course', `/${courseId}?locale=en`, {
        method: 'PUT',
        json: { lessons: { connect: [{ documentId: signsId, locale: 'en', position: { end: true } }] } },
      }),
    );
    const reordered = await lesson(main.en.slug);
    assert.equal(reordered.hit, false);
    assert.deepEqual([reordered.data.course?.position, reordered.data.course?.previous], [1, null]);

    saved(
      await cm('course', `/${courseId}?locale=en`, {
        method: 'PUT',
        json: {
          title: before.data.course.title,
          lessons: { connect: [{ documentId: signsId, locale: 'en', position: { start: true } }] },
        },
      }),
    );
    assert.deepEqual((await lesson(main.en.slug)).data.course, before.data.course);
  });

  it("shows an edit of a tag's name and of the category's name at once", async () => {
    const before = await cached(main.en.slug);
    const tag = before.data.tags[0]!;
    const tagId = await documentIdOf('tag', tag.slug);
    saved(await cm('tag', `/${tagId}?locale=en`, { method: 'PUT', json: { name: 'Being with others' } }));
    const tagged = await lesson(main.en.slug);
    assert.equal(tagged.hit, false);
    assert.equal(tagged.data.tags[0]?.name, 'Being with others');

    await cached(main.en.slug);
    const categoryId = await documentIdOf('category', before.data.category!.slug);
    saved(await cm('category', `/${categoryId}?locale=en`, { method: 'PUT', json: { name: 'Low mood' } }));
    const categorised = await lesson(main.en.slug);
    assert.equal(categorised.hit, false);
    assert.equal(categorised.data.category?.name, 'Low mood');

    saved(await cm('tag', `/${tagId}?locale=en`, { method: 'PUT', json: { name: tag.name } }));
    saved(
      await cm('category', `/${categoryId}?locale=en`, {
        method: 'PUT',
        json: { name: before.data.category!.name },
      }),
    );
    const restored = await lesson(main.en.slug);
    assert.deepEqual([restored.data.tags, restored.data.category], [before.data.tags, before.data.category]);
  });

  it("shows a related lesson's new title, and its unpublication, at once", async () => {
    const before = await cached(main.en.slug);
    const sleepId = (await lesson(sleep.en.slug)).data.id;
    assert.equal(before.data.course?.next?.title, sleep.en.title);
    assert.ok(before.data.related.some((r) => r.slug === sleep.en.slug));
    await cached(main.en.slug);

    saved(
      await cm('lesson', `/${sleepId}/actions/publish?locale=en`, {
        method: 'POST',
        json: { title: 'Sleep and mood' },
      }),
    );
    const renamed = await lesson(main.en.slug);
    assert.equal(renamed.hit, false);
    assert.equal(renamed.data.course?.next?.title, 'Sleep and mood');
    assert.equal(renamed.data.related.find((r) => r.slug === sleep.en.slug)?.title, 'Sleep and mood');

    await cached(main.en.slug);
    saved(await cm('lesson', `/${sleepId}/actions/unpublish?locale=en`, { method: 'POST', json: {} }));
    const without = await lesson(main.en.slug);
    assert.equal(without.hit, false);
    assert.ok(!without.data.related.some((r) => r.slug === sleep.en.slug));
    assert.equal(without.data.course?.total, 3);
    assert.notEqual(without.data.course?.next?.slug, sleep.en.slug);

    saved(
      await cm('lesson', `/${sleepId}/actions/publish?locale=en`, {
        method: 'POST',
        json: { title: sleep.en.title },
      }),
    );
    const back = await lesson(main.en.slug);
    const withoutDates = (course: Lesson['course']) =>
      JSON.stringify(course, (key, value: unknown) => (key === 'publishedAt' ? undefined : value));
    assert.equal(withoutDates(back.data.course), withoutDates(before.data.course));
    assert.deepEqual(
      back.data.related.map((r) => r.title).sort(),
      before.data.related.map((r) => r.title).sort(),
    );
  });

  it('answers a lesson asked for in no language in the new default language once the default changes', async () => {
    const i18n = (path: string, init: Parameters<typeof call>[1] = {}) =>
      api(`/i18n/locales${path}`, { ...init, token: editor });
    const locales = (await i18n('')).body as Array<{ id: number; code: string; isDefault: boolean }>;
    const byCode = (code: string) => locales.find((l) => l.code === code)!;
    assert.equal(byCode('en').isDefault, true);
    const path = `/api/lessons/${main.en.slug}`;
    await api(path);
    assert.deepEqual(
      [cacheState(await api(path)).hit, expectOk(await api(path), lessonResponseSchema).data.locale],
      [true, 'en'],
    );

    saved(await i18n(`/${byCode('es').id}`, { method: 'PUT', json: { isDefault: true } }));
    try {
      const answer = await api(path);
      assert.equal(cacheState(answer).hit, false);
      assert.equal(expectOk(answer, lessonResponseSchema).data.locale, 'es');
    } finally {
      saved(await i18n(`/${byCode('en').id}`, { method: 'PUT', json: { isDefault: true } }));
    }
    assert.equal(expectOk(await api(path), lessonResponseSchema).data.locale, 'en');
  });

  it(`holds its bound: at most ${ENTRIES} answers and ${BYTES} bytes, the least recently used dropped`, async () => {
    // Small answers first (one lesson per page of the list): the number of entries binds.
    const seen: Array<{ entries: number; bytes: number }> = [];
    for (let page = 1; page <= 4; page++) {
      for (const locale of ['en', 'es'])
        seen.push(cacheState(await api(`/api/lessons?locale=${locale}&pageSize=1&page=${page}`)));
    }
    assert.equal(seen.at(-1)!.entries, ENTRIES);
    assert.ok(seen.at(-1)!.bytes < BYTES / 2, 'the entries bound, not the bytes one, held these');
    assert.equal(
      cacheState(await api('/api/lessons?locale=en&pageSize=1&page=1')).hit,
      false,
      'the first page was dropped',
    );

    // Then every lesson in both languages (a few KB each): the bytes bind.
    const lessons: Lesson[] = [];
    for (const locale of ['en', 'es']) {
      for (const l of expectOk(await api(`/api/lessons?locale=${locale}`), lessonListSchema).data) {
        const read = await lesson(l.slug, locale);
        lessons.push(read.data);
        seen.push(read);
      }
    }
    assert.equal(lessons.length, 8);
    assert.ok(
      lessons.reduce((sum, l) => sum + JSON.stringify({ data: l }).length, 0) > BYTES,
      'more than fits',
    );
    for (const state of seen) {
      assert.ok(state.entries <= ENTRIES, JSON.stringify(state));
      assert.ok(state.bytes <= BYTES, JSON.stringify(state));
    }
    assert.ok(seen.at(-1)!.entries < ENTRIES, 'the bytes bound, not the entries one, held these');
    assert.equal(
      (await lesson(lessons[0]!.slug, lessons[0]!.locale)).hit,
      false,
      'the least recently used lesson was dropped',
    );
    assert.equal(
      (await lesson(lessons[7]!.slug, lessons[7]!.locale)).hit,
      true,
      'the most recent one is kept',
    );
  });

  it('keeps no error: a 404 or a 400 is answered without the cache', async () => {
    for (const path of ['/api/lessons/no-such-lesson', '/api/lessons?pageSize=1000']) {
      const first = await api(path);
      assert.ok(first.status === 404 || first.status === 400, `${path}: ${first.status}`);
      assert.equal(first.headers.get('x-lessons-cache'), null);
    }
  });
});
