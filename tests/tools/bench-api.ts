// `npm run bench`, issue 9 items 3–5 (and issue 8's targets): the lesson API beside what a site
// owner would otherwise have (a generic Strapi route, Strapi's own /_health, a bare node:http server
// answering the same bytes), the writes under load with every accepted one looked for afterwards,
// and Strapi's resident memory. Each part prints its figures and returns a docs/benchmarks.md section.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Segment } from '@lessons/shared';
import { appDir } from '../../cms/app/scripts/boot.mjs';
import { markdownTable } from './bench-doc.ts';

export interface BenchServer {
  url: string;
  child: ChildProcess;
  dataDir: string;
}

// What a browser sends: the answers travel brotli-compressed, as they would to readers.
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };
/** Rounds of (/_health, route) pairs per route; each measurement this many seconds. */
const ROUNDS = Number(process.env.LESSONS_BENCH_ROUNDS) || 5;
const SECONDS = 2;
const CONNECTIONS = 10;

/**
 * Resident memory of a process, in MB. Asked without blocking: autocannon's clients run in this
 * process, and a synchronous `ps` every quarter second would slow the load it measures.
 */
export function residentMB(pid: number | undefined): Promise<number> {
  return new Promise((resolve, reject) =>
    execFile('ps', ['-o', 'rss=', '-p', String(pid)], (error, stdout) =>
      error
        ? reject(new Error(`ps failed: ${error.message}`))
        : resolve(Math.round(Number(stdout.trim()) / 1024)),
    ),
  );
}

/** Samples a process's resident memory every quarter second until stopped; the peak seen. */
function memoryPeak(pid: number | undefined) {
  let peakMB = 0;
  const sample = () =>
    void residentMB(pid).then(
      (mb) => (peakMB = Math.max(peakMB, mb)),
      () => {},
    );
  sample();
  const timer = setInterval(sample, 250);
  return {
    stop: () => {
      clearInterval(timer);
      return peakMB;
    },
  };
}

/** Waits until a server has finished what the previous run left in flight (a /_health answer under 50 ms). */
async function settle(url: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const started = performance.now();
    await fetch(`${url}/_health`);
    if (performance.now() - started < 50) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** One request's raw answer: status, headers, body bytes as sent (no decompression). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: Object.fromEntries(
            Object.entries(res.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
          ),
          body: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/**
 * A bare node:http server in a process of its own (as Strapi is), answering every request with
 * the bytes and headers of one answer: the ceiling of what any server can do on this machine.
 */
async function startBareServer(
  port: number,
  answer: { headers: Record<string, string>; body: Buffer },
): Promise<{ url: string; child: ChildProcess; stop: () => void }> {
  const keep = ['content-type', 'content-encoding', 'etag', 'cache-control', 'vary'];
  const headers = Object.fromEntries(Object.entries(answer.headers).filter(([k]) => keep.includes(k)));
  const source = `
    const body = Buffer.from(process.env.BODY, 'base64');
    const headers = { ...JSON.parse(process.env.HEADERS), 'content-length': body.length };
    require('node:http').createServer((req, res) => { res.writeHead(200, headers); res.end(body); })
      .listen(${port}, '127.0.0.1', () => console.log('listening'));`;
  const child = spawn(process.execPath, ['-e', source], {
    env: { ...process.env, BODY: answer.body.toString('base64'), HEADERS: JSON.stringify(headers) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`The bare server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, stop: () => child.kill() };
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  /** Answers that were not the expected kind (2xx or 3xx). */
  wrong: number;
}

async function load(options: autocannon.Options, expect: '2xx' | '3xx'): Promise<Figures> {
  const r = await autocannon({
    connections: CONNECTIONS,
    duration: SECONDS,
    ...options,
    headers: { ...BROWSER, ...options.headers },
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    wrong: r.requests.total - r[expect],
  };
}

/** SQL queries the server ran per request (knex's query events, /bench/queries), over `n` requests one by one. */
async function queriesPerRequest(base: string, paths: () => string, headers: Record<string, string>, n = 20) {
  const count = async () =>
    ((await (await fetch(`${base}/bench/queries`)).json()) as { queries: number }).queries;
  const before = await count();
  for (let i = 0; i < n; i++) await (await fetch(`${base}${paths()}`, { headers })).arrayBuffer();
  return (await count()) - before;
}

interface Route {
  name: string;
  /** Which of the issue's peers this row is, or what it measures. */
  note: string;
  on: { url: string; pid?: number };
  path: () => string;
  headers?: Record<string, string>;
  expect?: '2xx' | '3xx';
  /** Target against /_health (issue 8): req/s ratio, and p99 ratio (at most). */
  target?: { ratio?: number; p99?: number };
  lessonLoad?: boolean;
  /** Queries are counted on Strapi only. */
  strapi?: boolean;
}

/**
 * Issue 9 item 3 and issue 8's targets. Each route is measured in ROUNDS short rounds, each right
 * after a round of /_health on the same server: /_health alone swings by half from one run to the
 * next on a shared machine, so a ratio is only fair between neighbours. The row shows the medians
 * of the rounds (req/s, p50, p99) and the median of the per-round ratios.
 */
export async function benchApi(options: {
  strapi: BenchServer;
  uncached: BenchServer;
  barePort: number;
  memory: { idleMB: number; lessonPeakMB: number; uncachedPeakMB: number };
}): Promise<string> {
  const { strapi, uncached, memory } = options;
  const slug = 'regaining-social-connection';
  const lessonPath = `/api/lessons/${slug}?locale=en`;
  const lessonAnswer = await rawGet(`${strapi.url}${lessonPath}`, BROWSER);
  const etag = lessonAnswer.headers.etag ?? '';
  const bare = await startBareServer(options.barePort, lessonAnswer);
  let unique = 0;
  const main = { url: strapi.url, pid: strapi.child.pid };
  const cold = { url: uncached.url, pid: uncached.child.pid };
  const routes: Route[] = [
    {
      name: 'bare node:http, the same bytes from memory',
      note: 'peer (c): the ceiling',
      on: { url: bare.url },
      path: () => lessonPath,
    },
    {
      name: 'GET /_health',
      note: "peer (b): Strapi's floor",
      on: main,
      path: () => '/_health',
      strapi: true,
    },
    {
      name: 'GET lesson, cached',
      note: 'answered before the router',
      on: main,
      path: () => lessonPath,
      target: { ratio: 0.5, p99: 3 },
      lessonLoad: true,
      strapi: true,
    },
    {
      name: 'GET lesson, If-None-Match (304)',
      note: 'answered before the router',
      on: main,
      path: () => lessonPath,
      headers: { 'if-none-match': etag },
      expect: '3xx',
      target: { ratio: 0.8 },
      lessonLoad: true,
      strapi: true,
    },
    {
      name: 'GET search, cached',
      note: '?search=connection',
      on: main,
      path: () => '/api/lessons?locale=en&search=connection',
      target: { ratio: 0.25 },
      strapi: true,
    },
    {
      name: 'GET transcript download (.vtt), cached',
      note: 'Content-Disposition: attachment',
      on: main,
      path: () => `/api/lessons/${slug}/transcript?locale=en&format=vtt`,
      strapi: true,
    },
    {
      name: 'GET lesson, a new locale variant',
      note: 'resolved (3 queries), then the copy kept',
      on: main,
      path: () => `/api/lessons/${slug}?locale=en-${(unique++).toString(36).padStart(4, '0')}`,
      lessonLoad: true,
      strapi: true,
    },
    {
      name: 'GET lesson, cold',
      note: 'an instance whose 1 KB cache keeps no lesson',
      on: cold,
      path: () => lessonPath,
      strapi: true,
    },
    {
      name: 'GET search, cold',
      note: 'a new term each time',
      on: cold,
      path: () => `/api/lessons?locale=en&search=${(unique++).toString(36)}`,
      strapi: true,
    },
    {
      name: "generic Strapi route: findFirst, populate '*'",
      note: "peer (a): the bench app's own route, answered as it is",
      on: main,
      path: () => `/bench/lessons/${slug}?locale=en`,
      strapi: true,
    },
  ];

  console.log(
    `\nAPI on loopback (${CONNECTIONS} connections; ${ROUNDS} rounds of ${SECONDS} s, each after a round of /_health on the same server; medians):`,
  );
  const rows: string[][] = [];
  const verdicts: string[] = [];
  let lessonPeakMB = memory.lessonPeakMB;
  let uncachedPeakMB = memory.uncachedPeakMB;
  try {
    for (const route of routes) {
      const rounds: Array<{ route: Figures; health: Figures }> = [];
      const peak = route.on.pid ? memoryPeak(route.on.pid) : undefined;
      for (let i = 0; i < ROUNDS; i++) {
        const healthOn = route.on === cold ? cold.url : strapi.url;
        await settle(healthOn);
        const health = await load({ url: `${healthOn}/_health` }, '2xx');
        await settle(healthOn);
        const figures = await load(
          {
            url: route.on.url,
            headers: route.headers,
            requests: [{ setupRequest: (req) => ({ ...req, path: route.path() }) }],
          },
          route.expect ?? '2xx',
        );
        rounds.push({ route: figures, health });
      }
      const peakMB = peak?.stop() ?? 0;
      if (route.lessonLoad) lessonPeakMB = Math.max(lessonPeakMB, peakMB);
      if (route.on === cold) uncachedPeakMB = Math.max(uncachedPeakMB, peakMB);
      const rps = median(rounds.map((r) => r.route.rps));
      const p50 = median(rounds.map((r) => r.route.p50));
      const p99 = median(rounds.map((r) => r.route.p99));
      const ratio = median(rounds.map((r) => r.route.rps / r.health.rps));
      const p99Ratio = median(rounds.map((r) => r.route.p99 / Math.max(1, r.health.p99)));
      const wrong = rounds.reduce((n, r) => n + r.route.wrong, 0);
      const queries = route.strapi
        ? (await queriesPerRequest(route.on.url, route.path, { ...BROWSER, ...route.headers })) / 20
        : undefined;
      const perRound = rounds.map((r) => (r.route.rps / r.health.rps).toFixed(2)).join(', ');
      const targets: string[] = [];
      if (route.target?.ratio !== undefined) {
        const met = ratio >= route.target.ratio;
        targets.push(
          `≥ ${route.target.ratio}× /_health: ${met ? 'met' : `missed by ${(route.target.ratio - ratio).toFixed(2)}×`}`,
        );
        verdicts.push(
          `${route.name}: ${ratio.toFixed(2)}× /_health (rounds: ${perRound}; target ≥ ${route.target.ratio}×) ${met ? 'met' : 'MISSED'}`,
        );
      }
      if (route.target?.p99 !== undefined) {
        const met = p99Ratio <= route.target.p99;
        targets.push(
          `p99 ≤ ${route.target.p99}× /_health's: ${p99Ratio.toFixed(1)}×, ${met ? 'met' : `missed by ${(p99Ratio - route.target.p99).toFixed(1)}×`}`,
        );
        verdicts.push(
          `${route.name}: p99 ${p99Ratio.toFixed(1)}× /_health's (target ≤ ${route.target.p99}×)`,
        );
      }
      console.log(
        `  ${route.name.padEnd(46)} ${String(Math.round(rps)).padStart(6)} req/s   p50 ${String(p50).padStart(3)} ms   p99 ${String(p99).padStart(4)} ms   ${ratio.toFixed(2)}× (${perRound})` +
          (queries === undefined ? '' : `   ${queries} queries`) +
          (wrong > 0 ? `   (${wrong} not ${route.expect ?? '2xx'})` : ''),
      );
      rows.push([
        route.name,
        route.note,
        Math.round(rps).toLocaleString('en'),
        String(p50),
        String(p99),
        queries === undefined ? '–' : String(queries),
        `${ratio.toFixed(2)}×`,
        (targets.join('; ') || '–') + (wrong > 0 ? ` (${wrong} answers not ${route.expect ?? '2xx'})` : ''),
      ]);
    }
  } finally {
    bare.stop();
  }
  memory.lessonPeakMB = lessonPeakMB;
  memory.uncachedPeakMB = uncachedPeakMB;
  console.log('\nTargets (issue 8), medians of per-round ratios against /_health:');
  for (const line of verdicts) console.log(`  ${line}`);
  return [
    '## API',
    '',
    `autocannon, ${CONNECTIONS} connections, on loopback; browsers' \`Accept-Encoding\` (answers travel brotli-compressed). ` +
      `Each route is measured in ${ROUNDS} rounds of ${SECONDS} s, each right after a round of \`/_health\` on the same server; ` +
      'the row shows the medians of the rounds, and the ratio is the median of the per-round ratios (route ÷ the `/_health` round before it), ' +
      "so that the machine's swings (other work on its cores) weigh on both sides of a ratio alike. " +
      'Queries: SQL queries per request, from knex query events, over 20 requests one after another. ' +
      'Targets are issue 8\'s ("the serving issue"). Cold rows run on a second instance whose cache holds 1 KB (no lesson fits).',
    '',
    markdownTable(['route', 'what', 'req/s', 'p50 ms', 'p99 ms', 'queries', '× /_health', 'target'], rows),
  ].join('\n');
}

/** The SQLite database of a bench instance, read-only. */
function readRows(server: BenchServer, sql: string): Array<Record<string, unknown>> {
  type Sqlite = new (
    file: string,
    options: { readonly: boolean },
  ) => { prepare(sql: string): { all(): Array<Record<string, unknown>> }; close(): void };
  const Database = createRequire(join(appDir, 'package.json'))('better-sqlite3') as Sqlite;
  const db = new Database(join(server.dataDir, 'data.db'), { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

/**
 * Issue 9 item 4: report POSTs and progress PUTs from 50 connections for 5 s each, every write
 * different; then every acknowledged one is looked for: each acknowledged report's idempotency
 * key in the database, each lesson's stored progress equal to the union of the segments
 * acknowledged for it.
 */
export async function benchWrites(
  strapi: BenchServer,
  memory: { writesPeakMB?: number; idleMB?: number },
): Promise<string> {
  const peak = memoryPeak(strapi.child.pid);
  const connections = 50;
  const duration = 5;
  const lessons = (
    (await (await fetch(`${strapi.url}/api/lessons?locale=en`)).json()) as { data: Array<{ slug: string }> }
  ).data.map((l) => l.slug);
  const rows: string[][] = [];
  console.log(`\nWrites (${connections} connections, ${duration} s each, every write different):`);

  // Reports: a new idempotency key each time, one lesson after another.
  let n = 0;
  const acknowledgedKeys: string[] = [];
  const reports = await autocannon({
    url: strapi.url,
    connections,
    duration,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (req, context: object) => {
          const state = context as Record<string, unknown>;
          const key = `bench-${(n++).toString(36).padStart(6, '0')}`;
          state.key = key;
          return {
            ...req,
            path: `/api/lessons/${lessons[n % lessons.length]}/reports`,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ locale: 'en', what: `Bench report ${key}.`, idempotencyKey: key }),
          };
        },
        onResponse: (status, _body, context: object) => {
          const state = context as Record<string, unknown>;
          if (status === 201) acknowledgedKeys.push(String(state.key));
        },
      },
    ],
  });
  await settle(strapi.url);
  const stored = new Map<string, number>();
  for (const row of readRows(
    strapi,
    "SELECT idempotency_key AS k, COUNT(*) AS n FROM lessons_error_reports WHERE idempotency_key LIKE 'bench-%' GROUP BY idempotency_key",
  ))
    stored.set(String(row.k), Number(row.n));
  const missing = acknowledgedKeys.filter((k) => !stored.has(k)).length;
  const twice = [...stored.values()].filter((c) => c > 1).length;
  const reportsFound = `${acknowledgedKeys.length - missing} of ${acknowledgedKeys.length} acknowledged reports stored (${twice} twice); ${stored.size} rows in all (requests cut off by the end of the run may land unacknowledged)`;

  // Progress: 10 readers, every lesson, one-second segments two seconds apart (the shortest demo
  // video is 52 s): a lost PUT would leave a hole in its row's union.
  const readers = await Promise.all(
    Array.from({ length: 10 }, async (_, i) => {
      const name = `bench-reader-${i}`;
      const res = await fetch(`${strapi.url}/api/auth/local/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: name, email: `${name}@example.com`, password: `${name}-Pass-2026` }),
      });
      if (res.status !== 200) throw new Error(`Registering ${name}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { jwt: string }).jwt;
    }),
  );
  let k = 0;
  const acknowledged = new Map<string, { reader: string; lesson: string; segments: Segment[] }>();
  const progress = await autocannon({
    url: strapi.url,
    connections,
    duration,
    timeout: 30,
    requests: [
      {
        method: 'PUT',
        setupRequest: (req, context: object) => {
          const state = context as Record<string, unknown>;
          const row = k % (readers.length * lessons.length);
          const reader = readers[row % readers.length]!;
          const lesson = lessons[Math.floor(row / readers.length)]!;
          const at = 2 * (Math.floor(k / (readers.length * lessons.length)) % 25);
          k++;
          const segment: Segment = [at, at + 1];
          state.write = { reader, lesson, segment };
          return {
            ...req,
            path: `/api/lessons/${lesson}/progress?locale=en`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${reader}` },
            body: JSON.stringify({ segments: [segment], position: segment[1] }),
          };
        },
        onResponse: (status, _body, context: object) => {
          const state = context as Record<string, unknown>;
          if (status !== 200) return;
          const { reader, lesson, segment } = state.write as {
            reader: string;
            lesson: string;
            segment: Segment;
          };
          const key = `${reader} ${lesson}`;
          const row = acknowledged.get(key) ?? { reader, lesson, segments: [] };
          row.segments.push(segment);
          acknowledged.set(key, row);
        },
      },
    ],
  });
  // Requests the run cut off are still being written: read once the server is idle again.
  await settle(strapi.url);
  let rowsRight = 0;
  for (const { reader, lesson, segments } of acknowledged.values()) {
    const res = await fetch(`${strapi.url}/api/lessons/${lesson}/progress?locale=en`, {
      headers: { authorization: `Bearer ${reader}` },
    });
    const storedSegments = ((await res.json()) as { data: { segments: Segment[] } }).data.segments;
    // Every acknowledged segment inside what is stored (a PUT answered after the run ended may add more).
    const covered = ([a, b]: Segment) => storedSegments.some(([from, to]) => from <= a && b <= to);
    if (segments.every(covered)) rowsRight++;
  }
  memory.writesPeakMB = peak.stop();
  const acknowledgedPuts = [...acknowledged.values()].reduce((s, l) => s + l.segments.length, 0);
  const progressFound = `${rowsRight} of ${acknowledged.size} progress rows hold every segment of the ${acknowledgedPuts.toLocaleString('en')} acknowledged PUTs`;

  for (const [name, r, found, ok] of [
    ['POST report (a new idempotency key each)', reports, reportsFound, missing === 0 && twice === 0],
    ['PUT progress (10 readers × 4 lessons)', progress, progressFound, rowsRight === acknowledged.size],
  ] as const) {
    const byStatus = r.statusCodeStats as unknown as Record<string, { count: number }>;
    const statuses = Object.entries(byStatus)
      .map(([code, { count }]) => `${code}: ${count}`)
      .join(', ');
    console.log(
      `  ${name.padEnd(42)} ${String(Math.round(r.requests.average)).padStart(6)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   ${statuses}${r.errors ? `, ${r.errors} errors` : ''}; ${found}`,
    );
    rows.push([
      name,
      Math.round(r.requests.average).toLocaleString('en'),
      String(r.latency.p50),
      String(r.latency.p99),
      statuses + (r.errors ? `, ${r.errors} network errors` : ''),
      found,
      ok ? 'met: nothing acknowledged is missing' : 'MISSED: an acknowledged write is missing',
    ]);
  }
  return [
    '## Writes',
    '',
    `autocannon, ${connections} connections, ${duration} s each, on SQLite (the demo's database; the PostgreSQL cluster's figures are in the README, Several instances). ` +
      'Rate limits raised so that the run measures writes, not 429s. Target (issue 9): every accepted write present afterwards.',
    '',
    markdownTable(['write', 'req/s', 'p50 ms', 'p99 ms', 'answers', 'found afterwards', 'target'], rows),
  ].join('\n');
}

/** Issue 9 item 5 / issue 8's Memory: Strapi's resident memory, idle and under load. */
export function memorySection(memory: {
  idleMB: number;
  lessonPeakMB: number;
  uncachedPeakMB: number;
  writesPeakMB?: number;
}): string {
  const rows: Array<[string, string]> = [
    ['idle, after boot and the first reads', `${memory.idleMB} MB`],
    ['peak under the lesson load (cached, 304, new locale variants)', `${memory.lessonPeakMB} MB`],
    ['peak of the instance without a cache, under its cold load', `${memory.uncachedPeakMB} MB`],
  ];
  if (memory.writesPeakMB) rows.push(['peak under the write load', `${memory.writesPeakMB} MB`]);
  console.log(
    `\nStrapi's resident memory: ${rows.map(([what, mb]) => `${mb} ${what.split(',')[0]}`).join('; ')}`,
  );
  return [
    '## Memory',
    '',
    "Strapi's resident set (`ps -o rss`), sampled every 250 ms. The lesson cache is bounded (LESSONS_CACHE_ENTRIES, LESSONS_CACHE_BYTES; 2,000 answers and 64 MB by default); no target beyond being reported.",
    '',
    markdownTable(['when', 'resident memory'], rows),
  ].join('\n');
}
