import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import {
  describeQuote,
  lessonListSchema,
  lessonOptionsResponseSchema,
  lessonResponseSchema,
  paragraphsOf,
  reportCreatedResponseSchema,
  reportDetailResponseSchema,
  reportListResponseSchema,
  reportRowSchema,
  type ErrorReportInputRaw,
  type Lesson,
  type ReportListResponse,
  type ReportRow,
} from '@lessons/shared';
import {
  addRoleWith,
  adminLogin,
  inviteEditor,
  setRoleActions,
  call,
  expectError,
  expectOk,
  fieldErrorsOf,
  rawRequest,
  readerLogin,
  seedLesson,
  startStrapi,
  type Answer,
  type TestStrapi,
} from './helpers.ts';

/** Readers' error reports (public route) and the editors' side of them (admin routes, RBAC). */
let strapi: TestStrapi;
let api: (path: string, init?: Parameters<typeof call>[1]) => Promise<Answer>;
let editor: string;
const lessons: Record<string, Lesson> = {};

const main = seedLesson('regaining-social-connection');
const last = seedLesson('asking-for-professional-help');
const sleep = seedLesson('sleep-routine-and-mood');
const signs = seedLesson('signs-of-depression');
const applyResponseSchema = z.object({ data: z.object({ report: reportRowSchema }) });

before(async () => {
  // Many reports come from this one client: lift the per-client limit (tested in limits.test.ts).
  strapi = await startStrapi(1402, {
    LESSONS_REPORTS_PER_CLIENT: '1000',
    LESSONS_REPORTS_PER_LESSON: '1000',
  });
  api = (path, init) => call(`${strapi.url}${path}`, init);
  editor = await adminLogin(strapi.url);
  for (const [key, slug, locale] of [
    ['main-en', main.en.slug, 'en'],
    ['main-es', main.es.slug, 'es'],
    ['last-en', last.en.slug, 'en'],
  ] as const) {
    lessons[key] = expectOk(await api(`/api/lessons/${slug}?locale=${locale}`), lessonResponseSchema).data;
  }
});

after(async () => {
  await strapi?.stop();
});

let keys = 0;
const newKey = () => `test-report-${String(++keys).padStart(4, '0')}`;

const report = (slug: string, body: Partial<ErrorReportInputRaw> & Record<string, unknown>, token?: string) =>
  api(`/api/lessons/${slug}/reports`, { method: 'POST', json: body, ...(token ? { token } : {}) });

/** Sends a valid report and answers its id. */
async function created(
  slug: string,
  body: Partial<ErrorReportInputRaw> & Record<string, unknown>,
): Promise<string> {
  const { data } = expectOk(
    await report(slug, { locale: 'en', what: 'Something is wrong here.', idempotencyKey: newKey(), ...body }),
    reportCreatedResponseSchema,
    201,
  );
  assert.equal(data.state, 'new');
  return data.id;
}

const admin = (path: string, init: Parameters<typeof call>[1] = {}, token = editor) =>
  api(`/lessons${path}`, { ...init, token });
const listReports = async (query = '', token = editor): Promise<ReportListResponse> =>
  expectOk(await admin(`/reports${query ? `?${query}` : ''}`, {}, token), reportListResponseSchema);
const detail = async (id: string) => expectOk(await admin(`/reports/${id}`), reportDetailResponseSchema).data;
const setState = (id: string, body: unknown, token = editor) =>
  admin(`/reports/${id}`, { method: 'PUT', json: body }, token);
const apply = (id: string, body: unknown = {}, token = editor) =>
  admin(`/reports/${id}/apply`, { method: 'POST', json: body }, token);
const total = async (query: string) => (await listReports(query)).meta.pagination.total;

/** The quote a reader's selection makes (as the widget builds it) of the n-th occurrence of `words`. */
function quoteOf(lesson: Lesson, words: string, occurrence = 0) {
  const hits = paragraphsOf(lesson.transcript).flatMap((p) =>
    [...p.text.matchAll(new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => ({
      p,
      start: m.index,
    })),
  );
  const hit = hits[occurrence];
  assert.ok(hit, `"${words}" occurs ${occurrence + 1} times`);
  const position = { paragraphId: hit.p.id, start: hit.start, end: hit.start + words.length };
  return {
    quote: describeQuote(lesson.transcript, position)!,
    position,
    count: hits.length,
    paragraph: hit.p,
  };
}

describe('POST /api/lessons/:slug/reports', () => {
  it('stores a report and answers 201 { id, state: "new" }; editors see all of it', async () => {
    const lesson = lessons['main-en']!;
    const { quote, position, paragraph } = quoteOf(lesson, 'Reply to one message');
    const answer = await report(lesson.slug, {
      locale: 'en',
      quote,
      position,
      time: 50.5,
      where: 'Second section',
      what: 'The sentence reads oddly.',
      suggestion: 'Answer one message',
      email: 'someone@example.com',
      idempotencyKey: newKey(),
    });
    const { data } = expectOk(answer, reportCreatedResponseSchema, 201);
    assert.equal(data.state, 'new');
    const row = await detail(data.id);
    assert.equal(row.id, data.id);
    assert.equal(row.state, 'new');
    assert.deepEqual(row.lesson, {
      documentId: lesson.id,
      locale: 'en',
      title: lesson.title,
      slug: lesson.slug,
    });
    assert.deepEqual(row.quote, quote);
    assert.deepEqual(row.position, position);
    assert.equal(row.time, 50.5);
    assert.equal(row.where, 'Second section');
    assert.equal(row.what, 'The sentence reads oddly.');
    assert.equal(row.suggestion, 'Answer one message');
    assert.equal(row.reporterEmail, 'someone@example.com');
    assert.equal(row.reporterUser, null);
    assert.equal(row.quoteFound, true);
    assert.equal(row.resolvedBy, null);
    assert.deepEqual(row.context, {
      paragraphId: paragraph.id,
      heading: paragraph.heading,
      text: paragraph.text,
      start: position.start,
      end: position.end,
      exact: true,
      time: paragraph.start ?? null,
    });
    assert.equal(row.video?.src, lesson.video?.sources[0]?.src);
  });

  it('answers the same report for the same idempotency key, and stores it once', async () => {
    const lessonQuery = `lesson=${lessons['last-en']!.id}&locale=en`;
    const before = await total(lessonQuery);
    const key = newKey();
    const once = expectOk(
      await report(last.en.slug, { locale: 'en', what: 'First send.', idempotencyKey: key }),
      reportCreatedResponseSchema,
      201,
    );
    const twice = expectOk(
      await report(last.en.slug, { locale: 'en', what: 'Second send.', idempotencyKey: key }),
      reportCreatedResponseSchema,
      201,
    );
    assert.equal(twice.data.id, once.data.id);
    assert.equal(await total(lessonQuery), before + 1);
    assert.equal((await detail(once.data.id)).what, 'First send.');
    // Sent five times at once (a flaky connection retrying): still one report.
    const body = { locale: 'en', what: 'Sent at once.', idempotencyKey: newKey() };
    const answers = await Promise.all(Array.from({ length: 5 }, () => report(last.en.slug, body)));
    const ids = new Set(answers.map((a) => expectOk(a, reportCreatedResponseSchema, 201).data.id));
    assert.equal(ids.size, 1);
    assert.equal(await total(lessonQuery), before + 2);
  });

  it('scopes an idempotency key to its lesson and its client: elsewhere the same key is another report', async () => {
    const body = { locale: 'en', what: 'The same key everywhere.', idempotencyKey: newKey() };
    const onMain = expectOk(await report(main.en.slug, body), reportCreatedResponseSchema, 201).data;
    const onLast = expectOk(await report(last.en.slug, body), reportCreatedResponseSchema, 201).data;
    assert.notEqual(onLast.id, onMain.id);
    assert.equal((await detail(onLast.id)).lesson.documentId, lessons['last-en']!.id);
    // Another reader (another address) who happens to send the same key about the same lesson.
    const fromElsewhere = await rawRequest(strapi.url, {
      method: 'POST',
      path: `/api/lessons/${main.en.slug}/reports`,
      localAddress: '127.0.0.2',
      body: JSON.stringify(body),
    });
    assert.equal(fromElsewhere.status, 201, fromElsewhere.text);
    const otherId = reportCreatedResponseSchema.parse(fromElsewhere.body).data.id;
    assert.ok(otherId !== onMain.id && otherId !== onLast.id);
    // Each resend still finds its own report.
    assert.equal(
      expectOk(await report(last.en.slug, body), reportCreatedResponseSchema, 201).data.id,
      onLast.id,
    );
    assert.equal(
      expectOk(await report(main.en.slug, body), reportCreatedResponseSchema, 201).data.id,
      onMain.id,
    );
    const stored = (key: string) =>
      strapi.query(`SELECT COUNT(*) AS n FROM lessons_error_reports WHERE idempotency_key = '${key}'`)[0]!.n;
    assert.equal(stored(body.idempotencyKey), 3);

    // Resent four times at once about each of two lessons: one report per lesson.
    const again = { ...body, idempotencyKey: newKey() };
    const answers = await Promise.all(
      [main.en.slug, last.en.slug].flatMap((slug) => Array.from({ length: 4 }, () => report(slug, again))),
    );
    const ids = answers.map((a) => expectOk(a, reportCreatedResponseSchema, 201).data.id);
    assert.equal(new Set(ids.slice(0, 4)).size, 1);
    assert.equal(new Set(ids.slice(4)).size, 1);
    assert.notEqual(ids[0], ids[4]);
    assert.equal(stored(again.idempotencyKey), 2);
  });

  it('refuses invalid input with 400 and an error per field, unknown fields included; stores nothing', async () => {
    const before = await total('');
    const error = expectError(
      await report(main.en.slug, {
        locale: 'EN!',
        what: ' ',
        idempotencyKey: 'no spaces allowed',
        email: 'not-an-address',
        time: -3,
        quote: { exact: '', prefix: '', suffix: '' },
        colour: 'red',
      }),
      400,
    );
    assert.equal(error.name, 'ValidationError');
    const fields = fieldErrorsOf(error);
    for (const field of ['locale', 'what', 'idempotencyKey', 'email', 'time', 'quote.exact']) {
      assert.ok(fields.has(field), `an error on ${field}: ${[...fields.keys()].join(', ')}`);
    }
    assert.equal(fields.get(''), 'Unknown field: colour.');
    assert.equal(fields.get('what'), 'Say what the error is, in a few words.');
    const empty = fieldErrorsOf(expectError(await report(main.en.slug, {}), 400));
    for (const field of ['locale', 'what', 'idempotencyKey']) assert.ok(empty.has(field), field);
    assert.equal(await total(''), before);
  });

  it('answers 201 to a filled honeypot and stores nothing', async () => {
    const before = await total('');
    const answer = await report(main.en.slug, {
      locale: 'en',
      what: 'Buy cheap things',
      idempotencyKey: newKey(),
      website: 'http://spam.test',
    });
    const { data } = expectOk(answer, reportCreatedResponseSchema, 201);
    assert.equal(data.state, 'new');
    assert.equal(await total(''), before);
    expectError(await admin(`/reports/${data.id}`), 404);
  });

  it('stores a quote that is not in the transcript with quoteFound false', async () => {
    const id = await created(main.en.slug, {
      quote: { exact: 'words that this lesson never says anywhere at all', prefix: '', suffix: '' },
    });
    const row = await detail(id);
    assert.equal(row.quoteFound, false);
    assert.equal(row.context, null);
    assert.equal(row.position, null);
    assert.equal(row.quote?.exact, 'words that this lesson never says anywhere at all');
  });

  it('answers 404 for an unknown lesson and 400 for a language the lesson lacks', async () => {
    const before = await total('');
    expectError(
      await report('no-such-lesson', { locale: 'en', what: 'Where is it?', idempotencyKey: newKey() }),
      404,
    );
    const error = expectError(
      await report(main.en.slug, { locale: 'fr', what: 'En français ?', idempotencyKey: newKey() }),
      400,
    );
    assert.ok(fieldErrorsOf(error).has('locale'));
    assert.equal(await total(''), before);
  });

  it("records the reader's account when a logged-in reader reports, and the Spanish lesson for a Spanish report", async () => {
    const { jwt, user } = await readerLogin(strapi.url);
    const { data } = expectOk(
      await report(main.es.slug, { locale: 'es', what: 'Falta una tilde.', idempotencyKey: newKey() }, jwt),
      reportCreatedResponseSchema,
      201,
    );
    const row = await detail(data.id);
    assert.deepEqual(row.reporterUser, { id: user.id, username: user.username });
    assert.deepEqual(row.lesson, {
      documentId: lessons['main-es']!.id,
      locale: 'es',
      title: main.es.title,
      slug: main.es.slug,
    });
  });

  it("stores a hash of the reader's address, never the address itself", async () => {
    await created(main.en.slug, { what: 'Hashed address' });
    const rows = strapi.query('SELECT * FROM lessons_error_reports');
    assert.ok(rows.length > 0);
    for (const row of rows) {
      assert.match(String(row.client_hash), /^[0-9a-f]{32}$/);
      const stored = JSON.stringify(row);
      assert.ok(!stored.includes('127.0.0.1') && !stored.includes('::1'), stored);
    }
  });
});

describe('admin report routes', () => {
  it('need an admin: 401 without a token and with a reader token', async () => {
    const { jwt } = await readerLogin(strapi.url);
    for (const token of [undefined, jwt]) {
      for (const [path, init] of [
        ['/reports', {}],
        ['/reports/abc', {}],
        ['/reports/abc', { method: 'PUT', json: { state: 'triaged' } }],
        ['/reports/abc/apply', { method: 'POST', json: {} }],
        ['/lesson-options', {}],
      ] as const) {
        expectError(await api(`/lessons${path}`, { ...init, ...(token ? { token } : {}) }), 401);
      }
    }
  });

  it('lists reports newest first, filtered by state, lesson and language, with counts per state', async () => {
    const lastId = lessons['last-en']!.id;
    const mainId = lessons['main-en']!.id;
    const a = await created(last.en.slug, { what: 'Filter A' });
    const b = await created(last.en.slug, { what: 'Filter B' });
    expectOk(await setState(b, { state: 'triaged' }), z.object({ data: reportRowSchema }));

    const all = await listReports();
    const times = all.data.map((r) => Date.parse(r.createdAt));
    assert.deepEqual(
      times,
      [...times].sort((x, y) => y - x),
      'newest first',
    );
    assert.equal(
      all.meta.pagination.total,
      Object.values(all.meta.counts).reduce((n, c) => n + c, 0),
    );

    const ofLast = await listReports(`lesson=${lastId}`);
    assert.ok(ofLast.data.every((r) => r.lesson.documentId === lastId));
    assert.deepEqual(
      ofLast.data.slice(0, 2).map((r) => r.id),
      [b, a],
    );
    assert.equal(ofLast.meta.counts.triaged, 1);
    assert.equal(ofLast.meta.counts.new, ofLast.meta.pagination.total - 1);

    const triaged = await listReports(`lesson=${lastId}&state=triaged`);
    assert.deepEqual(
      triaged.data.map((r) => r.id),
      [b],
    );
    assert.equal(triaged.meta.pagination.total, 1);
    // Counts describe the other filters, whatever state is picked, so the tabs can show them.
    assert.deepEqual(triaged.meta.counts, ofLast.meta.counts);

    // Both languages of a lesson are one document: the locale filter tells them apart.
    const es = await created(main.es.slug, { locale: 'es', what: 'Filtro en español' });
    const spanish = await listReports(`lesson=${mainId}&locale=es`);
    assert.ok(spanish.data.some((r) => r.id === es));
    assert.ok(spanish.data.every((r) => r.lesson.documentId === mainId && r.lesson.locale === 'es'));
    const english = await listReports(`lesson=${mainId}&locale=en`);
    assert.ok(english.data.length > 0 && english.data.every((r) => r.lesson.locale === 'en'));
    assert.equal(
      (await listReports(`lesson=${mainId}`)).meta.pagination.total,
      spanish.meta.pagination.total + english.meta.pagination.total,
    );
  });

  it('pages the list and refuses bad filters with 400', async () => {
    const whole = await listReports();
    assert.ok(whole.meta.pagination.total >= 3);
    const page = await listReports('pageSize=2&page=2');
    assert.deepEqual(page.meta.pagination, {
      page: 2,
      pageSize: 2,
      pageCount: Math.ceil(whole.meta.pagination.total / 2),
      total: whole.meta.pagination.total,
    });
    assert.deepEqual(
      page.data.map((r) => r.id),
      whole.data.slice(2, 4).map((r) => r.id),
    );
    assert.ok(fieldErrorsOf(expectError(await admin('/reports?state=done'), 400)).has('state'));
    assert.match(fieldErrorsOf(expectError(await admin('/reports?sort=id'), 400)).get('') ?? '', /sort/);
    expectError(await admin('/reports?pageSize=101'), 400);
  });

  it('answers 404 for an unknown report', async () => {
    expectError(await admin('/reports/no-such-report'), 404);
    expectError(await setState('no-such-report', { state: 'triaged' }), 404);
    expectError(await apply('no-such-report'), 404);
  });

  it('moves a report along the allowed transitions only, recording who closed it', async () => {
    const id = await created(main.en.slug, { what: 'Transitions' });
    const row = z.object({ data: reportRowSchema });
    const triaged = expectOk(await setState(id, { state: 'triaged' }), row).data;
    assert.equal(triaged.state, 'triaged');
    assert.equal(triaged.resolvedBy, null);

    const refused = expectError(await setState(id, { state: 'fixed' }), 400);
    assert.match(refused.message, /"triaged" cannot be moved to "fixed"/);
    assert.equal((await detail(id)).state, 'triaged');

    const rejected = expectOk(await setState(id, { state: 'rejected', note: 'Not an error.' }), row).data;
    assert.equal(rejected.state, 'rejected');
    assert.equal(rejected.resolutionNote, 'Not an error.');
    assert.deepEqual(rejected.resolvedBy, { id: 1, name: 'Demo Editor' });
    assert.ok(rejected.resolvedAt && !Number.isNaN(Date.parse(rejected.resolvedAt)));

    expectError(await setState(id, { state: 'accepted' }), 400);
    expectError(await setState(id, { state: 'new' }), 400);
    const reopened = expectOk(await setState(id, { state: 'triaged' }), row).data;
    assert.equal(reopened.resolvedBy, null);
    assert.equal(reopened.resolvedAt, null);
    const accepted = expectOk(await setState(id, { state: 'accepted' }), row).data;
    assert.equal(accepted.state, 'accepted');
    assert.equal((await detail(id)).state, 'accepted');

    const bad = fieldErrorsOf(expectError(await setState(id, { state: 'done', by: 'me' }), 400));
    assert.ok(bad.has('state'));
    assert.match(bad.get('') ?? '', /by/);
  });

  it('labels an external video with its own type on the report page: WebM, HLS or MP4', async () => {
    const lesson = expectOk(await api(`/api/lessons/${signs.en.slug}?locale=en`), lessonResponseSchema).data;
    const id = await created(signs.en.slug, { what: 'About the video' });
    const CM = `/content-manager/collection-types/plugin::lessons.lesson/${lesson.id}?locale=en`;
    const cases = [
      ['https://media.example/clips/lesson.webm', 'video/webm'],
      ['https://media.example/live/lesson.m3u8?token=abc', 'application/x-mpegURL'],
      ['https://media.example/clips/lesson.mp4', 'video/mp4'],
    ] as const;
    for (const [videoUrl, type] of cases) {
      // The draft only: an editor trying another video, which the report page shows.
      const saved = await api(CM, { method: 'PUT', token: editor, json: { video: null, videoUrl } });
      assert.equal(saved.status, 200, saved.text);
      assert.deepEqual((await detail(id)).video, { src: videoUrl, type });
    }
  });

  it('offers the lessons to filter by, in each language', async () => {
    const en = expectOk(await admin('/lesson-options?locale=en'), lessonOptionsResponseSchema).data;
    assert.equal(en.length, 4);
    assert.ok(en.every((o) => o.locale === 'en'));
    assert.deepEqual(
      en.map((o) => o.title),
      [...en.map((o) => o.title)].sort((a, b) => a.localeCompare(b)),
    );
    assert.ok(en.some((o) => o.documentId === lessons['main-en']!.id && o.title === main.en.title));
    const every = expectOk(await admin('/lesson-options'), lessonOptionsResponseSchema).data;
    assert.equal(every.length, 8);
  });
});

describe('applying a suggestion', () => {
  it('replaces the right one of two identical passages, publishes the correction and fixes the report', async () => {
    const lesson = lessons['main-en']!;
    // "low mood" occurs twice; the reader selected the second.
    const { quote, position, count } = quoteOf(lesson, 'low mood', 1);
    assert.equal(count, 2);
    const firstHit = quoteOf(lesson, 'low mood', 0);
    assert.notEqual(firstHit.position.paragraphId, position.paragraphId);
    // Sent without a position: only the prefix and suffix tell the two apart.
    const id = await created(lesson.slug, { quote, suggestion: 'a lasting low mood' });
    const before = await api(`/api/lessons/${lesson.slug}?locale=en`);
    const row = await detail(id);
    assert.deepEqual(row.position, position);
    assert.equal(row.context?.paragraphId, position.paragraphId);

    const applied = expectOk(await apply(id), applyResponseSchema).data.report;
    assert.equal(applied.state, 'fixed');
    assert.deepEqual(applied.resolvedBy, { id: 1, name: 'Demo Editor' });
    assert.ok(applied.resolvedAt);

    const after = await api(`/api/lessons/${lesson.slug}?locale=en`);
    const corrected = expectOk(after, lessonResponseSchema).data;
    assert.notEqual(after.headers.get('etag'), before.headers.get('etag'));
    const expected = structuredClone(lesson.transcript);
    for (const s of expected.sections) {
      for (const p of s.paragraphs) {
        if (p.id === position.paragraphId)
          p.text = `${p.text.slice(0, position.start)}a lasting low mood${p.text.slice(position.end)}`;
      }
    }
    assert.deepEqual(corrected.transcript, expected);
    // Republishing keeps everything around the transcript: its place in the course, tags, languages.
    assert.deepEqual(corrected.course, lesson.course);
    assert.deepEqual(corrected.tags, lesson.tags);
    assert.deepEqual(corrected.category, lesson.category);
    assert.deepEqual(corrected.locales, lesson.locales);
    assert.deepEqual(corrected.related, lesson.related);
    // The searchable text and the downloads follow the correction.
    const found = expectOk(await api('/api/lessons?search=a%20lasting%20low%20mood'), lessonListSchema);
    assert.deepEqual(
      found.data.map((l) => l.slug),
      [lesson.slug],
    );
    assert.ok(
      (await api(`/api/lessons/${lesson.slug}/transcript?format=txt`)).text.includes(
        'If a lasting low mood persists',
      ),
    );
    // The Spanish version is untouched.
    assert.deepEqual(
      expectOk(await api(`/api/lessons/${main.es.slug}?locale=es`), lessonResponseSchema).data.transcript,
      main.es.transcript,
    );

    const again = expectError(await apply(id), 400);
    assert.match(again.message, /already fixed/);
    assert.equal((await detail(id)).state, 'fixed');
    // A note added later keeps who fixed it, and when.
    const noted = expectOk(
      await setState(id, { state: 'fixed', note: 'Checked again.' }),
      z.object({ data: reportRowSchema }),
    ).data;
    assert.equal(noted.resolutionNote, 'Checked again.');
    assert.deepEqual(noted.resolvedBy, applied.resolvedBy);
    assert.equal(noted.resolvedAt, applied.resolvedAt);
  });

  it('corrects the published text without publishing draft edits nobody has published yet', async () => {
    const lesson = lessons['last-en']!;
    const CM = `/content-manager/collection-types/plugin::lessons.lesson/${lesson.id}`;
    const cmDoc = z.object({ data: z.object({ title: z.string(), transcript: z.unknown() }).passthrough() });
    // An editor's unfinished work: a new title and a new closing paragraph, saved, not published.
    const draftTranscript = structuredClone(lesson.transcript);
    draftTranscript.sections
      .at(-1)!
      .paragraphs.push({ id: 'draft-extra', text: 'A paragraph still being written.' });
    expectOk(
      await api(`${CM}?locale=en`, {
        method: 'PUT',
        token: editor,
        json: { title: 'Asking for help (draft title)', transcript: draftTranscript },
      }),
      cmDoc,
    );
    const { quote, position } = quoteOf(
      lesson,
      paragraphsOf(lesson.transcript)[0]!.text.split(' ').slice(0, 3).join(' '),
    );
    const id = await created(lesson.slug, { quote, position, suggestion: 'CORRECTED WORDS' });
    expectOk(await apply(id), applyResponseSchema);

    // Readers get the correction, and nothing of the draft.
    const live = expectOk(await api(`/api/lessons/${lesson.slug}?locale=en`), lessonResponseSchema).data;
    assert.equal(live.title, lesson.title);
    const expected = structuredClone(lesson.transcript);
    const first = expected.sections[0]!.paragraphs[0]!;
    first.text = `CORRECTED WORDS${first.text.slice(position.end)}`;
    assert.deepEqual(live.transcript, expected);
    assert.ok(!paragraphsOf(live.transcript).some((p) => p.id === 'draft-extra'));
    assert.deepEqual(
      expectOk(await api('/api/lessons?search=CORRECTED%20WORDS'), lessonListSchema).data.map((l) => l.slug),
      [lesson.slug],
    );
    // The draft keeps its edits, and has the correction too.
    const draft = expectOk(await api(`${CM}?locale=en`, { token: editor }), cmDoc).data;
    assert.equal(draft.title, 'Asking for help (draft title)');
    const draftParagraphs = paragraphsOf(draft.transcript as Lesson['transcript']);
    assert.equal(draftParagraphs[0]!.text, first.text);
    assert.equal(draftParagraphs.at(-1)!.id, 'draft-extra');
    // …and the admin still shows it as modified (a draft ahead of what is published).
    const meta = (await api(`${CM}?locale=en`, { token: editor })).body as {
      meta: { availableStatus: Array<{ publishedAt: string | null; updatedAt: string }> };
    };
    const publishedVersion = meta.meta.availableStatus.find((v) => v.publishedAt);
    assert.ok(
      publishedVersion &&
        Date.parse((draft as { updatedAt: string }).updatedAt) > Date.parse(publishedVersion.updatedAt),
      JSON.stringify(meta.meta),
    );

    // Put the lesson back as it was, for the tests that follow.
    const restored = await api(`${CM}/actions/publish?locale=en`, {
      method: 'POST',
      token: editor,
      json: { title: lesson.title, transcript: lesson.transcript },
    });
    assert.equal(restored.status, 200, restored.text);
    assert.deepEqual(
      expectOk(await api(`/api/lessons/${lesson.slug}?locale=en`), lessonResponseSchema).data.transcript,
      lesson.transcript,
    );
  });

  it("uses the editor's replacement and note over the reader's suggestion", async () => {
    const lesson = expectOk(await api(`/api/lessons/${main.en.slug}?locale=en`), lessonResponseSchema).data;
    const { quote } = quoteOf(lesson, 'ten-minute walk');
    const id = await created(lesson.slug, { quote, suggestion: 'ten minute walk' });
    const applied = expectOk(
      await apply(id, { replacement: 'short walk', note: 'Simpler wording.' }),
      applyResponseSchema,
    ).data.report;
    assert.equal(applied.state, 'fixed');
    assert.equal(applied.resolutionNote, 'Simpler wording.');
    const text = paragraphsOf(
      expectOk(await api(`/api/lessons/${lesson.slug}`), lessonResponseSchema).data.transcript,
    )
      .map((p) => p.text)
      .join('\n');
    assert.ok(text.includes('Take a short walk with a neighbour.'));
    assert.ok(!text.includes('ten-minute walk'));
  });

  it('refuses a replacement that would leave the transcript invalid with 400, and writes nothing', async () => {
    const lesson = expectOk(await api(`/api/lessons/${sleep.en.slug}?locale=en`), lessonResponseSchema).data;
    const doc = `/content-manager/collection-types/plugin::lessons.lesson/${lesson.id}`;
    const CM = `${doc}?locale=en`;
    // A draft ahead of the published text: the published row and the draft are both to be corrected.
    const saved = await api(CM, { method: 'PUT', token: editor, json: { title: `${lesson.title} (draft)` } });
    assert.equal(saved.status, 200, saved.text);
    const draftBefore = (await api(CM, { token: editor })).body as { data: { transcript: unknown } };
    // The whole of one paragraph, replaced by blanks: a paragraph with no text.
    const paragraph = paragraphsOf(lesson.transcript).sort((a, b) => a.text.length - b.text.length)[0]!;
    const { quote, position } = quoteOf(lesson, paragraph.text);
    const id = await created(lesson.slug, { quote, position, suggestion: 'unused' });

    const error = expectError(await apply(id, { replacement: '   ' }), 400);
    assert.match(error.message, /would not be valid: A paragraph needs some text/);
    assert.deepEqual(
      expectOk(await api(`/api/lessons/${lesson.slug}?locale=en`), lessonResponseSchema).data.transcript,
      lesson.transcript,
    );
    assert.deepEqual(
      ((await api(CM, { token: editor })).body as { data: { transcript: unknown } }).data.transcript,
      draftBefore.data.transcript,
    );
    assert.equal((await detail(id)).state, 'new');

    const restored = await api(`${doc}/actions/publish?locale=en`, {
      method: 'POST',
      token: editor,
      json: { title: lesson.title },
    });
    assert.equal(restored.status, 200, restored.text);
  });

  it('refuses with 400 when there is nothing to replace with or nothing to replace', async () => {
    const lesson = lessons['main-en']!;
    const noSuggestion = await created(lesson.slug, { quote: quoteOf(lesson, 'Emotional validation').quote });
    const error = expectError(await apply(noSuggestion), 400);
    assert.ok(fieldErrorsOf(error).has('replacement'));
    const noQuote = await created(lesson.slug, { suggestion: 'Something' });
    assert.match(expectError(await apply(noQuote), 400).message, /does not point at any words/);
    expectError(await apply(noSuggestion, { replacement: 'x', extra: true }), 400);
    assert.equal((await detail(noSuggestion)).state, 'new');
    assert.equal((await detail(noQuote)).state, 'new');
  });

  it('answers 409 with a message when the reported words were since edited away, and changes nothing', async () => {
    const lesson = lessons['last-en']!;
    const { quote, paragraph } = quoteOf(lesson, 'write down what you have noticed');
    const id = await created(lesson.slug, { quote, suggestion: 'note what you have noticed' });
    // An editor rewrites that paragraph in the draft (not published yet).
    const sections = structuredClone(lesson.transcript.sections);
    for (const s of sections)
      for (const p of s.paragraphs)
        if (p.id === paragraph.id) p.text = 'Bring a list of questions to your first appointment.';
    const edit = await api(
      `/content-manager/collection-types/plugin::lessons.lesson/${lesson.id}?locale=en`,
      {
        method: 'PUT',
        token: editor,
        json: { transcript: { sections } },
      },
    );
    assert.equal(edit.status, 200, edit.text);

    const conflict = expectError(await apply(id), 409);
    assert.equal(conflict.name, 'ConflictError');
    assert.match(conflict.message, /write down what you have noticed/);
    const row = await detail(id);
    assert.equal(row.state, 'new');
    assert.equal(row.context, null);
    assert.deepEqual(
      expectOk(await api(`/api/lessons/${lesson.slug}`), lessonResponseSchema).data.transcript,
      last.en.transcript,
    );
  });
});

describe('report permissions (RBAC)', () => {
  let limited: string;
  let limitedUserId: number;
  let editorRoleId: number;
  let reviewersRoleId: number;
  let reportId: string;

  before(async () => {
    // A second admin with Strapi's built-in Editor role, invited and registered as the admin UI does.
    ({
      token: limited,
      userId: limitedUserId,
      roleId: editorRoleId,
    } = await inviteEditor(
      strapi.url,
      editor,
      { firstname: 'Limited', lastname: 'Editor' },
      'Limited-editor-2026',
    ));
    reportId = await created(main.en.slug, { what: 'For the permissions test' });
  });

  const everyRoute = (token: string) => [
    { write: false, answer: () => admin('/reports', {}, token) },
    { write: false, answer: () => admin(`/reports/${reportId}`, {}, token) },
    { write: false, answer: () => admin('/lesson-options', {}, token) },
    { write: true, answer: () => setState(reportId, { state: 'triaged' }, token) },
    { write: true, answer: () => apply(reportId, { replacement: 'x' }, token) },
  ];

  it('refuses an Editor without the reports permissions with 403', async () => {
    for (const route of everyRoute(limited)) expectError(await route.answer(), 403);
    assert.equal((await detail(reportId)).state, 'new');
  });

  it('lets a role with "Read error reports" read but not change them', async () => {
    reviewersRoleId = await addRoleWith(
      strapi.url,
      editor,
      {
        name: 'Report reviewers',
        description: 'Reads and triages error reports',
        actions: ['plugin::lessons.reports.read'],
      },
      { userId: limitedUserId, roles: [editorRoleId] },
    );

    for (const route of everyRoute(limited)) {
      const answer = await route.answer();
      if (route.write) expectError(answer, 403);
      else assert.equal(answer.status, 200, answer.text);
    }
    expectOk(await admin('/reports', {}, limited), reportListResponseSchema);
    assert.equal((await detail(reportId)).state, 'new');
  });

  it('lets the role triage and close reports once granted "Triage and apply error reports"', async () => {
    await setRoleActions(strapi.url, editor, reviewersRoleId, [
      'plugin::lessons.reports.read',
      'plugin::lessons.reports.update',
    ]);
    const row = z.object({ data: reportRowSchema });
    assert.equal(
      expectOk(await setState(reportId, { state: 'triaged' }, limited), row).data.state,
      'triaged',
    );
    const closed: ReportRow = expectOk(await setState(reportId, { state: 'rejected' }, limited), row).data;
    assert.deepEqual(closed.resolvedBy, { id: limitedUserId, name: 'Limited Editor' });
  });
});

describe('a stored transcript that does not parse', () => {
  it('is answered 503 with a message, never served as an empty transcript, and logged with the lesson id', async () => {
    const lesson = expectOk(await api(`/api/lessons/${signs.es.slug}?locale=es`), lessonResponseSchema).data;
    const row = "WHERE document_id = ? AND locale = 'es' AND published_at IS NOT NULL";
    const [{ transcript: stored }] = strapi.query(
      `SELECT transcript FROM lessons_lessons ${row.replace('?', `'${lesson.id}'`)}`,
    ) as Array<{
      transcript: string;
    }>;
    // Changed behind Strapi's back (a hand edit, a bad migration): every write through Strapi is checked.
    strapi.execute(
      `UPDATE lessons_lessons SET transcript = ? ${row}`,
      '{"sections":[{"heading":"Sin párrafos"}]}',
      lesson.id,
    );
    // Cached answers know nothing of a change behind Strapi's back; the next write through Strapi
    // (here the lesson's draft saved as it is) drops them, as a restart would.
    const draft = await api(
      `/content-manager/collection-types/plugin::lessons.lesson/${lesson.id}?locale=es`,
      { method: 'PUT', token: editor, json: {} },
    );
    assert.equal(draft.status, 200, draft.text);
    try {
      for (const path of [
        `/api/lessons/${signs.es.slug}?locale=es`,
        `/api/lessons/${signs.es.slug}/transcript?locale=es&format=txt`,
      ]) {
        const error = expectError(await api(path), 503);
        assert.match(error.message, /transcript is damaged/, path);
      }
      assert.match(strapi.output(), new RegExp(`transcript of lesson ${lesson.id} \\(es\\) is not valid`));
      // The rest of the site is unaffected: the list, and the same lesson in English.
      assert.ok(
        expectOk(await api('/api/lessons?locale=es'), lessonListSchema).data.some(
          (l) => l.slug === signs.es.slug,
        ),
      );
      expectOk(await api(`/api/lessons/${signs.en.slug}?locale=en`), lessonResponseSchema);
    } finally {
      strapi.execute(`UPDATE lessons_lessons SET transcript = ? ${row}`, stored, lesson.id);
    }
    assert.deepEqual(
      expectOk(await api(`/api/lessons/${signs.es.slug}?locale=es`), lessonResponseSchema).data.transcript,
      lesson.transcript,
    );
  });
});
