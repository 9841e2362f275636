import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import {
  apiErrorSchema,
  errorReportInputSchema,
  progressInputSchema,
  reportCreatedResponseSchema,
} from '@lessons/shared';
import {
  adminLogin,
  call,
  expectOk,
  readerLogin,
  seedLesson,
  startStrapi,
  type TestStrapi,
} from './helpers.ts';

/**
 * Hostile input: a generated corpus of malformed requests against every public route, every admin
 * route and the reader account routes. Each must be refused with a 4xx and Strapi's JSON error
 * naming the problem. None may answer a 5xx, take the server down or leave a row behind.
 */

const JWT_SECRET = 'hostile-input-test-reader-jwt-secret';
const ADMIN_JWT_SECRET = 'hostile-input-test-admin-jwt-secret';

let strapi: TestStrapi;
let readerToken: string;
let readerId: number;
let adminToken: string;
let reportId: string;
let rowsBefore: Record<string, number>;

const lesson = seedLesson('regaining-social-connection').en.slug;
const figures = { tried: 0, serverErrors: 0, tolerated: 0, todo: [] as string[] };

before(async () => {
  strapi = await startStrapi(1410, {
    JWT_SECRET,
    ADMIN_JWT_SECRET,
    // The limits are tested elsewhere; here every request should reach the code that judges it.
    AUTH_RATELIMIT_MAX: '100000',
    LESSONS_REPORTS_PER_CLIENT: '100000',
    LESSONS_REPORTS_PER_LESSON: '100000',
    LESSONS_PROGRESS_PER_READER: '100000',
  });
  const reader = await readerLogin(strapi.url);
  readerToken = reader.jwt;
  readerId = reader.user.id;
  adminToken = await adminLogin(strapi.url);
  const created = await call(`${strapi.url}/api/lessons/${lesson}/reports`, {
    method: 'POST',
    json: {
      locale: 'en',
      what: 'A report for the admin routes to be sent garbage about.',
      idempotencyKey: 'hostile-input-fixture',
    },
  });
  reportId = expectOk(created, reportCreatedResponseSchema, 201).data.id;
  // The reader has opened the lesson once, so reading progress later has nothing new to record.
  assert.equal(
    (await call(`${strapi.url}/api/lessons/${lesson}/progress`, { token: readerToken })).status,
    200,
  );
  rowsBefore = rowCounts();
});

after(async () => {
  await strapi?.stop();
});

/** Rows in each of the plugin's tables and in the reader accounts. */
function rowCounts(): Record<string, number> {
  const tables = strapi
    .query(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'lessons\\_%' ESCAPE '\\' OR name = 'up_users')`,
    )
    .map((row) => String(row.name));
  return Object.fromEntries(
    tables.map((t) => [t, Number(strapi.query(`SELECT COUNT(*) AS n FROM "${t}"`)[0]!.n)]),
  );
}

// ---- sending ----

interface Probe {
  method: string;
  /** Sent exactly as written: no URL normalisation, so `..` and bad escapes reach the server. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  as?: 'reader' | 'admin';
  /** A word the error must name, in its message or its per-field paths. */
  names?: string;
  /** Why a success is a right answer too (e.g. an unknown but well-formed locale is a preference). */
  tolerated?: string;
  /** A wrong answer that another area is fixing: counted and listed, not failed. */
  todo?: string;
  /** The path matches no route at all: Strapi's own 404 is the right answer. */
  unrouted?: boolean;
}

interface Reply {
  status: number;
  text: string;
}

function send(probe: Probe): Promise<Reply> {
  const { hostname, port } = new URL(strapi.url);
  const headers: Record<string, string> = { ...probe.headers };
  if (probe.as === 'reader') headers.authorization = `Bearer ${readerToken}`;
  if (probe.as === 'admin') headers.authorization = `Bearer ${adminToken}`;
  if (probe.body !== undefined) headers['content-type'] ??= 'application/json';
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: hostname, port, method: probe.method, path: probe.path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(probe.body);
  });
}

// Reason phrases say which status it is, not what was wrong.
const BARE = /^(bad request|not found|internal server error|unprocessable entity|error)\.?$/i;

/** What is wrong with the answer to a probe, or null when it is right. */
function judge(probe: Probe, reply: Reply): string | null {
  if (reply.status >= 500) return `${reply.status} (server error)`;
  if (probe.tolerated && reply.status >= 200 && reply.status < 400) return null;
  if (reply.status < 400) return `${reply.status}, expected a 4xx`;
  if (probe.unrouted && reply.status === 404) return null;
  let json: unknown;
  try {
    json = JSON.parse(reply.text);
  } catch {
    return `${reply.status} without a JSON body`;
  }
  const parsed = apiErrorSchema.safeParse(json);
  if (!parsed.success) return `${reply.status} without Strapi's error envelope`;
  const { error } = parsed.data;
  if (error.status !== reply.status)
    return `error.status ${error.status} differs from the HTTP status ${reply.status}`;
  if (!error.message.trim() || BARE.test(error.message.trim()))
    return `${reply.status} with a message that names nothing: "${error.message}"`;
  if (probe.names) {
    const said = [
      error.message,
      ...(error.details?.errors ?? []).map((e) => `${e.path.join('.')} ${e.message}`),
    ].join(' | ');
    if (!said.toLowerCase().includes(probe.names.toLowerCase()))
      return `${reply.status} "${error.message}" does not name ${probe.names}`;
  }
  return null;
}

const shorten = (s: string) => (s.length > 140 ? `${s.slice(0, 100)}…(${s.length} chars)` : s);
const labelOf = (p: Probe) =>
  `${p.method} ${shorten(p.path)}${p.body !== undefined ? ` body ${shorten(String(p.body))}` : ''}`;

/** Sends a batch one request at a time, then checks the server still answers; fails listing every wrong answer. */
async function tryBatch(probes: Probe[]) {
  assert.ok(probes.length > 0);
  const wrong: string[] = [];
  for (const probe of probes) {
    const reply = await send(probe);
    figures.tried++;
    if (reply.status >= 500) figures.serverErrors++;
    if (probe.tolerated && reply.status < 400) figures.tolerated++;
    const problem = judge(probe, reply);
    if (!problem) continue;
    if (probe.todo) figures.todo.push(`${labelOf(probe)} → ${problem} (TODO ${probe.todo})`);
    else wrong.push(`${labelOf(probe)} → ${problem}: ${shorten(reply.text)}`);
  }
  const health = await fetch(`${strapi.url}/_health`);
  assert.equal(health.status, 204, 'the server still answers its health check');
  assert.deepEqual(
    wrong,
    [],
    `${wrong.length} of ${probes.length} requests were answered wrongly:\n${wrong.join('\n')}`,
  );
}

// ---- the corpus ----

const api = (path: string) => `/api/lessons${path}`;
const json = (value: unknown) => JSON.stringify(value);
/** JSON text with numbers JSON.stringify can't write: "<<1e999>>" → 1e999 (parsed as Infinity). */
const jsonRaw = (value: unknown) => JSON.stringify(value).replace(/"<<([^>]*)>>"/g, '$1');
const LONG = 'x'.repeat(12_000);

const HOSTILE_SLUGS = [
  '..%2F..%2Fpackage.json',
  '%2E%2E',
  '%00',
  'lesson%00.json',
  "'%20OR%20'1'%3D'1",
  '1%3BDROP%20TABLE%20lessons_lessons',
  '%25%27%22',
  '%ff%fe',
  '%E0%A4%A',
  '%C0%AE%C0%AE',
  '%EF%BF%BD',
  '%ED%A0%80',
  '__proto__',
  'constructor',
  LONG,
];

const slugProbes = (): Probe[] =>
  HOSTILE_SLUGS.flatMap((slug): Probe[] => [
    { method: 'GET', path: api(`/${slug}`) },
    { method: 'GET', path: api(`/${slug}/transcript?format=txt`) },
    { method: 'GET', path: api(`/${slug}/embed.html`) },
    {
      method: 'POST',
      path: api(`/${slug}/reports`),
      body: json({ locale: 'en', what: 'Wrong word here.', idempotencyKey: 'hostile-slug-key' }),
    },
    { method: 'GET', path: api(`/${slug}/progress`), as: 'reader' },
    {
      method: 'PUT',
      path: api(`/${slug}/progress`),
      as: 'reader',
      body: json({ segments: [[0, 1]], position: 1 }),
    },
  ]);

// Raw "../" leaves the lesson routes, so these reach no route (and are not served from disk).
const unroutedProbes = (): Probe[] =>
  [
    '/api/lessons/../../etc/passwd',
    '/api/lessons/../../../package.json',
    '/api/lessons/..%2F../etc/passwd',
    '/lessons/reports/../../etc/passwd',
  ].map((path): Probe => ({
    method: 'GET',
    path,
    unrouted: true,
    ...(path.startsWith('/lessons') ? { as: 'admin' as const } : {}),
  }));

const MALFORMED_LOCALES = [
  'EN',
  'en_US',
  'e',
  'en-',
  '..%2Fen',
  '%00',
  'en%00',
  '%ff',
  'en;drop',
  '*',
  'e'.repeat(300),
  'en-' + 'a'.repeat(40),
];
const ODD_LOCALE_QUERIES = ['locale[a]=en', 'locale=en&locale=es'];

const localeProbes = (): Probe[] => {
  const routes: Array<Pick<Probe, 'method' | 'path' | 'as'>> = [
    { method: 'GET', path: api('') },
    { method: 'GET', path: api(`/${lesson}`) },
    { method: 'GET', path: api(`/${lesson}/transcript`) },
    { method: 'GET', path: api(`/${lesson}/embed.html`) },
    { method: 'GET', path: api(`/${lesson}/progress`), as: 'reader' },
    { method: 'PUT', path: api(`/${lesson}/progress`), as: 'reader' },
  ];
  const body = (method: string) => (method === 'PUT' ? { body: json({ segments: [], position: 0 }) } : {});
  return routes.flatMap((route): Probe[] => [
    ...MALFORMED_LOCALES.map((l) => ({
      ...route,
      path: `${route.path}?locale=${l}`,
      names: 'locale',
      ...body(route.method),
    })),
    ...ODD_LOCALE_QUERIES.map((q) => ({
      ...route,
      path: `${route.path}?${q}`,
      names: 'locale',
      ...body(route.method),
    })),
    { ...route, path: `${route.path}?locale[]=en`, names: 'locale', ...body(route.method) },
    {
      ...route,
      path: `${route.path}?locale[__proto__]=x`,
      tolerated: 'the query parser drops __proto__ keys, so no locale is left',
      ...body(route.method),
    },
    // Well formed but not a language of the site: the lesson routes take a locale as a preference.
    ...(route.method === 'GET' && route.path !== api('')
      ? [
          {
            ...route,
            path: `${route.path}?locale=zz`,
            tolerated: 'a locale is a preference; the answer says which one it got',
          },
        ]
      : []),
  ]);
};

const listProbes = (): Probe[] => [
  ...['-1', '0', '1.5', 'NaN', 'Infinity', '1e309', 'abc', '99999999999999999999', '%00'].flatMap(
    (n): Probe[] => [
      { method: 'GET', path: api(`?page=${n}`), names: 'page' },
      { method: 'GET', path: api(`?pageSize=${n}`), names: 'pageSize' },
    ],
  ),
  ...['page', 'pageSize'].map((n): Probe => ({ method: 'GET', path: api(`?${n}[]=1`), names: n })),
  { method: 'GET', path: api('?pageSize=51'), names: 'pageSize' },
  { method: 'GET', path: api(`?search=${'x'.repeat(201)}`), names: 'search' },
  { method: 'GET', path: api('?search=%00'), names: 'search' },
  { method: 'GET', path: api('?search=%ff%fe'), tolerated: '"%ff%fe" is decoded as the literal text it is' },
  { method: 'GET', path: api('?search=%EF%BF%BD'), names: 'search' },
  { method: 'GET', path: api('?search[a]=1'), names: 'search' },
  { method: 'GET', path: api('?search[]=a&search[]=b'), names: 'search' },
  { method: 'GET', path: api('?tag=%27%20OR%201%3D1--'), names: 'tag' },
  { method: 'GET', path: api('?tag=..%2F..%2Fx'), names: 'tag' },
  { method: 'GET', path: api(`?category=${'a'.repeat(300)}`), names: 'category' },
  { method: 'GET', path: api('?category[$ne]=x'), names: 'category' },
  { method: 'GET', path: api('?filters[$where]=1'), names: 'filters' },
  { method: 'GET', path: api('?populate=*'), names: 'populate' },
  { method: 'GET', path: api('?sort=id:desc'), names: 'sort' },
  {
    method: 'GET',
    path: api('?__proto__[admin]=1'),
    tolerated: 'the query parser drops __proto__ keys, so nothing is left to refuse',
  },
  { method: 'GET', path: api(`?${'a'.repeat(5000)}=1`), names: 'field' },
  ...['__proto__', 'constructor', 'toString', 'VTT', 'pdf', '', '..%2Fvtt', '%00', 'vtt%00'].map(
    (f): Probe => ({
      method: 'GET',
      path: api(`/${lesson}/transcript?format=${f}`),
      names: 'format',
      ...(f === '' ? { tolerated: 'an empty format is the default, vtt' } : {}),
    }),
  ),
  { method: 'GET', path: api(`/${lesson}/transcript?format[]=vtt`), names: 'format' },
  {
    method: 'GET',
    path: api(`/${lesson}/transcript?format[toString]=x`),
    tolerated: 'the query parser drops keys named like Object.prototype members',
  },
];

/** Fills "<<…>>" placeholders and keeps only the bodies the shared contract refuses. */
function refusedBodies(
  base: Record<string, unknown>,
  schema: { safeParse(v: unknown): { success: boolean } },
  mutations: Array<[string, Record<string, unknown>]>,
) {
  return mutations
    .map(([field, change]) => {
      const value = { ...base, ...change };
      for (const [k, v] of Object.entries(value)) if (v === undefined) delete value[k];
      return { field, text: jsonRaw(value) };
    })
    .filter(({ text }) => !schema.safeParse(JSON.parse(text)).success);
}

const WRONG_VALUES: unknown[] = [
  null,
  0,
  -1,
  '<<1e999>>',
  '<<-0.5e-999>>',
  true,
  [],
  {},
  '',
  'x'.repeat(5000),
  { $gt: '' },
  ['en'],
  'NaN',
];

const reportProbes = (): Probe[] => {
  const base = {
    locale: 'en',
    quote: { exact: 'shrinking the world', prefix: 'has a way of ', suffix: '. Plans' },
    position: { paragraphId: 'p1', start: 26, end: 45 },
    time: 3,
    what: 'The wording is odd.',
    idempotencyKey: 'hostile-report-0001',
  };
  const fields = [
    'locale',
    'quote',
    'position',
    'time',
    'where',
    'what',
    'suggestion',
    'email',
    'idempotencyKey',
    'website',
  ];
  const mutations: Array<[string, Record<string, unknown>]> = [
    ...fields.flatMap((f) => WRONG_VALUES.map((v): [string, Record<string, unknown>] => [f, { [f]: v }])),
    ...['locale', 'what', 'idempotencyKey'].map((f): [string, Record<string, unknown>] => [
      f,
      { [f]: undefined },
    ]),
    ['quote', { quote: { exact: '' } }],
    ['quote', { quote: { exact: 'x'.repeat(1001) } }],
    ['quote', { quote: { exact: 'x', injected: true } }],
    ['quote', { quote: { exact: 'x', prefix: 'p'.repeat(201) } }],
    ['position', { position: { paragraphId: '../p1', start: 0, end: 1 } }],
    ['position', { position: { paragraphId: 'p1', start: -1, end: 1 } }],
    ['position', { position: { paragraphId: 'p1', start: 9, end: 3 } }],
    ['position', { position: { paragraphId: 'p1', start: 1.5, end: 3 } }],
    ['position', { position: { paragraphId: 'p1', start: '<<1e999>>', end: '<<1e999>>' } }],
    ['time', { time: 86_401 }],
    ['email', { email: 'not-an-address' }],
    ['email', { email: `${'a'.repeat(250)}@example.com` }],
    ['idempotencyKey', { idempotencyKey: "'; DROP TABLE lessons_error_reports; --" }],
    ['idempotencyKey', { idempotencyKey: 'k'.repeat(65) }],
    ['state', { state: 'fixed' }],
    ['quoteFound', { quoteFound: true }],
    ['userId', { userId: 1 }],
  ];
  return refusedBodies(base, errorReportInputSchema, mutations).map(({ field, text }) => ({
    method: 'POST',
    path: api(`/${lesson}/reports`),
    body: text,
    names: field,
  }));
};

const progressProbes = (): Probe[] => {
  const base = { segments: [[0, 5]], position: 5 };
  const many = (n: number) => Array.from({ length: n }, (_, i) => [i * 2, i * 2 + 1]);
  const mutations: Array<[string, Record<string, unknown>]> = [
    ...['segments', 'position'].flatMap((f) =>
      WRONG_VALUES.map((v): [string, Record<string, unknown>] => [f, { [f]: v }]),
    ),
    ...['segments', 'position'].map((f): [string, Record<string, unknown>] => [f, { [f]: undefined }]),
    ['segments', { segments: [[1]] }],
    ['segments', { segments: [[1, 2, 3]] }],
    ['segments', { segments: [['a', 1]] }],
    ['segments', { segments: [[5, 1]] }],
    ['segments', { segments: [[-1, 2]] }],
    ['segments', { segments: [[0, '<<1e999>>']] }],
    ['segments', { segments: [[0, 'NaN']] }],
    ['segments', { segments: [[[0, 1]]] }],
    ['segments', { segments: [{ 0: 0, 1: 1 }] }],
    ['segments', { segments: [null] }],
    ['segments', { segments: many(1001) }],
    ['position', { position: 86_401 }],
    ['completed', { completed: true }],
    ['percent', { percent: 100 }],
    ['course', { course: { completed: 4, total: 4, percent: 100 } }],
  ];
  const probes: Probe[] = refusedBodies(base, progressInputSchema, mutations).map(({ field, text }) => ({
    method: 'PUT',
    path: api(`/${lesson}/progress`),
    as: 'reader',
    body: text,
    names: field,
  }));
  // Over the 1 MB body limit: refused before it is parsed.
  probes.push({
    method: 'PUT',
    path: api(`/${lesson}/progress`),
    as: 'reader',
    body: json({ segments: many(100_000), position: 0 }),
  });
  return probes;
};

/** A users-permissions style HS256 JWT, signed with whatever secret we like. */
function signJwt(
  payload: Record<string, unknown>,
  secret: string,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
) {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${part(header)}.${part(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

const tokenProbes = (): Probe[] => {
  const now = Math.floor(Date.now() / 1000);
  const forged = {
    'wrong secret': signJwt({ id: readerId, iat: now }, 'not-the-secret'),
    // The demo's published secret, which a deployment with its own JWT_SECRET must not accept.
    'demo secret': signJwt({ id: readerId, iat: now }, 'demo-users-permissions-jwt-secret'),
    expired: signJwt({ id: readerId, iat: now - 7200, exp: now - 3600 }, JWT_SECRET),
    'not valid yet': signJwt({ id: readerId, iat: now, nbf: now + 3600 }, JWT_SECRET),
    'alg none': `${Buffer.from(json({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(json({ id: readerId })).toString('base64url')}.`,
    'alg HS512 header': signJwt({ id: readerId }, 'not-the-secret', { alg: 'HS512', typ: 'JWT' }),
    'no such reader': signJwt({ id: 987_654, iat: now }, JWT_SECRET),
    'id as SQL': signJwt({ id: '1 OR 1=1', iat: now }, JWT_SECRET),
    'no id': signJwt({ sub: 'reader', iat: now }, JWT_SECRET),
    'exp as text': signJwt({ id: readerId, exp: 'never' }, JWT_SECRET),
    truncated: readerToken.slice(0, -10),
    'payload swapped': readerToken.replace(
      /\.[^.]+\./,
      `.${Buffer.from(json({ id: readerId + 1 })).toString('base64url')}.`,
    ),
    garbage: 'a.b.c',
    'very long': 'a'.repeat(10_000),
  };
  const headers = [
    ...Object.values(forged).map((t) => ({ authorization: `Bearer ${t}` })),
    { authorization: 'Bearer' },
    { authorization: `Basic ${Buffer.from('reader@example.com:Reader-demo-2026').toString('base64')}` },
    { authorization: `Bearer ${readerToken} ${readerToken}` },
  ];
  const adminForged = [
    signJwt({ id: 1, type: 'access', iat: now }, 'not-the-secret'),
    signJwt({ id: 1, type: 'access', iat: now }, 'demo-admin-jwt-secret'),
    signJwt({ id: 1, type: 'access', iat: now - 7200, exp: now - 3600 }, ADMIN_JWT_SECRET),
    readerToken,
    'garbage',
  ];
  return [
    ...headers.flatMap((h): Probe[] => [
      { method: 'GET', path: api(`/${lesson}/progress`), headers: h },
      {
        method: 'PUT',
        path: api(`/${lesson}/progress`),
        headers: h,
        body: json({ segments: [[0, 3]], position: 3 }),
      },
    ]),
    ...adminForged.flatMap((t): Probe[] => [
      { method: 'GET', path: '/lessons/reports', headers: { authorization: `Bearer ${t}` } },
      {
        method: 'PUT',
        path: `/lessons/reports/${reportId}`,
        headers: { authorization: `Bearer ${t}` },
        body: json({ state: 'rejected' }),
      },
      {
        method: 'POST',
        path: `/lessons/reports/${reportId}/apply`,
        headers: { authorization: `Bearer ${t}` },
        body: json({}),
      },
    ]),
  ];
};

/** Bodies that are not a JSON object at all, sent to every route that reads a body. */
const BROKEN_BODIES: Array<{ what: string; body: string | Buffer; headers?: Record<string, string> }> = [
  { what: 'invalid JSON', body: '{bad' },
  { what: 'cut short', body: '{"segments": [[0, 1' },
  { what: 'single quotes', body: "{'what': 'x'}" },
  { what: 'trailing garbage', body: '{"a":1}}' },
  { what: 'a bare string', body: '"text"' },
  { what: 'a number', body: '12' },
  { what: 'null', body: 'null' },
  { what: 'an array', body: '[]' },
  { what: 'prototype pollution', body: '{"__proto__": {"admin": true}}' },
  { what: 'constructor pollution', body: '{"constructor": {"prototype": {"admin": true}}}' },
  { what: 'deep nesting', body: `${'['.repeat(5000)}${']'.repeat(5000)}` },
  { what: 'very deep nesting', body: `{"what":${'['.repeat(400_000)}${']'.repeat(400_000)}}` },
  { what: 'over 1 MB', body: json({ what: 'x'.repeat(1_100_000) }) },
  {
    what: 'invalid UTF-8',
    body: Buffer.concat([
      Buffer.from('{"what":"caf'),
      Buffer.from([0xe9, 0xff, 0xfe]),
      Buffer.from(
        '","locale":"en","segments":[],"position":0,"state":"new","identifier":"a","password":"b"}',
      ),
    ]),
  },
  {
    what: 'a NUL escape',
    body: json({
      what: 'nul \u0000 byte',
      locale: 'en',
      state: 'new',
      identifier: 'a\u0000b',
      password: 'x',
    }),
  },
  { what: 'a raw NUL byte', body: Buffer.from('{"what":"a\u0000b"}') },
  { what: 'a NUL in a field name', body: '{"wh\\u0000at":"x","locale":"en"}' },
  {
    what: 'an unpaired surrogate',
    body: '{"what":"half \\ud800 a pair","note":"\\udc00","identifier":"\\ud800"}',
  },
  { what: 'text/plain', body: 'what=wrong', headers: { 'content-type': 'text/plain' } },
  { what: 'XML', body: '<report><what>x</what></report>', headers: { 'content-type': 'application/xml' } },
  {
    what: 'broken multipart',
    body: 'garbage',
    headers: { 'content-type': 'multipart/form-data; boundary=x' },
  },
  { what: 'multipart without boundary', body: 'garbage', headers: { 'content-type': 'multipart/form-data' } },
  {
    what: 'unknown charset',
    body: '{"what":"x"}',
    headers: { 'content-type': 'application/json; charset=klingon' },
  },
  { what: 'gzip that is not', body: '{"what":"x"}', headers: { 'content-encoding': 'gzip' } },
  { what: 'unknown encoding', body: '{"what":"x"}', headers: { 'content-encoding': 'zstd-ish' } },
  {
    what: 'a form',
    body: 'what=x&locale=en&state=new&identifier=a&password=b',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  },
];

const bodyProbes = (): Probe[] => {
  const routes: Array<Pick<Probe, 'method' | 'path' | 'as'>> = [
    { method: 'POST', path: api(`/${lesson}/reports`) },
    { method: 'PUT', path: api(`/${lesson}/progress`), as: 'reader' },
    { method: 'PUT', path: `/lessons/reports/${reportId}`, as: 'admin' },
    { method: 'POST', path: `/lessons/reports/${reportId}/apply`, as: 'admin' },
    { method: 'POST', path: '/api/auth/local' },
    { method: 'POST', path: '/api/auth/local/register' },
  ];
  return routes.flatMap((route) =>
    BROKEN_BODIES.map(({ body, headers }): Probe => ({ ...route, body, ...(headers ? { headers } : {}) })),
  );
};

const adminProbes = (): Probe[] => [
  ...[
    'state=bogus',
    'state[]=new',
    'page=-1',
    'page=NaN',
    'pageSize=1e9',
    'pageSize=0',
    'lesson=%00',
    `lesson=${'l'.repeat(65)}`,
    `locale=${'e'.repeat(17)}`,
    'x=1',
    'filters[$where]=1',
    'lesson[$ne]=x',
  ].map((q): Probe => ({ method: 'GET', path: `/lessons/reports?${q}`, as: 'admin' })),
  ...HOSTILE_SLUGS.flatMap((id): Probe[] => [
    { method: 'GET', path: `/lessons/reports/${id}`, as: 'admin' },
    { method: 'PUT', path: `/lessons/reports/${id}`, as: 'admin', body: json({ state: 'triaged' }) },
    { method: 'POST', path: `/lessons/reports/${id}/apply`, as: 'admin', body: json({}) },
  ]),
  ...[
    { state: 'bogus' },
    { state: 'fixed' },
    { state: null },
    { state: 5 },
    { state: ['triaged'] },
    {},
    { state: 'triaged', note: 'n'.repeat(4001) },
    { state: 'triaged', note: 7 },
    { state: 'triaged', resolvedBy: 1 },
    { state: 'triaged', lesson: 'x' },
  ].map((b): Probe => ({ method: 'PUT', path: `/lessons/reports/${reportId}`, as: 'admin', body: json(b) })),
  ...[
    { replacement: 5 },
    { replacement: 'r'.repeat(4001) },
    { note: [] },
    { replacement: 'x', transcript: {} },
  ].map((b): Probe => ({
    method: 'POST',
    path: `/lessons/reports/${reportId}/apply`,
    as: 'admin',
    body: json(b),
  })),
  ...['locale=%00', 'locale[]=en', 'locale=EN_us', `locale=${'e'.repeat(300)}`, 'x=1'].map((q): Probe => ({
    method: 'GET',
    path: `/lessons/lesson-options?${q}`,
    as: 'admin',
  })),
];

const accountProbes = (): Probe[] => {
  const login = (body: unknown): Probe => ({ method: 'POST', path: '/api/auth/local', body: json(body) });
  const register = (body: unknown): Probe => ({
    method: 'POST',
    path: '/api/auth/local/register',
    body: json(body),
  });
  const user = { username: 'hostile', email: 'hostile@example.com', password: 'Hostile-Pass-2026' };
  return [
    login({}),
    login({ identifier: 5, password: 'x' }),
    login({ identifier: 'reader@example.com' }),
    login({ identifier: 'reader@example.com', password: ['Reader-demo-2026'] }),
    login({ identifier: { $ne: '' }, password: { $ne: '' } }),
    login({ identifier: "' OR 1=1 --", password: "' OR 1=1 --" }),
    login({ identifier: LONG, password: LONG }),
    login({ identifier: 'reader@example.com', password: 'Reader-demo-2026\u0000' }),
    register({}),
    register({ ...user, username: 5 }),
    register({ ...user, email: 'not-an-address' }),
    register({ ...user, password: 'x' }),
    register({ ...user, password: null }),
    register({ ...user, username: 'a\u0000b' }),
    register({ ...user, username: 'broken \ud800 name' }),
    register({ ...user, username: LONG }),
    register({ ...user, role: 1 }),
    register({ ...user, confirmed: true, blocked: false }),
    register({ ...user, email: { $ne: '' } }),
  ];
};

const widgetProbes = (): Probe[] =>
  [
    '..%2F..%2Fpackage.json',
    '../../package.json',
    '%00',
    'x%00.js',
    '%ff.js',
    '..%5C..%5Cpackage.json',
    'a'.repeat(300) + '.js',
    '-'.repeat(12_000),
  ].map((p): Probe => ({ method: 'GET', path: api(`/widget/${p}`) }));

// ---- the tests ----

describe('hostile input', () => {
  it('hostile slugs on every lesson route', async () => tryBatch(slugProbes()));
  it('raw ../ paths reach no route and no file', async () => tryBatch(unroutedProbes()));
  it('malformed and unknown locales', async () => tryBatch(localeProbes()));
  it('list, search and download queries: wrong types, NaN-ish and huge numbers, unknown fields', async () =>
    tryBatch(listProbes()));
  it('error reports: wrong types, missing and extra fields, long strings (every body the shared contract refuses)', async () =>
    tryBatch(reportProbes()));
  it('progress: absurd segment lists and positions, forged completion', async () =>
    tryBatch(progressProbes()));
  it('forged, expired and broken JWTs on the reader and admin routes', async () => tryBatch(tokenProbes()));
  it('bodies that are not a JSON object: invalid JSON and UTF-8, NUL bytes, over 1 MB, other media types', async () =>
    tryBatch(bodyProbes()));
  it('admin routes with a real admin JWT: bad filters, ids and changes', async () => tryBatch(adminProbes()));
  it('reader accounts: login and register with wrong types, operators and broken text', async () =>
    tryBatch(accountProbes()));
  it('widget files: traversal, NUL bytes and very long paths', async () => tryBatch(widgetProbes()));

  it('leaves nothing behind, and says how it went', (t) => {
    const writes = Object.entries(rowCounts())
      .filter(([table, n]) => n !== rowsBefore[table])
      .map(([table, n]) => `${table}: ${rowsBefore[table] ?? 0} → ${n}`);
    const line = `hostile input: ${figures.tried} requests tried, ${figures.serverErrors} 5xx seen, ${writes.length} writes left behind`;
    t.diagnostic(line);
    console.log(line);
    if (figures.tolerated)
      t.diagnostic(`${figures.tolerated} answered 2xx where that is a documented answer`);
    for (const todo of figures.todo) t.diagnostic(`TODO ${todo}`);
    assert.ok(figures.tried >= 300, `at least 300 requests (${figures.tried})`);
    assert.deepEqual(writes, [], 'no rows were added or removed');
  });
});
