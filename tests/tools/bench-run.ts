import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootStrapi } from '../../cms/app/scripts/boot.mjs';
import { launchChromium } from '../support/browser.ts';
import { wireBytes } from '../support/budget.ts';
import { benchAnalytics } from './bench-analytics.ts';
import { benchLongLecture } from './bench-long-lecture.ts';
import { benchPages } from './bench-pages.ts';
import { benchPayload } from './bench-payload.ts';
import { benchSection, writeBenchmarksDoc } from './bench-doc.ts';
import { benchApi, benchWrites, memorySection, residentMB } from './bench-api.ts';
import { startDemoHost } from '../support/demo-host.ts';
import { testPortOffset } from '../support/strapi.ts';

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
      // The write load sends segments a reader could not have watched yet.
      LESSONS_PROGRESS_SLACK: '86400',
      // The generic Strapi route to compare with, and the SQL query counter (bench-app-routes.cjs).
      LESSONS_BENCH_ROUTES: fileURLToPath(new URL('./bench-app-routes.cjs', import.meta.url)),
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

try {
  // Payload and page cost (issue 9 items 1–2), before the API load warms the server.
  sections.push(
    await benchSection('Payload', () => benchPayload({ browser, hostUrl: host.url, cmsUrl: strapi.url })),
  );
  sections.push(
    await benchSection('Page cost', () =>
      benchPages({
        cmsUrl: strapi.url,
        chromiumPath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
        port: 8096 + testPortOffset(),
        // The median of five runs per page and preset, as issue 9 asks (≈ 8 minutes on an idle
        // two-core machine); BENCH_LIGHTHOUSE_RUNS=3 for a quicker look.
        runs: Number(process.env.BENCH_LIGHTHOUSE_RUNS) || 5,
      }),
    ),
  );
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

  // API, writes and memory (issue 9 items 3–5; issue 8's targets): tests/tools/bench-api.ts.
  const memory = { idleMB: await residentMB(strapi.child.pid), lessonPeakMB: 0, uncachedPeakMB: 0 };
  // A second instance whose cache can't hold a lesson (1 KB): every answer is assembled from the
  // database, as on a first read, or on any read before the cache existed.
  const uncached = await bootBenchStrapi(1397, { LESSONS_CACHE_BYTES: '1024' });
  try {
    memory.uncachedPeakMB = await residentMB(uncached.child.pid);
    sections.push(
      await benchSection('API', () =>
        benchApi({ strapi, uncached, barePort: 1399 + testPortOffset(), memory }),
      ),
    );
  } finally {
    await stopBenchStrapi(uncached);
  }
  sections.push(await benchSection('Writes', () => benchWrites(strapi, memory)));
  sections.push(memorySection(memory));
  sections.push(
    await benchSection('Lesson analytics', () =>
      benchAnalytics({ url: strapi.url, database: join(strapi.dataDir, 'data.db') }),
    ),
  );

  // Written before the long-lecture part (issue 14's, printed only): its failure must not lose the document.
  console.log(`\nWrote ${writeBenchmarksDoc(sections)}`);
  await benchLongLecture(browser, host.url, strapi.url);
} finally {
  await browser.close();
  await host.stop();
  await stopBenchStrapi(strapi);
}
