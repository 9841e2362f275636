import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  lessonAnalyticsResponseSchema,
  lessonListSchema,
  lessonResponseSchema,
  mergeSegments,
  paragraphsOf,
  progressResponseSchema,
  reportCreatedResponseSchema,
  reviewMarkListResponseSchema,
  revisionDetailResponseSchema,
  revisionListResponseSchema,
  type Segment,
} from '@lessons/shared';
import { startPostgres, type RunningPostgres } from '../support/postgres.ts';
import { json, loginReader, startStrapi, testPortOffset, type TestStrapi } from '../support/strapi.ts';

/** The production database: the same plugin code, seeded the same way, on a real PostgreSQL. */
describe('on PostgreSQL', () => {
  let pg: RunningPostgres;
  let strapi: TestStrapi;

  before(async () => {
    pg = startPostgres(54329 + testPortOffset());
    strapi = await startStrapi(1391, {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: pg.host,
      DATABASE_PORT: String(pg.port),
      DATABASE_NAME: pg.database,
      DATABASE_USERNAME: pg.user,
      DATABASE_PASSWORD: '',
      SERVE_ADMIN_PANEL: 'false',
      // Every report here comes from one address (rate limits are tested on SQLite).
      LESSONS_REPORTS_PER_CLIENT: '100',
      // Progress here is sent the moment a lesson is opened; the bound on credited watching time
      // is tested in cms/test/progress.test.ts, so it gets a day of slack here.
      LESSONS_PROGRESS_SLACK: '86400',
      // X-Lessons-Queries and X-Lessons-Cache on public reads (see cms/test/lesson-cache.test.ts).
      LESSONS_DEBUG_QUERIES: 'true',
    });
  });

  after(async () => {
    await strapi?.stop();
    pg?.stop();
  });

  it('seeds the demo course and answers a lesson in both languages', async () => {
    for (const [slug, locale] of [
      ['regaining-social-connection', 'en'],
      ['recuperar-la-conexion-social', 'es'],
    ] as const) {
      const res = await fetch(`${strapi.url}/api/lessons/${slug}?locale=${locale}`);
      assert.equal(res.status, 200);
      const { data } = lessonResponseSchema.parse(await json(res));
      assert.equal(data.locale, locale);
      assert.equal(data.course?.position, 2);
      assert.equal(data.course?.total, 4);
      assert.equal(data.locales.length, 2);
    }
  });

  it('searches titles, summaries and transcript text case-insensitively, as on SQLite', async () => {
    const inTranscript = await fetch(`${strapi.url}/api/lessons?locale=en&search=BEHAVIOURAL ACTIVATION`);
    const list = lessonListSchema.parse(await json(inTranscript));
    assert.ok(
      list.data.some((l) => l.slug === 'regaining-social-connection'),
      JSON.stringify(list),
    );
    const none = lessonListSchema.parse(
      await json(await fetch(`${strapi.url}/api/lessons?locale=en&search=zzzqqq`)),
    );
    assert.equal(none.meta.pagination.total, 0);
  });

  it('takes % and _ in a search literally, as on SQLite', async () => {
    const total = async (search: string) =>
      lessonListSchema.parse(
        await json(await fetch(`${strapi.url}/api/lessons?locale=en&search=${encodeURIComponent(search)}`)),
      ).meta.pagination.total;
    assert.ok((await total('low mood')) > 0);
    // As LIKE wildcards, each of these would find every lesson, or "low mood".
    for (const literal of ['%', '_', '100%', 'low_mood', 'l%w mood'])
      assert.equal(await total(literal), 0, literal);
  });

  it('merges 20 simultaneous progress updates into exactly their union', async () => {
    const token = await loginReader(strapi.url);
    const segments: Segment[] = Array.from({ length: 20 }, (_, i) => [i * 9, i * 9 + 4.5]);
    const url = `${strapi.url}/api/lessons/regaining-social-connection/progress?locale=en`;
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const answers = await Promise.all(
      segments.map((s) =>
        fetch(url, { method: 'PUT', headers, body: JSON.stringify({ segments: [s], position: s[1] }) }),
      ),
    );
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(20).fill(200),
    );
    const { data } = progressResponseSchema.parse(await json(await fetch(url, { headers })));
    assert.deepEqual(data.segments, mergeSegments(segments));
  });

  it('answers the lesson analytics from the progress rows, as on SQLite', async () => {
    const token = await loginReader(strapi.url);
    const lessonUrl = `${strapi.url}/api/lessons/regaining-social-connection`;
    const lesson = lessonResponseSchema.parse(await json(await fetch(`${lessonUrl}?locale=en`))).data;
    const end = lesson.video?.duration ?? 0;
    // The reader of the test above now watches the whole lesson: every paragraph, completed.
    const put = await fetch(`${lessonUrl}/progress?locale=en`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ segments: [[0, end]], position: end }),
    });
    assert.equal(put.status, 200);
    const login = await fetch(`${strapi.url}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'editor@example.com', password: 'Editor-demo-2026' }),
    });
    const { data: admin } = await json<{ data: { token: string } }>(login);
    const res = await fetch(`${strapi.url}/lessons/analytics/lessons/${lesson.id}?locale=en`, {
      headers: { Authorization: `Bearer ${admin.token}` },
    });
    assert.equal(res.status, 200);
    const { data } = lessonAnalyticsResponseSchema.parse(await json(res));
    assert.deepEqual(data.totals, { readers: 1, completions: 1, medianPercent: 100 });
    assert.equal(data.paragraphs.length, paragraphsOf(lesson.transcript).length);
    assert.ok(data.paragraphs.every((p) => p.watched === 1 && p.watchedShare === 1 && p.stopped === 0));
  });

  it('stores a report sent several times at once only once', async () => {
    const body = JSON.stringify({
      locale: 'en',
      what: 'A word is missing here.',
      idempotencyKey: 'pg-same-key-0001',
    });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(`${strapi.url}/api/lessons/regaining-social-connection/reports`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
        }),
      ),
    );
    const ids = new Set<string>();
    for (const a of answers) {
      assert.equal(a.status, 201);
      ids.add(reportCreatedResponseSchema.parse(await json(a)).data.id);
    }
    assert.equal(ids.size, 1);
  });

  it('scopes an idempotency key to its lesson: the same key sent at once about two lessons stores two reports', async () => {
    const body = JSON.stringify({
      locale: 'en',
      what: 'The same key, two lessons.',
      idempotencyKey: 'pg-two-lessons-0001',
    });
    const slugs = ['regaining-social-connection', 'asking-for-professional-help'];
    const answers = await Promise.all(
      slugs.flatMap((slug) =>
        Array.from({ length: 3 }, () =>
          fetch(`${strapi.url}/api/lessons/${slug}/reports`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body,
          }),
        ),
      ),
    );
    const ids: string[] = [];
    for (const a of answers) {
      assert.equal(a.status, 201);
      ids.push(reportCreatedResponseSchema.parse(await json(a)).data.id);
    }
    assert.equal(new Set(ids.slice(0, 3)).size, 1);
    assert.equal(new Set(ids.slice(3)).size, 1);
    assert.notEqual(ids[0], ids[3]);
  });

  it('keeps lesson answers in memory, and drops them once an edit has committed', async () => {
    const path = `${strapi.url}/api/lessons/asking-for-professional-help?locale=en`;
    const read = async () => {
      const res = await fetch(path);
      return {
        queries: res.headers.get('x-lessons-queries'),
        etag: res.headers.get('etag'),
        lesson: lessonResponseSchema.parse(await json(res)).data,
      };
    };
    const cold = await read();
    assert.equal(cold.queries, '11');
    assert.deepEqual(await read(), { ...cold, queries: '0' });

    const login = await fetch(`${strapi.url}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'editor@example.com', password: 'Editor-demo-2026' }),
    });
    const {
      data: { token },
    } = await json<{ data: { token: string } }>(login);
    const publish = (title: string) =>
      fetch(
        `${strapi.url}/content-manager/collection-types/plugin::lessons.lesson/${cold.lesson.id}/actions/publish?locale=en`,
        {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ title }),
        },
      );
    assert.equal((await publish('Asking for help, step by step')).status, 200);
    const edited = await read();
    assert.equal(edited.lesson.title, 'Asking for help, step by step');
    assert.notEqual(edited.etag, cold.etag);
    assert.equal((await publish(cold.lesson.title)).status, 200);
    assert.equal((await read()).lesson.title, cold.lesson.title);
  });

  it('applies suggestions: republishing a lesson, or correcting only its published text when its draft is ahead', async () => {
    const login = await fetch(`${strapi.url}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'editor@example.com', password: 'Editor-demo-2026' }),
    });
    assert.equal(login.status, 200);
    const {
      data: { token },
    } = await json<{ data: { token: string } }>(login);
    const admin = (path: string, init: RequestInit = {}) =>
      fetch(`${strapi.url}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      });
    const getLesson = async (slug: string) =>
      lessonResponseSchema.parse(await json(await fetch(`${strapi.url}/api/lessons/${slug}?locale=en`))).data;

    for (const [slug, draftAhead] of [
      ['recognising-the-signs-of-depression', false],
      ['sleep-routine-and-mood', true],
    ] as const) {
      const before = await getLesson(slug);
      if (draftAhead) {
        const saved = await admin(
          `/content-manager/collection-types/plugin::lessons.lesson/${before.id}?locale=en`,
          {
            method: 'PUT',
            body: JSON.stringify({ title: `${before.title} (draft)` }),
          },
        );
        assert.equal(saved.status, 200, await saved.text());
      }
      const first = paragraphsOf(before.transcript)[0]!;
      const quote = { exact: first.text.slice(0, 24), prefix: '', suffix: first.text.slice(24, 60) };
      const sent = await fetch(`${strapi.url}/api/lessons/${slug}/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          locale: 'en',
          quote,
          what: 'Reworded.',
          suggestion: 'REWORDED OPENING',
          idempotencyKey: `pg-apply-${slug}`,
        }),
      });
      assert.equal(sent.status, 201, await sent.clone().text());
      const { data: report } = reportCreatedResponseSchema.parse(await json(sent));
      const applied = await admin(`/lessons/reports/${report.id}/apply`, { method: 'POST', body: '{}' });
      assert.equal(applied.status, 200, await applied.text());

      const after = await getLesson(slug);
      assert.equal(paragraphsOf(after.transcript)[0]!.text, `REWORDED OPENING${first.text.slice(24)}`);
      assert.equal(after.title, before.title, 'the draft title stays unpublished');
      const found = lessonListSchema.parse(
        await json(await fetch(`${strapi.url}/api/lessons?locale=en&search=reworded%20opening`)),
      );
      assert.ok(found.data.some((l) => l.slug === slug));
    }
  });

  it('keeps transcript revisions and lists them newest first, and marks the other language, as on SQLite', async () => {
    const login = await fetch(`${strapi.url}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'editor@example.com', password: 'Editor-demo-2026' }),
    });
    const { data: admin } = await json<{ data: { token: string } }>(login);
    const get = async (path: string) => {
      const res = await fetch(`${strapi.url}${path}`, {
        headers: { Authorization: `Bearer ${admin.token}` },
      });
      assert.equal(res.status, 200, path);
      return json(res);
    };
    const lesson = lessonResponseSchema.parse(
      await json(await fetch(`${strapi.url}/api/lessons/recognising-the-signs-of-depression?locale=en`)),
    ).data;
    // The suggestion applied above, after the seeded version.
    const list = revisionListResponseSchema.parse(
      await get(`/lessons/revisions?lesson=${lesson.id}&locale=en&pageSize=1`),
    );
    assert.equal(list.meta.pagination.total, 2);
    assert.equal(list.data[0]!.kind, 'suggestion');
    assert.equal(list.data[0]!.author?.name, 'Demo Editor');
    const detail = revisionDetailResponseSchema.parse(
      await get(`/lessons/revisions/${list.data[0]!.id}`),
    ).data;
    assert.deepEqual(detail.transcript, lesson.transcript);
    assert.equal(detail.previous?.kind, 'save');
    const marks = reviewMarkListResponseSchema.parse(
      await get(`/lessons/review-marks?lesson=${lesson.id}&locale=es`),
    ).data;
    assert.ok(marks.some((m) => m.paragraphId === 'p1' && m.sourceText.startsWith('REWORDED OPENING')));
  });
});
