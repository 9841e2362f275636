import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  lessonResponseSchema,
  paragraphsOf,
  progressOutputSchema,
  progressResponseSchema,
  reportCreatedResponseSchema,
  type Lesson,
} from '@lessons/shared';
import { ACTIONS, LESSON_UID } from '../server/src/utils/constants.ts';
import { previewKey, signPreviewToken } from '../server/src/utils/preview-token.ts';
import { DEMO_SECRETS } from '../app/src/env.js';
import {
  adminLogin,
  call,
  expectOk,
  readerLogin,
  registerReader,
  seed,
  seedLesson,
  startStrapi,
  type Answer,
  type TestStrapi,
} from './helpers.ts';
import type { ApiError } from '@lessons/shared';

/**
 * Who may do what: every actor on every route of the plugin (and the reader account routes it
 * relies on), as one table. Then what no public answer may carry: another reader's progress,
 * reporters' e-mail addresses and address hashes, and anything that is only a draft.
 */

const ACTORS = ['anonymous', 'readerA', 'readerB', 'reportReader', 'noLessons', 'superAdmin'] as const;
type Actor = (typeof ACTORS)[number];

let strapi: TestStrapi;
const tokens: Partial<Record<Actor, string>> = {};
let readerAId: number;
const reports: { forState: string; forApply: string } = { forState: '', forApply: '' };

const main = seedLesson('regaining-social-connection');
const watched = seedLesson('sleep-routine-and-mood');
const applied = seedLesson('asking-for-professional-help');
const REPORTER_EMAILS = [
  'reporter-one@example.org',
  'reporter-two@example.org',
  'reporter-three@example.org',
];

/** Marker text that exists only in drafts; public answers must never contain it. */
const DRAFT = {
  only: {
    title: 'Zqdraftonly unpublished lesson',
    slug: 'zqdraftonly-lesson',
    text: 'Zqdraftonly transcript words',
  },
  edit: { title: 'Zqdraftedit retitled', slug: 'zqdraftedit-slug', text: 'Zqdraftedit paragraph words' },
  locale: { title: 'Zqdraftlocale título', slug: 'zqdraftlocale-leccion', text: 'Zqdraftlocale palabras' },
};
const FIXTURE_SLUG = 'english-only-published-lesson';

const api = (path: string, init?: Parameters<typeof call>[1]) => call(`${strapi.url}${path}`, init);
const as = (actor: Actor) => (tokens[actor] ? { token: tokens[actor] } : {});

before(async () => {
  strapi = await startStrapi(1411, {
    AUTH_RATELIMIT_MAX: '1000',
    LESSONS_REPORTS_PER_CLIENT: '1000',
    LESSONS_REPORTS_PER_LESSON: '1000',
    LESSONS_PROGRESS_PER_READER: '1000',
  });
  tokens.superAdmin = await adminLogin(strapi.url);
  const readerA = await readerLogin(strapi.url);
  tokens.readerA = readerA.jwt;
  readerAId = readerA.user.id;
  tokens.readerB = (await registerReader(strapi.url, 'reader-b')).jwt;
  tokens.reportReader = await editorWith('report-reader', [ACTIONS.readReports]);
  tokens.noLessons = await editorWith('media-only', ['plugin::upload.read']);

  reports.forState = await report(main.en.slug, {
    what: 'A word is missing here.',
    email: REPORTER_EMAILS[0],
  });
  const lesson = expectOk(await api(`/api/lessons/${applied.en.slug}`), lessonResponseSchema).data;
  const paragraph = paragraphsOf(lesson.transcript)[0]!;
  const exact = paragraph.text.split(' ').slice(0, 3).join(' ');
  reports.forApply = await report(applied.en.slug, {
    what: 'Capitalised oddly.',
    quote: { exact, prefix: '', suffix: paragraph.text.slice(exact.length, exact.length + 32) },
    position: { paragraphId: paragraph.id, start: 0, end: exact.length },
    suggestion: exact.toUpperCase(),
    email: REPORTER_EMAILS[1],
  });
  await createDrafts();
});

after(async () => {
  await strapi?.stop();
});

let keys = 0;
async function report(
  slug: string,
  body: Record<string, unknown>,
  actor: Actor = 'anonymous',
): Promise<string> {
  const answer = await ask('POST', `/api/lessons/${slug}/reports`, actor, {
    locale: 'en',
    idempotencyKey: `authorization-${++keys}`,
    ...body,
  });
  return expectOk(answer, reportCreatedResponseSchema, 201).data.id;
}

/** An admin role with exactly these permissions, and an activated editor in it; answers the editor's token. */
async function editorWith(name: string, actions: string[]): Promise<string> {
  const admin = (path: string, method: string, json: unknown) =>
    api(path, { method, json, token: tokens.superAdmin! });
  const role = await admin('/admin/roles', 'POST', { name, description: `Test role: ${actions.join(', ')}` });
  assert.equal(role.status, 201, role.text);
  const roleId = (role.body as { data: { id: number } }).data.id;
  const permissions = actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] }));
  const granted = await admin(`/admin/roles/${roleId}/permissions`, 'PUT', { permissions });
  assert.equal(granted.status, 200, granted.text);

  const email = `${name}@example.com`;
  const user = await admin('/admin/users', 'POST', {
    firstname: name,
    lastname: 'Editor',
    email,
    roles: [roleId],
  });
  assert.equal(user.status, 201, user.text);
  const registrationToken = (user.body as { data: { registrationToken: string } }).data.registrationToken;
  const password = 'Test-editor-2026';
  const registered = await api('/admin/register', {
    method: 'POST',
    json: { registrationToken, userInfo: { firstname: name, lastname: 'Editor', password } },
  });
  assert.equal(registered.status, 200, registered.text);
  return adminLogin(strapi.url, email, password);
}

/**
 * Through the Content Manager, as editors do: a lesson that is only a draft (in the course and
 * the category, so it would show up in previous/next and related), an unpublished edit of a
 * published lesson (new title, slug and transcript), and a Spanish version that is only a draft
 * of a lesson published in English.
 */
async function createDrafts() {
  const cm = (path: string, method: string, json: unknown) =>
    api(`/content-manager/collection-types/${LESSON_UID}${path}`, {
      method,
      json,
      token: tokens.superAdmin!,
    });
  // Looked up as editors see them: a public answer fetched now could be cached from before the drafts.
  const documentId = async (type: 'lesson' | 'course' | 'category', slug: string) => {
    const list = await api(
      `/content-manager/collection-types/plugin::lessons.${type}?locale=en&pageSize=100`,
      { token: tokens.superAdmin! },
    );
    assert.equal(list.status, 200, list.text);
    const found = (list.body as { results: Array<{ documentId: string; slug: string }> }).results.find(
      (r) => r.slug === slug,
    );
    assert.ok(found, `${type} ${slug}`);
    return found.documentId;
  };
  const linked = async (type: 'course' | 'category') => ({
    connect: [
      {
        documentId: await documentId(type, type === 'course' ? seed.course.en.slug : seed.category.en.slug),
        locale: 'en',
      },
    ],
  });
  const transcript = (text: string) => ({
    sections: [{ heading: text, paragraphs: [{ id: 'p1', text, start: 0, end: 5 }] }],
  });
  const write = async (path: string, method: string, data: Record<string, unknown>) => {
    const answer = await cm(path, method, data);
    assert.ok(answer.status === 200 || answer.status === 201, answer.text);
    return (answer.body as { data: { documentId: string } }).data.documentId;
  };

  await write('?locale=en', 'POST', {
    title: DRAFT.only.title,
    slug: DRAFT.only.slug,
    summary: DRAFT.only.text,
    duration: 60,
    transcript: transcript(DRAFT.only.text),
    course: await linked('course'),
    category: await linked('category'),
  });
  await write(`/${await documentId('lesson', main.en.slug)}?locale=en`, 'PUT', {
    title: DRAFT.edit.title,
    slug: DRAFT.edit.slug,
    summary: DRAFT.edit.text,
    transcript: transcript(DRAFT.edit.text),
  });
  const englishOnly = await write('?locale=en', 'POST', {
    title: 'English only, published',
    slug: FIXTURE_SLUG,
    summary: 'Published in English; its Spanish version is a draft.',
    duration: 60,
    transcript: transcript('Published English words.'),
    category: await linked('category'),
  });
  const publish = await cm(`/${englishOnly}/actions/publish?locale=en`, 'POST', {});
  assert.equal(publish.status, 200, publish.text);
  await write(`/${englishOnly}?locale=es`, 'PUT', {
    title: DRAFT.locale.title,
    slug: DRAFT.locale.slug,
    summary: DRAFT.locale.text,
    transcript: transcript(DRAFT.locale.text),
  });
}

// ---- the matrix ----

interface Route {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  path: () => string;
  /** A fresh body per request (reports need their own idempotency key). */
  body?: () => unknown;
  expect: Record<Actor, number>;
}

/** Expected statuses in the order of ACTORS. */
const statuses = (...list: number[]): Record<Actor, number> =>
  Object.fromEntries(ACTORS.map((a, i) => [a, list[i]!])) as Record<Actor, number>;
const everyone = (status: number) => statuses(...ACTORS.map(() => status));
const readersOnly = statuses(401, 200, 200, 401, 401, 401);
const reportReaders = statuses(401, 401, 401, 200, 403, 200);
const reportTriagers = statuses(401, 401, 401, 403, 403, 200);

let bodies = 0;
const ROUTES: Route[] = [
  { name: 'list', method: 'GET', path: () => '/api/lessons?pageSize=50', expect: everyone(200) },
  { name: 'search', method: 'GET', path: () => '/api/lessons?search=friend', expect: everyone(200) },
  { name: 'lesson', method: 'GET', path: () => `/api/lessons/${main.en.slug}`, expect: everyone(200) },
  {
    name: 'transcript',
    method: 'GET',
    path: () => `/api/lessons/${main.en.slug}/transcript?format=vtt`,
    expect: everyone(200),
  },
  {
    name: 'embed',
    method: 'GET',
    path: () => `/api/lessons/${main.en.slug}/embed.html`,
    expect: everyone(200),
  },
  { name: 'widget loader', method: 'GET', path: () => '/api/lessons/widget.js', expect: everyone(200) },
  {
    name: 'report an error',
    method: 'POST',
    path: () => `/api/lessons/${main.en.slug}/reports`,
    body: () => ({
      locale: 'en',
      what: 'A typo somewhere.',
      idempotencyKey: `matrix-report-${++bodies}`,
      email: REPORTER_EMAILS[2],
    }),
    expect: everyone(201),
  },
  {
    name: 'read progress',
    method: 'GET',
    path: () => `/api/lessons/${main.en.slug}/progress`,
    expect: readersOnly,
  },
  {
    name: 'record progress',
    method: 'PUT',
    path: () => `/api/lessons/${main.en.slug}/progress`,
    body: () => ({ segments: [[0, 2]], position: 2 }),
    expect: readersOnly,
  },
  // users-permissions answers the Public role's missing permission with 403, an admin's token (not its own) with 401.
  {
    name: 'reader account',
    method: 'GET',
    path: () => '/api/users/me',
    expect: statuses(403, 200, 200, 401, 401, 401),
  },
  { name: 'list reports', method: 'GET', path: () => '/lessons/reports', expect: reportReaders },
  {
    name: 'one report',
    method: 'GET',
    path: () => `/lessons/reports/${reports.forState}`,
    expect: reportReaders,
  },
  { name: 'lesson options', method: 'GET', path: () => '/lessons/lesson-options', expect: reportReaders },
  {
    name: 'change a report',
    method: 'PUT',
    path: () => `/lessons/reports/${reports.forState}`,
    body: () => ({ state: 'triaged', note: 'Looked at it.' }),
    expect: reportTriagers,
  },
  {
    name: 'apply a suggestion',
    method: 'POST',
    path: () => `/lessons/reports/${reports.forApply}/apply`,
    body: () => ({}),
    expect: reportTriagers,
  },
  {
    name: 'lesson positions (CM list)',
    method: 'GET',
    path: () => '/lessons/lesson-positions?locale=en',
    expect: statuses(401, 401, 401, 403, 403, 200),
  },
  {
    name: 'lesson drafts (Content Manager)',
    method: 'GET',
    path: () => `/content-manager/collection-types/${LESSON_UID}?locale=en`,
    expect: statuses(401, 401, 401, 403, 403, 200),
  },
];

/** Every public answer seen in this file, swept for leaks at the end. */
const publicAnswers: Array<{ request: string; answer: Answer }> = [];
const isPublic = (path: string) => path.startsWith('/api/');

async function ask(method: string, path: string, actor: Actor, body?: unknown): Promise<Answer> {
  const answer = await api(path, { method, ...as(actor), ...(body !== undefined ? { json: body } : {}) });
  if (isPublic(path)) publicAnswers.push({ request: `${method} ${path} as ${actor}`, answer });
  return answer;
}

describe('authorization', () => {
  it('every actor on every route gets the expected status', async () => {
    const wrong: string[] = [];
    const table: string[] = [`${'route'.padEnd(34)}${ACTORS.map((a) => a.padStart(13)).join('')}`];
    for (const route of ROUTES) {
      const seen: string[] = [];
      // Super admin last: its changes (triage, apply) come after everyone else was refused.
      for (const actor of ACTORS) {
        const answer = await ask(route.method, route.path(), actor, route.body?.());
        const ok = answer.status === route.expect[actor];
        seen.push(`${ok ? '' : '✗'}${answer.status}`.padStart(13));
        if (!ok)
          wrong.push(
            `${route.method} ${route.path()} as ${actor}: ${answer.status}, expected ${route.expect[actor]}: ${answer.text.slice(0, 200)}`,
          );
      }
      table.push(`${`${route.method} ${route.name}`.padEnd(34)}${seen.join('')}`);
    }
    console.log(table.join('\n'));
    assert.deepEqual(wrong, [], `${wrong.length} wrong statuses:\n${wrong.join('\n')}`);
  });

  it("reader B neither sees nor changes reader A's progress", async () => {
    const path = `/api/lessons/${watched.en.slug}/progress`;
    const progress = async (actor: Actor, extra = '') =>
      expectOk(await ask('GET', `${path}${extra}`, actor), progressResponseSchema).data;
    await progress('readerA');
    await progress('readerB');
    const a = expectOk(
      await ask('PUT', path, 'readerA', { segments: [[0, 8]], position: 8 }),
      progressResponseSchema,
    ).data;
    assert.ok(a.segments.length > 0, 'reader A has watched something');

    const b = await progress('readerB');
    assert.deepEqual([b.segments, b.position, b.percent], [[], 0, 0], "B sees B's own (empty) progress");
    for (const extra of [`?user=${readerAId}`, `?reader=${readerAId}`, `?userId=${readerAId}`]) {
      const answer = await ask('GET', `${path}${extra}`, 'readerB');
      assert.ok(answer.status === 400 || answer.status === 200, `${extra}: ${answer.status}`);
      if (answer.status === 200)
        assert.deepEqual(
          progressOutputSchema.parse((answer.body as { data: unknown }).data).segments,
          [],
          extra,
        );
    }
    const aimed = await ask('PUT', path, 'readerB', {
      segments: [[20, 26]],
      position: 26,
      userId: readerAId,
    });
    assert.equal(aimed.status, 400, 'a PUT naming another reader is refused');
    expectOk(
      await ask('PUT', path, 'readerB', { segments: [[20, 26]], position: 26 }),
      progressResponseSchema,
    );

    const after = await progress('readerA');
    assert.deepEqual(
      [after.segments, after.position],
      [a.segments, a.position],
      "A's progress is as A left it",
    );
  });

  it('no public answer names a draft: list, search, lesson, related, previous/next, locales, transcript, embed, progress, reports', async () => {
    // The markers are real: editors see them.
    const editorView = await api(`/content-manager/collection-types/${LESSON_UID}?locale=en&pageSize=50`, {
      token: tokens.superAdmin!,
    });
    assert.ok(
      editorView.text.includes(DRAFT.only.title) && editorView.text.includes(DRAFT.edit.title),
      'editors see both drafts',
    );
    const published = [
      'recognising-the-signs-of-depression',
      main.en.slug,
      watched.en.slug,
      applied.en.slug,
      FIXTURE_SLUG,
    ];
    const gone = [DRAFT.only.slug, DRAFT.edit.slug, DRAFT.locale.slug];
    for (const locale of ['en', 'es']) {
      await ask('GET', `/api/lessons?locale=${locale}&pageSize=50`, 'anonymous');
      await ask('GET', `/api/lessons?locale=${locale}&category=depression&pageSize=50`, 'anonymous');
    }
    for (const slug of published) {
      for (const locale of ['en', 'es']) {
        const lesson = expectOk(
          await ask('GET', `/api/lessons/${slug}?locale=${locale}`, 'anonymous'),
          lessonResponseSchema,
        ).data;
        for (const format of ['vtt', 'srt', 'txt'])
          await ask(
            'GET',
            `/api/lessons/${slug}/transcript?locale=${lesson.locale}&format=${format}`,
            'anonymous',
          );
        await ask('GET', `/api/lessons/${slug}/embed.html?locale=${locale}`, 'anonymous');
        await ask('GET', `/api/lessons/${slug}/progress?locale=${locale}`, 'readerA');
      }
    }
    // The course counts published lessons only: the draft in it is not one of them.
    const mainLesson: Lesson = expectOk(
      await ask('GET', `/api/lessons/${main.en.slug}`, 'anonymous'),
      lessonResponseSchema,
    ).data;
    assert.equal(mainLesson.title, main.en.title, 'the published title, not the draft edit');
    assert.equal(mainLesson.course?.total, 4);
    const course = expectOk(
      await ask('GET', `/api/lessons/${main.en.slug}/progress`, 'readerA'),
      progressResponseSchema,
    ).data.course;
    assert.equal(course?.total, 4);
    const english = expectOk(
      await ask('GET', `/api/lessons/${FIXTURE_SLUG}?locale=es`, 'anonymous'),
      lessonResponseSchema,
    ).data;
    assert.equal(english.locale, 'en', 'a Spanish draft is not served as Spanish');
    assert.deepEqual(
      english.locales.map((l) => l.locale),
      ['en'],
    );

    for (const word of ['zqdraftonly', 'zqdraftedit', 'zqdraftlocale']) {
      for (const locale of ['en', 'es']) {
        const found = await ask('GET', `/api/lessons?search=${word}&locale=${locale}`, 'anonymous');
        assert.deepEqual(
          (found.body as { data: unknown[] }).data,
          [],
          `search "${word}" (${locale}) finds nothing`,
        );
      }
    }
    for (const slug of gone) {
      for (const locale of ['en', 'es']) {
        for (const route of ['', '/transcript', '/embed.html']) {
          assert.equal(
            (await ask('GET', `/api/lessons/${slug}${route}?locale=${locale}`, 'anonymous')).status,
            404,
            `${slug}${route}`,
          );
        }
        assert.equal(
          (await ask('GET', `/api/lessons/${slug}/progress?locale=${locale}`, 'readerA')).status,
          404,
          `${slug} progress`,
        );
        assert.equal(
          (
            await ask('PUT', `/api/lessons/${slug}/progress?locale=${locale}`, 'readerA', {
              segments: [],
              position: 0,
            })
          ).status,
          404,
        );
        const reported = await ask('POST', `/api/lessons/${slug}/reports`, 'anonymous', {
          locale,
          what: 'Draft?',
          idempotencyKey: `draft-${slug}-${locale}`,
        });
        assert.equal(reported.status, 404, `a report about ${slug}`);
      }
    }

    // Markers: the drafts' own text anywhere, and their slugs in answers to requests that did not name them.
    const leaks: string[] = [];
    for (const { request, answer } of publicAnswers) {
      const text = answer.text.toLowerCase();
      const markers = [
        ...Object.values(DRAFT).flatMap((d) => [d.title, d.text]),
        ...gone.filter((slug) => !request.includes(slug)),
        ...['zqdraftonly', 'zqdraftedit', 'zqdraftlocale'].filter(
          (word) => !request.toLowerCase().includes(word),
        ),
      ];
      for (const marker of markers)
        if (text.includes(marker.toLowerCase())) leaks.push(`${request}: "${marker}"`);
    }
    assert.deepEqual(leaks, [], 'draft text in public answers');
  });

  it("no public answer carries a reporter's e-mail address or address hash", async () => {
    const stored = strapi.query('SELECT reporter_email, client_hash FROM lessons_error_reports') as Array<{
      reporter_email: string | null;
      client_hash: string | null;
    }>;
    const emails = stored.map((r) => r.reporter_email).filter((e): e is string => !!e);
    const hashes = stored.map((r) => r.client_hash).filter((h): h is string => !!h);
    assert.ok(
      REPORTER_EMAILS.every((e) => emails.includes(e)),
      'the e-mail addresses were stored',
    );
    assert.ok(hashes.length >= 3, 'address hashes were stored');
    // The reports' own answers and the lesson they are about, after they were triaged and applied.
    await report(main.en.slug, { what: 'One more, with an address.', email: REPORTER_EMAILS[0] }, 'readerA');
    for (const slug of [main.en.slug, applied.en.slug]) await ask('GET', `/api/lessons/${slug}`, 'readerA');
    assert.ok(publicAnswers.length > 100, `${publicAnswers.length} public answers swept`);
    const leaks = publicAnswers.flatMap(({ request, answer }) =>
      [...emails, ...hashes]
        .filter((secret) => answer.text.includes(secret))
        .map((secret) => `${request}: ${secret}`),
    );
    assert.deepEqual(leaks, []);
  });
});

describe('previews of drafts', () => {
  /** The documentId of a lesson as editors list it. */
  async function lessonId(locale: string, title: string): Promise<string> {
    const list = await api(`/content-manager/collection-types/${LESSON_UID}?locale=${locale}&pageSize=100`, {
      token: tokens.superAdmin!,
    });
    const found = (list.body as { results: Array<{ documentId: string; title: string }> }).results.find(
      (r) => r.title === title,
    );
    assert.ok(found, title);
    return found.documentId;
  }

  /** What Strapi's Preview panel asks for ("Open preview"), answered by the app's preview handler. */
  async function previewUrl(documentId: string, locale: string, status = 'draft'): Promise<URL> {
    const answer = await api(
      `/content-manager/preview/url/${LESSON_UID}?documentId=${documentId}&locale=${locale}&status=${status}`,
      { token: tokens.superAdmin! },
    );
    assert.equal(answer.status, 200, answer.text);
    return new URL((answer.body as { data: { url: string } }).data.url);
  }

  const lessonAnswer = (slug: string, query: string) => api(`/api/lessons/${slug}?${query}`);

  it('a preview token opens its own draft in its own language, privately; anything else is refused', async () => {
    const onlyId = await lessonId('en', DRAFT.only.title);
    const page = await previewUrl(onlyId, 'en');
    assert.equal(page.pathname, `/api/lessons/${onlyId}/preview`);
    const token = page.searchParams.get('token')!;
    assert.ok(token, 'a draft preview carries a token');

    // The page: the real widget, given the draft's slug, language and token.
    const html = await api(`${page.pathname}${page.search}`);
    assert.equal(html.status, 200, html.text);
    assert.equal(html.headers.get('cache-control'), 'private, no-store');
    assert.match(html.text, /<script src="\/api\/lessons\/widget.js" defer><\/script>/);
    assert.match(
      html.text,
      new RegExp(`<lesson-widget api="/" lesson="${DRAFT.only.slug}" lang="en" preview-token="${token}">`),
    );

    // The API answers the draft with the token, privately, and never keeps it.
    for (let i = 0; i < 2; i++) {
      const answer = await lessonAnswer(DRAFT.only.slug, `locale=en&preview=${token}`);
      const lesson = expectOk(answer, lessonResponseSchema).data;
      assert.equal(lesson.title, DRAFT.only.title);
      assert.equal(answer.headers.get('cache-control'), 'private, no-store');
      assert.equal(answer.headers.get('etag'), null, 'no validator for a shared cache to keep');
    }
    const vtt = await api(`/api/lessons/${DRAFT.only.slug}/transcript?locale=en&format=vtt&preview=${token}`);
    assert.equal(vtt.status, 200, vtt.text);
    assert.ok(vtt.text.includes(DRAFT.only.text), 'the captions of the draft');
    assert.equal(vtt.headers.get('cache-control'), 'private, no-store');
    // Without the token, still nothing: the preview was not cached for anyone.
    assert.equal((await lessonAnswer(DRAFT.only.slug, 'locale=en')).status, 404);

    // A published lesson's unpublished edit: the token shows the edit; readers still get what is published.
    const mainId = await lessonId('en', DRAFT.edit.title);
    const editToken = (await previewUrl(mainId, 'en')).searchParams.get('token')!;
    const edited = expectOk(
      await lessonAnswer(DRAFT.edit.slug, `locale=en&preview=${editToken}`),
      lessonResponseSchema,
    ).data;
    assert.equal(edited.title, DRAFT.edit.title);
    assert.deepEqual(
      edited.locales.map((l) => l.locale),
      ['en'],
      'a preview is of one language',
    );
    const published = await lessonAnswer(main.en.slug, 'locale=en');
    assert.equal(expectOk(published, lessonResponseSchema).data.title, main.en.title);
    assert.match(published.headers.get('cache-control') ?? '', /^public/);

    // The published tab of the preview: readers' version, no token.
    const publishedPage = await previewUrl(mainId, 'en', 'published');
    assert.equal(publishedPage.searchParams.get('token'), null);
    assert.match(
      (await api(`${publishedPage.pathname}${publishedPage.search}`)).text,
      new RegExp(`lesson="${main.en.slug}"`),
    );

    // Another lesson, another language, a token for the Spanish draft asked in English.
    const esId = await lessonId('es', DRAFT.locale.title);
    const esToken = (await previewUrl(esId, 'es')).searchParams.get('token')!;
    const refused = [
      [DRAFT.edit.slug, `locale=en&preview=${token}`, 403],
      [DRAFT.only.slug, `locale=es&preview=${token}`, 403],
      [DRAFT.locale.slug, `locale=en&preview=${esToken}`, 403],
      [FIXTURE_SLUG, `locale=en&preview=${esToken}`, 403],
      [DRAFT.locale.slug, `locale=es&preview=${esToken}`, 200],
    ] as const;
    for (const [slug, query, status] of refused) {
      const answer = await lessonAnswer(slug, query);
      assert.equal(answer.status, status, `${slug}?${query}: ${answer.text.slice(0, 200)}`);
      assert.equal(answer.headers.get('cache-control'), 'private, no-store');
    }
    assert.equal(
      (await api(`/api/lessons/${mainId}/preview?locale=en&token=${token}`)).status,
      403,
      "a page for another lesson's token",
    );

    // Tampered with: the claims (another document) or the signature.
    const [claims, signature] = token.split('.') as [string, string];
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), d: mainId }),
    ).toString('base64url');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bad of [`${forged}.${signature}`, `${claims}.${flipped}`, claims, 'not-a-token', '']) {
      const answer = await lessonAnswer(
        bad.startsWith(forged) ? DRAFT.edit.slug : DRAFT.only.slug,
        `locale=en&preview=${bad}`,
      );
      assert.equal(answer.status, bad ? 401 : 400, `${bad}: ${answer.text.slice(0, 200)}`);
      assert.ok(!answer.text.includes('Zqdraft'), 'nothing of the draft');
    }

    // Expired: signed with this server's key (the demo APP_KEYS), a second past its end.
    const key = previewKey(DEMO_SECRETS.APP_KEYS.split(','));
    const expired = signPreviewToken(
      { documentId: onlyId, locale: 'en', expires: Math.floor(Date.now() / 1000) - 1 },
      key,
    );
    const late = await lessonAnswer(DRAFT.only.slug, `locale=en&preview=${expired}`);
    assert.equal(late.status, 401, late.text);
    assert.match((late.body as ApiError).error.message, /expired/);
    const latePage = await api(`/api/lessons/${onlyId}/preview?locale=en&token=${expired}`);
    assert.equal(latePage.status, 401);
    assert.match(latePage.text, /This preview link has expired/);
    // The same claims, still valid: the key is the server's, so only the expiry refused it.
    const fresh = signPreviewToken(
      { documentId: onlyId, locale: 'en', expires: Math.floor(Date.now() / 1000) + 60 },
      key,
    );
    expectOk(await lessonAnswer(DRAFT.only.slug, `locale=en&preview=${fresh}`), lessonResponseSchema);
  });
});
