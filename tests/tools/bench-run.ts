import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { bootStrapi } from '../../cms/app/scripts/boot.mjs';
import { launchChromium } from '../support/browser.ts';
import { describeWidgetBudget, measureWidgetBudget, wireBytes } from '../support/budget.ts';
import { benchLongLecture } from './bench-long-lecture.ts';
import { writeBenchmarksDoc } from './bench-doc.ts';
import { startDemoHost } from '../support/demo-host.ts';
import { loginReader, testPortOffset } from '../support/strapi.ts';

type BenchStrapi = Awaited<ReturnType<typeof bootStrapi>> & { dataDir: string };

/** Booted here rather than through the tests' startStrapi: the bench reads the process's memory. */
async function bootBenchStrapi(port: number, env: Record<string, string> = {}): Promise<BenchStrapi> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lessons-bench-'));
  const booted = await bootStrapi({
    port: port + testPortOffset(),
    env: {
      DATABASE_FILENAME: join(dataDir, 'data.db'),
      LESSONS_DEMO: 'true',
      SERVE_ADMIN_PANEL: 'false',
      LESSONS_REPORTS_PER_CLIENT: '1000000',
      LESSONS_REPORTS_PER_LESSON: '1000000',
      AUTH_RATELIMIT_MAX: '1000000',
      // Throughput of progress writes, not of the per-reader limit's 429s.
      LESSONS_PROGRESS_PER_READER: '1000000',
      ...env,
    },
  });
  return { ...booted, dataDir };
}

async function stopBenchStrapi(instance: BenchStrapi): Promise<void> {
  await instance.stop();
  rmSync(instance.dataDir, { recursive: true, force: true });
}

// The admin is served too: the bench opens the transcript editor (issue 14).
const strapi = await bootBenchStrapi(1395, { SERVE_ADMIN_PANEL: 'true' });
const host = await startDemoHost(8095, strapi.url);
const browser = await launchChromium();

/**
 * docs/benchmarks.md, one markdown section per part, in this order: payload, page cost (issue 9
 * items 1–2: tests/tools/bench-payload.ts, bench-pages.ts), then API, writes and memory (items 3–5,
 * below). Add a part as `sections.push(await benchSection('Title', () => part(...)))` (bench-doc.ts).
 */
const sections: string[] = [];

/**
 * Resident memory of a Strapi process, in MB. Asked without blocking: autocannon's clients run in
 * this process, and a synchronous `ps` every quarter second would slow the load it measures.
 */
function residentMB(instance: BenchStrapi = strapi): Promise<number> {
  return new Promise((resolve, reject) =>
    execFile('ps', ['-o', 'rss=', '-p', String(instance.child.pid)], (error, stdout) =>
      error
        ? reject(new Error(`ps failed: ${error.message}`))
        : resolve(Math.round(Number(stdout.trim()) / 1024)),
    ),
  );
}

/** The largest resident memory of `instance` seen while `work` runs. */
async function peakMemoryDuring<T>(
  instance: BenchStrapi,
  work: () => Promise<T>,
): Promise<{ result: T; peakMB: number }> {
  let peakMB = await residentMB(instance);
  const timer = setInterval(
    () =>
      void residentMB(instance).then(
        (mb) => (peakMB = Math.max(peakMB, mb)),
        () => {},
      ),
    250,
  );
  try {
    return { result: await work(), peakMB };
  } finally {
    clearInterval(timer);
  }
}

/** Waits until a server has finished what the previous run left in flight (a /_health answer under 50 ms). */
async function settle(instance: BenchStrapi): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const started = performance.now();
    await fetch(`${instance.url}/_health`);
    if (performance.now() - started < 50) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

// What a browser sends: the answers travel brotli-compressed, as they would to readers.
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

try {
  // Payload and page cost (issue 9 items 1–2) go here, before the API load warms the server.

  const budget = await measureWidgetBudget(browser, host.url, strapi.url);
  console.log('\nWidget scripts fetched by Chromium on the demo page (bytes as transferred, and decoded):');
  for (const line of describeWidgetBudget(budget, strapi.url)) console.log(`  ${line}`);
  console.log('\nAnswers on the wire (body bytes: as they are, brotli, gzip):');
  for (const path of [
    '/api/lessons/regaining-social-connection?locale=en',
    '/api/lessons/regaining-social-connection/embed.html?locale=en',
    '/api/lessons/regaining-social-connection/transcript?locale=en&format=vtt',
    '/api/lessons?locale=en',
  ]) {
    const bytes = await wireBytes(`${strapi.url}${path}`);
    console.log(
      `  ${String(bytes.identity).padStart(8)} ${String(bytes.br).padStart(8)} ${String(bytes.gzip).padStart(8)}  ${path}`,
    );
  }

  const idleMB = await residentMB();
  const token = await loginReader(strapi.url);
  const lesson = `${strapi.url}/api/lessons/regaining-social-connection`;
  const etag = (await fetch(`${lesson}?locale=en`, { headers: BROWSER })).headers.get('etag') ?? '';
  let unique = 0;
  /** A language variant never asked for: its lesson and language are looked up, the answer is the one kept. */
  const newVariant = (request: autocannon.Request) => ({
    ...request,
    path: `/api/lessons/regaining-social-connection?locale=en-${(unique++).toString(36).padStart(4, '0')}`,
  });
  /** A search never asked for (a list answer small enough to be kept even by a 1 KB cache). */
  const newTerm = (request: autocannon.Request) => ({
    ...request,
    path: `/api/lessons?locale=en&search=${(unique++).toString(36)}`,
  });
  // A second instance whose cache can't hold a lesson (1 KB): every answer is assembled from the
  // database, as on a first read, or on any read before the cache existed.
  const uncached = await bootBenchStrapi(1397, { LESSONS_CACHE_BYTES: '1024' });
  const uncachedLesson = `${uncached.url}/api/lessons/regaining-social-connection`;

  type Run = {
    name: string;
    options: autocannon.Options;
    expect: '2xx' | '3xx';
    target?: number;
    lessonLoad?: boolean;
    on?: BenchStrapi;
  };
  // The cold runs last: their slow requests still in flight when a run ends would weigh on the next.
  const runs: Run[] = [
    { name: "GET /_health (Strapi's floor)", options: { url: `${strapi.url}/_health` }, expect: '2xx' },
    {
      name: 'GET lesson, cached',
      options: { url: `${lesson}?locale=en` },
      expect: '2xx',
      target: 0.5,
      lessonLoad: true,
    },
    {
      name: 'GET lesson, If-None-Match (304)',
      options: { url: `${lesson}?locale=en`, headers: { 'if-none-match': etag } },
      expect: '3xx',
      target: 0.8,
    },
    {
      name: 'GET search, cached',
      options: { url: `${strapi.url}/api/lessons?locale=en&search=connection` },
      expect: '2xx',
      target: 0.25,
    },
    {
      name: 'GET transcript.vtt',
      options: { url: `${lesson}/transcript?locale=en&format=vtt` },
      expect: '2xx',
    },
    {
      name: 'GET lesson, a new locale variant',
      options: { url: lesson, requests: [{ setupRequest: newVariant }] },
      expect: '2xx',
      lessonLoad: true,
    },
    {
      name: 'GET lesson, cold (never cached)',
      options: { url: `${uncachedLesson}?locale=en` },
      expect: '2xx',
      on: uncached,
    },
    {
      name: 'GET search, a new term each time',
      options: { url: `${uncached.url}/api/lessons`, requests: [{ setupRequest: newTerm }] },
      expect: '2xx',
      on: uncached,
    },
    {
      name: 'PUT progress (one reader)',
      options: {
        url: `${lesson}/progress?locale=en`,
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ segments: [[10, 25]], position: 25 }),
      },
      expect: '2xx',
    },
  ];

  console.log('\nAPI on loopback (10 connections, 5 s each; ratio = req/s against /_health):');
  let health: autocannon.Result | undefined;
  let lessonPeakMB = idleMB;
  let uncachedPeakMB = await residentMB(uncached);
  let cachedLesson: autocannon.Result | undefined;
  const verdicts: string[] = [];
  for (const run of runs) {
    const on = run.on ?? strapi;
    await settle(on);
    const { result: r, peakMB } = await peakMemoryDuring(on, () =>
      autocannon({
        connections: 10,
        duration: 5,
        ...run.options,
        headers: { ...BROWSER, ...run.options.headers },
      }),
    );
    if (run.lessonLoad) lessonPeakMB = Math.max(lessonPeakMB, peakMB);
    if (on === uncached) uncachedPeakMB = Math.max(uncachedPeakMB, peakMB);
    health ??= r;
    if (run.target === 0.5) cachedLesson = r;
    const ratio = r.requests.average / health.requests.average;
    const wrong = r.requests.total - r[run.expect];
    console.log(
      `  ${run.name.padEnd(40)} ${String(Math.round(r.requests.average)).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(3)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   ${ratio.toFixed(2)}×` +
        (wrong > 0 ? `   (${wrong} not ${run.expect})` : ''),
    );
    if (run.target !== undefined) {
      verdicts.push(
        `${run.name}: ${ratio.toFixed(2)}× /_health (target ≥ ${run.target}×) ${ratio >= run.target ? 'met' : `MISSED by ${(run.target - ratio).toFixed(2)}×`}`,
      );
    }
  }
  if (health && cachedLesson) {
    const p99Ratio = cachedLesson.latency.p99 / Math.max(1, health.latency.p99);
    verdicts.push(
      `cached lesson p99: ${p99Ratio.toFixed(1)}× /_health's p99 (target ≤ 3×) ${p99Ratio <= 3 ? 'met' : `MISSED by ${(p99Ratio - 3).toFixed(1)}×`}`,
    );
  }
  await stopBenchStrapi(uncached);
  console.log('\nTargets (issue 8), cached answers against /_health:');
  for (const line of verdicts) console.log(`  ${line}`);
  console.log(
    `\nStrapi's resident memory: ${idleMB} MB idle, ${lessonPeakMB} MB at most under the lesson load (cached, new variants); ` +
      `${uncachedPeakMB} MB at most for the instance without a cache under its cold load.`,
  );

  await benchLongLecture(browser, host.url, strapi.url);
  console.log(`\nWrote ${writeBenchmarksDoc(sections)}`);
} finally {
  await browser.close();
  await host.stop();
  await stopBenchStrapi(strapi);
}
