import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import {
  apiErrorSchema,
  lessonListSchema,
  lessonResponseSchema,
  progressResponseSchema,
  reportCreatedResponseSchema,
  reportListResponseSchema,
  reportRowSchema,
} from '@lessons/shared';
import {
  adminLogin,
  call,
  expectError,
  expectOk,
  rawRequest,
  readerLogin,
  registerReader,
  seedLesson,
  startStrapi,
  type Answer,
  type TestStrapi,
} from './helpers.ts';
import { clientKey } from '../server/src/utils/http.ts';

/** The site owner's settings: allowed origins, CORS, the report and login rate limits, the completion threshold. */
const ALLOWED = 'http://allowed.test';
const EVIL = 'http://evil.test';
let strapi: TestStrapi;
let api: (path: string, init?: Parameters<typeof call>[1]) => Promise<Answer>;

before(async () => {
  strapi = await startStrapi(1403, {
    LESSONS_ALLOWED_ORIGINS: ALLOWED,
    LESSONS_REPORTS_PER_CLIENT: '2',
    LESSONS_REPORTS_PER_LESSON: '3',
    LESSONS_REPORTS_WINDOW: '600',
    AUTH_RATELIMIT_MAX: '3',
    LESSONS_COMPLETION_THRESHOLD: '0.5',
    // The threshold test completes a lesson the moment it is opened: the bound on credited watching
    // time (cms/test/progress.test.ts) would refuse that, so it gets a day of slack here.
    LESSONS_PROGRESS_SLACK: '86400',
  });
  api = (path, init) => call(`${strapi.url}${path}`, init);
});

after(async () => {
  await strapi?.stop();
});

const main = seedLesson('regaining-social-connection');
const sleep = seedLesson('sleep-routine-and-mood');
const last = seedLesson('asking-for-professional-help');

/** A report sent from one client address (127.0.0.x), with extra headers (a proxy's X-Forwarded-For). */
const sendReport = (
  url: string,
  client: string,
  slug: string,
  key: string,
  headers: Record<string, string> = {},
) =>
  rawRequest(url, {
    method: 'POST',
    path: `/api/lessons/${slug}/reports`,
    localAddress: client,
    headers: { Origin: ALLOWED, ...headers },
    body: JSON.stringify({ locale: 'en', what: `Report ${key}`, idempotencyKey: key }),
  });
const headerList = (value: string | null | undefined) =>
  (value ?? '').split(',').map((h) => h.trim().toLowerCase());

describe('allowed origins (LESSONS_ALLOWED_ORIGINS)', () => {
  it('refuses every lesson route to pages on other origins with 403 and a message', async () => {
    const { jwt } = await readerLogin(strapi.url);
    const slug = main.en.slug;
    const routes: Array<[string, Parameters<typeof call>[1]]> = [
      ['/api/lessons', {}],
      [`/api/lessons/${slug}`, {}],
      [`/api/lessons/${slug}/transcript?format=vtt`, {}],
      [`/api/lessons/${slug}/embed.html`, {}],
      [
        `/api/lessons/${slug}/reports`,
        {
          method: 'POST',
          json: { locale: 'en', what: 'From elsewhere', idempotencyKey: 'evil-origin-0001' },
        },
      ],
      [`/api/lessons/${slug}/progress`, { token: jwt }],
      [
        `/api/lessons/${slug}/progress`,
        { method: 'PUT', token: jwt, json: { segments: [[0, 100]], position: 100 } },
      ],
    ];
    for (const [path, init] of routes) {
      const answer = await api(path, { ...init, headers: { Origin: EVIL } });
      const error = expectError(answer, 403);
      assert.match(error.message, /http:\/\/evil\.test.* not allowed/, path);
      // The page can read why it was refused.
      assert.equal(answer.headers.get('access-control-allow-origin'), EVIL);
    }
    // Nothing was written on the refused page's behalf.
    const token = await adminLogin(strapi.url);
    assert.equal(
      expectOk(await api('/lessons/reports', { token }), reportListResponseSchema).meta.pagination.total,
      0,
    );
    const progress = await api(`/api/lessons/${slug}/progress`, { token: jwt });
    assert.deepEqual((progress.body as { data: { segments: unknown[] } }).data.segments, []);
  });

  it('answers pages on the allowed origin, and callers that send no Origin (servers)', async () => {
    const allowed = await api('/api/lessons', { headers: { Origin: ALLOWED } });
    assert.equal(expectOk(allowed, lessonListSchema).meta.pagination.total, 4);
    assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED);
    // Other origins get a 403 for the same URL: a shared cache (a CDN) must keep a copy per Origin.
    assert.ok(
      headerList(allowed.headers.get('vary')).includes('origin'),
      `Vary: ${allowed.headers.get('vary')}`,
    );
    expectOk(await api('/api/lessons'), lessonListSchema);
    assert.equal(
      (await api(`/api/lessons/${main.en.slug}/embed.html`, { headers: { Origin: ALLOWED } })).status,
      200,
    );
  });

  it('holds for answers already cached (answered before the router): the same headers for the allowed origin, 403 for others', async () => {
    const path = `/api/lessons/${main.en.slug}/embed.html?locale=en`;
    const headers = { Origin: ALLOWED, 'Accept-Encoding': 'br' };
    const withoutDate = (answer: Awaited<ReturnType<typeof rawRequest>>) => {
      const { date: _, ...rest } = answer.headers;
      return { status: answer.status, headers: rest, text: answer.text };
    };
    const first = await rawRequest(strapi.url, { path, headers });
    const again = await rawRequest(strapi.url, { path, headers });
    assert.equal(first.status, 200);
    assert.deepEqual(withoutDate(again), withoutDate(first));
    assert.equal(again.headers['access-control-allow-origin'], ALLOWED);
    const notModified = { ...headers, 'If-None-Match': String(first.headers.etag) };
    assert.equal((await rawRequest(strapi.url, { path, headers: notModified })).status, 304);
    const refused = await rawRequest(strapi.url, { path, headers: { ...notModified, Origin: EVIL } });
    assert.equal(refused.status, 403);
    assert.match(refused.text, /not allowed/);
  });

  it('always serves widget.js, whatever the origin', async () => {
    for (const origin of [EVIL, ALLOWED]) {
      const answer = await api('/api/lessons/widget.js', { headers: { Origin: origin } });
      assert.equal(answer.status, 200);
      assert.match(answer.headers.get('content-type') ?? '', /javascript/);
      assert.equal(answer.headers.get('access-control-allow-origin'), '*');
    }
  });
});

describe('CORS', () => {
  it('exposes ETag, Retry-After and Content-Disposition to pages', async () => {
    const answer = await api(`/api/lessons/${main.en.slug}/transcript?format=srt`, {
      headers: { Origin: ALLOWED },
    });
    assert.equal(answer.status, 200);
    const exposed = headerList(answer.headers.get('access-control-expose-headers'));
    for (const h of ['etag', 'retry-after', 'content-disposition'])
      assert.ok(exposed.includes(h), `${h} in ${exposed.join(', ')}`);
  });

  it('allows If-None-Match and Authorization in a preflight', async () => {
    const answer = await api(`/api/lessons/${main.en.slug}/progress`, {
      method: 'OPTIONS',
      headers: {
        Origin: ALLOWED,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization, if-none-match, content-type',
      },
    });
    assert.ok(answer.status === 204 || answer.status === 200, String(answer.status));
    assert.equal(answer.headers.get('access-control-allow-origin'), ALLOWED);
    const headers = headerList(answer.headers.get('access-control-allow-headers'));
    for (const h of ['if-none-match', 'authorization', 'content-type'])
      assert.ok(headers.includes(h), `${h} in ${headers.join(', ')}`);
    assert.ok(headerList(answer.headers.get('access-control-allow-methods')).includes('put'));
  });
});

describe('rate limits', () => {
  const send = (client: string, slug: string, key: string) => sendReport(strapi.url, client, slug, key);

  it("limits reports per client (429 with Retry-After), and holds a lesson's reports for review past its cap", async () => {
    // Per client: 2 in the window, whichever lessons they are about.
    const first = await send('127.0.0.1', main.en.slug, 'limit-key-0001');
    assert.equal(first.status, 201, first.text);
    assert.equal((await send('127.0.0.1', main.en.slug, 'limit-key-0002')).status, 201);
    const third = await send('127.0.0.1', main.en.slug, 'limit-key-0003');
    assert.equal(third.status, 429, third.text);
    const error = apiErrorSchema.parse(third.body).error;
    assert.equal(error.status, 429);
    assert.match(error.message, /try again/i);
    const retryAfter = Number(third.headers['retry-after']);
    assert.ok(
      Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 600,
      `Retry-After: ${third.headers['retry-after']}`,
    );
    assert.ok(
      headerList(String(third.headers['access-control-expose-headers'])).includes('retry-after'),
      'a page can read Retry-After',
    );
    // Moving to another lesson does not reset a client's count.
    assert.equal((await send('127.0.0.1', sleep.en.slug, 'limit-key-0007')).status, 429);
    // Resending a report that was already stored is not a new report: same answer, no 429.
    const resent = await send('127.0.0.1', main.en.slug, 'limit-key-0001');
    assert.equal(resent.status, 201);
    assert.equal(
      reportCreatedResponseSchema.parse(resent.body).data.id,
      reportCreatedResponseSchema.parse(first.body).data.id,
    );

    // Another client may still report this lesson: up to 3 reports of the lesson in the window go
    // straight to the editors; past that, reports are still taken, but held for review.
    const lessonThird = await send('127.0.0.2', main.en.slug, 'limit-key-0004');
    assert.equal(reportCreatedResponseSchema.parse(lessonThird.body).data.state, 'new');
    const lessonFull = await send('127.0.0.3', main.en.slug, 'limit-key-0005');
    assert.equal(lessonFull.status, 201, lessonFull.text);
    const held = reportCreatedResponseSchema.parse(lessonFull.body).data;
    assert.equal(held.state, 'held');
    // Other lessons are counted apart.
    const other = await send('127.0.0.3', sleep.en.slug, 'limit-key-0006');
    assert.equal(reportCreatedResponseSchema.parse(other.body).data.state, 'new');

    // Only the reports that got a 201 were stored, the held one in its own state.
    const token = await adminLogin(strapi.url);
    const stored = expectOk(await api('/lessons/reports', { token }), reportListResponseSchema);
    assert.deepEqual(
      stored.data.map((r) => `${r.what}: ${r.state}`).sort(),
      [
        'limit-key-0001: new',
        'limit-key-0002: new',
        'limit-key-0004: new',
        'limit-key-0005: held',
        'limit-key-0006: new',
      ].map((r) => `Report ${r}`),
    );
    assert.equal(stored.meta.counts.held, 1);
    const heldList = expectOk(await api('/lessons/reports?state=held', { token }), reportListResponseSchema);
    assert.deepEqual(
      heldList.data.map((r) => r.id),
      [held.id],
    );
    // An editor lets it in (or rejects it); nothing else, and nothing moves back into "held".
    const move = (id: string, state: string) =>
      api(`/lessons/reports/${id}`, { method: 'PUT', token, json: { state } });
    assert.match(
      expectError(await move(held.id, 'triaged'), 400).message,
      /"held" cannot be moved to "triaged"/,
    );
    assert.equal(expectOk(await move(held.id, 'new'), z.object({ data: reportRowSchema })).data.state, 'new');
    assert.match(expectError(await move(held.id, 'held'), 400).message, /"new" cannot be moved to "held"/);
  });

  it('keys clients by their socket address when no proxy is configured: X-Forwarded-For is ignored', async () => {
    // One socket, three claimed addresses: without `server.proxy` they are one client (limit 2).
    const claims = ['198.51.100.1', '198.51.100.2', '198.51.100.3'];
    const answers = [];
    for (const [i, claimed] of claims.entries()) {
      answers.push(
        (
          await sendReport(strapi.url, '127.0.0.20', last.en.slug, `xff-plain-000${i}`, {
            'X-Forwarded-For': claimed,
          })
        ).status,
      );
    }
    assert.deepEqual(answers, [201, 201, 429]);
  });

  it('limits reader logins as AUTH_RATELIMIT_MAX says, per client', async () => {
    const login = (client: string, password: string) =>
      rawRequest(strapi.url, {
        method: 'POST',
        path: '/api/auth/local',
        localAddress: client,
        body: JSON.stringify({ identifier: 'reader@example.com', password }),
      });
    for (let i = 0; i < 3; i++) {
      const wrong = await login('127.0.0.9', 'wrong-password');
      assert.equal(wrong.status, 400, wrong.text);
      assert.equal(apiErrorSchema.parse(wrong.body).error.message, 'Invalid identifier or password');
    }
    const limited = await login('127.0.0.9', 'Reader-demo-2026');
    assert.equal(limited.status, 429, limited.text);
    assert.equal(apiErrorSchema.parse(limited.body).error.status, 429);
    // Another client is not affected.
    assert.equal((await login('127.0.0.10', 'Reader-demo-2026')).status, 200);
  });

  it('limits registrations the same way', async () => {
    const register = (client: string) =>
      rawRequest(strapi.url, {
        method: 'POST',
        path: '/api/auth/local/register',
        localAddress: client,
        body: JSON.stringify({ username: 'flooder', email: 'flooder@example.com', password: 'short' }),
      });
    for (let i = 0; i < 3; i++) assert.equal((await register('127.0.0.11')).status, 400);
    const limited = await register('127.0.0.11');
    assert.equal(limited.status, 429, limited.text);
    assert.equal(apiErrorSchema.parse(limited.body).error.status, 429);
  });
});

describe('behind a reverse proxy (TRUST_PROXY=true: server.proxy.koa)', () => {
  let proxied: TestStrapi;
  before(async () => {
    proxied = await startStrapi(1404, {
      TRUST_PROXY: 'true',
      LESSONS_REPORTS_PER_CLIENT: '2',
      LESSONS_REPORTS_PER_LESSON: '100',
      LESSONS_REPORTS_WINDOW: '600',
    });
  });
  after(async () => {
    await proxied?.stop();
  });

  /** Statuses of reports sent in turn through one proxy (one socket address) for the given client addresses. */
  const statuses = async (clients: string[], prefix: string) => {
    const list = [];
    for (const [i, client] of clients.entries()) {
      list.push(
        (
          await sendReport(
            proxied.url,
            '127.0.0.1',
            main.en.slug,
            `${prefix}-${String(i).padStart(4, '0')}`,
            { 'X-Forwarded-For': client },
          )
        ).status,
      );
    }
    return list;
  };

  it('keys clients by the address the proxy forwards', async () => {
    assert.deepEqual(
      await statuses(['198.51.100.1', '198.51.100.1', '198.51.100.1', '198.51.100.2'], 'proxied-v4'),
      [201, 201, 429, 201],
    );
  });

  it('names a client by its IPv4 address or its IPv6 /64, an IPv4-mapped IPv6 address as the IPv4 one', () => {
    assert.equal(clientKey('203.0.113.7'), '203.0.113.7');
    assert.equal(clientKey('::ffff:203.0.113.7'), '203.0.113.7');
    assert.equal(clientKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:0db8:0001:0002::1'), '2001:db8:1:2::/64');
    assert.notEqual(clientKey('2001:db8:1:3::1'), clientKey('2001:db8:1:2::1'));
  });

  it('keys an IPv6 client by its /64: other addresses of that network share its limit', async () => {
    const clients = [
      '2001:db8:1:2::1',
      '2001:db8:1:2::2',
      '2001:db8:1:2:ffff:ffff:ffff:ffff',
      '2001:db8:1:3::1',
    ];
    assert.deepEqual(await statuses(clients, 'proxied-v6'), [201, 201, 429, 201]);
  });
});

describe('completion threshold (LESSONS_COMPLETION_THRESHOLD)', () => {
  it('completes a lesson once the configured share has been played: 50% here', async () => {
    const { jwt } = await registerReader(strapi.url, 'halfway');
    const lesson = expectOk(await api(`/api/lessons/${main.en.slug}?locale=en`), lessonResponseSchema).data;
    const duration = lesson.video!.duration!;
    const put = async (segments: Array<[number, number]>) =>
      expectOk(
        await api(`/api/lessons/${main.en.slug}/progress?locale=en`, {
          method: 'PUT',
          token: jwt,
          json: { segments, position: segments[0]![1] },
        }),
        progressResponseSchema,
      ).data;
    const before = await put([[0, duration * 0.45]]);
    assert.equal(before.completed, false);
    assert.ok(before.percent >= 44 && before.percent <= 46, String(before.percent));
    const after = await put([[duration * 0.45, duration * 0.55]]);
    assert.equal(after.completed, true);
    assert.ok(after.percent >= 54 && after.percent <= 56, String(after.percent));
    assert.equal(after.course?.completed, 1);
  });
});
