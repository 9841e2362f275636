import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  courseProgressResponseSchema,
  lessonAnalyticsResponseSchema,
  lessonOptionsResponseSchema,
  lessonResponseSchema,
  paragraphsOf,
  progressResponseSchema,
  reportCreatedResponseSchema,
  type Lesson,
  type Segment,
} from '@lessons/shared';
import {
  addRoleWith,
  adminLogin,
  inviteEditor,
  call,
  expectError,
  expectOk,
  readerLogin,
  registerReader,
  seed,
  seedLesson,
  startStrapi,
  type Answer,
  type TestStrapi,
} from './helpers.ts';

/**
 * The reader's course list (`/api/lessons/:slug/course-progress`) and the editors' lesson
 * analytics (`/lessons/analytics/…` admin routes, permission "Read lesson analytics").
 */
let strapi: TestStrapi;
let api: (path: string, init?: Parameters<typeof call>[1]) => Promise<Answer>;
let editor: string;
let lesson: Lesson;

const main = seedLesson('regaining-social-connection');

before(async () => {
  // Progress is sent the moment a lesson is opened here (the credit bound is progress.test.ts's).
  strapi = await startStrapi(1441, { LESSONS_PROGRESS_SLACK: '86400', AUTH_RATELIMIT_MAX: '1000' });
  api = (path, init) => call(`${strapi.url}${path}`, init);
  editor = await adminLogin(strapi.url);
  lesson = expectOk(await api(`/api/lessons/${main.en.slug}?locale=en`), lessonResponseSchema).data;
});

after(async () => {
  await strapi?.stop();
});

const progress = (slug: string, locale: string, token: string, segments: Segment[]) =>
  api(`/api/lessons/${slug}/progress?locale=${locale}`, {
    method: 'PUT',
    token,
    json: { segments, position: segments.at(-1)?.[1] ?? 0 },
  });
const admin = (path: string, token = editor) => api(`/lessons${path}`, { token });

describe('course progress for the widget', () => {
  it('needs a logged-in reader', async () => {
    expectError(await api(`/api/lessons/${main.en.slug}/course-progress?locale=en`), 401);
  });

  it("lists the course's lessons in order, each with the reader's percent, in the lesson's language", async () => {
    const { jwt } = await readerLogin(strapi.url);
    const first = seedLesson(seed.course.lessons[0]!);
    // The first lesson watched to the end; half of the second (this one).
    expectOk(
      await progress(first.en.slug, 'en', jwt, [[0, first.en.video.duration]]),
      progressResponseSchema,
    );
    const half = Math.round(main.en.video.duration / 2);
    expectOk(await progress(main.en.slug, 'en', jwt, [[0, half]]), progressResponseSchema);

    const { data } = expectOk(
      await api(`/api/lessons/${main.en.slug}/course-progress?locale=en`, { token: jwt }),
      courseProgressResponseSchema,
    );
    assert.equal(data.title, seed.course.en.title);
    assert.equal(data.total, seed.course.lessons.length);
    assert.equal(data.completed, 1);
    assert.deepEqual(
      data.lessons.map((l) => [l.slug, l.position]),
      seed.course.lessons.map((key, i) => [seedLesson(key).en.slug, i + 1]),
    );
    assert.deepEqual(data.lessons[0], {
      slug: first.en.slug,
      title: first.en.title,
      position: 1,
      percent: 100,
      completed: true,
    });
    assert.equal(data.lessons[1]!.completed, false);
    assert.ok(Math.abs(data.lessons[1]!.percent - (half / main.en.video.duration) * 100) < 0.2);
    assert.equal(data.lessons[2]!.percent, 0);

    // In Spanish: the same lessons with their Spanish slugs, completed as in English.
    const es = expectOk(
      await api(`/api/lessons/${main.es.slug}/course-progress?locale=es`, { token: jwt }),
      courseProgressResponseSchema,
    ).data;
    assert.equal(es.title, seed.course.es.title);
    assert.equal(es.lessons[0]!.slug, first.es.slug);
    assert.equal(es.lessons[0]!.completed, true);
    assert.equal(es.completed, 1);
  });

  it('answers 404 for a lesson that does not exist', async () => {
    const { jwt } = await readerLogin(strapi.url);
    expectError(await api('/api/lessons/no-such-lesson/course-progress?locale=en', { token: jwt }), 404);
  });
});

describe('lesson analytics (admin)', () => {
  const paragraphs = () => paragraphsOf(lesson.transcript);

  before(async () => {
    const ps = paragraphs();
    const end = (i: number) => ps[i]!.end!;
    // Four readers: one watches the first paragraph, one the first three, one all of it, one
    // opens the lesson and plays nothing. (The demo reader above watched half of it.)
    const plays: Array<Segment[] | null> = [
      [[0, end(0)]],
      [[0, end(2)]],
      [[0, main.en.video.duration]],
      null,
    ];
    let n = 0;
    for (const segments of plays) {
      const { jwt } = await registerReader(strapi.url, `analytics${++n}`);
      if (segments) expectOk(await progress(main.en.slug, 'en', jwt, segments), progressResponseSchema);
      else
        expectOk(
          await api(`/api/lessons/${main.en.slug}/progress?locale=en`, { token: jwt }),
          progressResponseSchema,
        );
    }
    // Two reports about the third paragraph (by its quote's place, and by the moment in the video)
    // and one that says nowhere.
    const report = async (body: Record<string, unknown>, key: string) =>
      expectOk(
        await api(`/api/lessons/${main.en.slug}/reports`, {
          method: 'POST',
          json: { locale: 'en', what: 'Something is wrong here.', idempotencyKey: key, ...body },
        }),
        reportCreatedResponseSchema,
        201,
      );
    const third = ps[2]!;
    await report(
      {
        quote: { exact: third.text.slice(0, 12), prefix: '', suffix: third.text.slice(12, 20) },
        position: { paragraphId: third.id, start: 0, end: 12 },
      },
      'analytics-report-1',
    );
    await report({ time: third.start! + 1 }, 'analytics-report-2');
    await report({}, 'analytics-report-3');
  });

  it('lists the lessons to choose from', async () => {
    const { data } = expectOk(await admin('/analytics/lessons'), lessonOptionsResponseSchema);
    assert.ok(data.some((o) => o.documentId === lesson.id && o.locale === 'en'));
    assert.ok(data.some((o) => o.documentId === lesson.id && o.locale === 'es'));
  });

  it('counts readers, completions, the median, who watched each paragraph, where they stopped and the reports', async () => {
    const { data } = expectOk(
      await admin(`/analytics/lessons/${lesson.id}?locale=en`),
      lessonAnalyticsResponseSchema,
    );
    const ps = paragraphs();
    assert.equal(data.title, main.en.title);
    assert.equal(data.paragraphs.length, ps.length);
    assert.deepEqual(
      data.paragraphs.map((p) => p.id),
      ps.map((p) => p.id),
    );
    // Five rows (the demo reader's, four new); four readers played something… plus the demo reader.
    assert.equal(data.rowsRead, 5);
    assert.equal(data.totals.readers, 4);
    assert.equal(data.totals.completions, 1);
    const firstPercent = Math.round((ps[0]!.end! / main.en.video.duration) * 1000) / 10;
    const thirdPercent = Math.round((ps[2]!.end! / main.en.video.duration) * 1000) / 10;
    // Sorted: first paragraph only, first three, half, all: the median is between the middle two.
    assert.ok(data.totals.medianPercent !== null);
    assert.ok(data.totals.medianPercent > thirdPercent && data.totals.medianPercent < 100);
    assert.ok(firstPercent < thirdPercent);

    const [p1, p2, p3, p4] = data.paragraphs;
    assert.equal(p1!.watched, 4);
    assert.equal(p1!.watchedShare, 1);
    assert.equal(p2!.watched, 3);
    assert.equal(p3!.watched, 3);
    assert.equal(p3!.watchedShare, 0.75);
    assert.equal(p1!.stopped, 1);
    assert.equal(p2!.stopped, 0);
    assert.equal(p3!.stopped, 1);
    assert.equal(p3!.stoppedShare, 0.25);
    assert.equal(data.paragraphs.at(-1)!.watched, 1);
    assert.equal(p3!.reports, 2);
    assert.equal(p4!.reports, 0);
    assert.equal(data.unanchoredReports, 1);
    assert.equal(
      data.paragraphs.reduce((sum, p) => sum + p.stopped, 0),
      3,
      'everyone but the reader who completed it stopped somewhere',
    );
  });

  it('answers an empty picture for a language nobody has watched', async () => {
    const { data } = expectOk(
      await admin(`/analytics/lessons/${lesson.id}?locale=es`),
      lessonAnalyticsResponseSchema,
    );
    assert.deepEqual(data.totals, { readers: 0, completions: 0, medianPercent: null });
    assert.ok(data.paragraphs.every((p) => p.watched === 0 && p.watchedShare === 0));
  });

  it('refuses bad input with a message: no language, a malformed id, an unknown lesson', async () => {
    const noLocale = expectError(await admin(`/analytics/lessons/${lesson.id}`), 400);
    assert.match(noLocale.message, /language/i);
    expectError(await admin(`/analytics/lessons/${lesson.id}?locale=xx_YY`), 400);
    expectError(await admin('/analytics/lessons/not-an-id!?locale=en'), 400);
    expectError(await admin(`/analytics/lessons/${'a'.repeat(24)}?locale=en`), 404);
  });

  it('needs an admin: 401 without a token and with a reader token', async () => {
    expectError(await api(`/lessons/analytics/lessons/${lesson.id}?locale=en`), 401);
    const { jwt } = await readerLogin(strapi.url);
    expectError(await admin(`/analytics/lessons/${lesson.id}?locale=en`, jwt), 401);
  });
});

describe('the "Read lesson analytics" permission (RBAC)', () => {
  let limited: string;
  let limitedUserId: number;
  let editorRoleId: number;
  const adminApi = (path: string, init: Parameters<typeof call>[1] = {}) =>
    api(`/admin${path}`, { ...init, token: editor });

  before(async () => {
    // A second admin with Strapi's built-in Editor role, invited and registered as the admin UI does.
    ({
      token: limited,
      userId: limitedUserId,
      roleId: editorRoleId,
    } = await inviteEditor(
      strapi.url,
      editor,
      { firstname: 'Data', lastname: 'Editor' },
      'Data-editor-2026',
    ));
  });

  it('is listed among the plugin actions of Settings → Roles', async () => {
    const answer = await adminApi('/permissions');
    assert.equal(answer.status, 200, answer.text);
    const plugins = (
      answer.body as { data: { sections: { plugins: Array<{ action: string; displayName: string }> } } }
    ).data.sections.plugins;
    const action = plugins.find((a) => a.action === 'plugin::lessons.analytics.read');
    assert.equal(action?.displayName, 'Read lesson analytics');
  });

  it('refuses an Editor without it (403), and answers once their role has it', async () => {
    expectError(await admin(`/analytics/lessons/${lesson.id}?locale=en`, limited), 403);
    expectError(await admin('/analytics/lessons', limited), 403);

    await addRoleWith(
      strapi.url,
      editor,
      {
        name: 'Analysts',
        description: 'Reads lesson analytics',
        actions: ['plugin::lessons.analytics.read'],
      },
      { userId: limitedUserId, roles: [editorRoleId] },
    );

    expectOk(
      await admin(`/analytics/lessons/${lesson.id}?locale=en`, limited),
      lessonAnalyticsResponseSchema,
    );
    expectOk(await admin('/analytics/lessons', limited), lessonOptionsResponseSchema);
    // Analytics only: the error reports stay closed to them.
    expectError(await admin('/reports', limited), 403);
  });
});
