import autocannon from 'autocannon';
import { launchChromium } from '../support/browser.ts';
import { describeWidgetBudget, measureWidgetBudget, wireBytes } from '../support/budget.ts';
import { startDemoHost } from '../support/demo-host.ts';
import { loginReader, startStrapi } from '../support/strapi.ts';

const strapi = await startStrapi(1395, {
  SERVE_ADMIN_PANEL: 'false',
  LESSONS_REPORTS_PER_CLIENT: '1000000',
  LESSONS_REPORTS_PER_LESSON: '1000000',
  AUTH_RATELIMIT_MAX: '1000000',
  // Throughput of progress writes, not of the per-reader limit's 429s.
  LESSONS_PROGRESS_PER_READER: '1000000',
});
const host = await startDemoHost(8095, strapi.url);
const browser = await launchChromium();

try {
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
    console.log(`  ${String(bytes.identity).padStart(8)} ${String(bytes.br).padStart(8)} ${String(bytes.gzip).padStart(8)}  ${path}`);
  }

  const token = await loginReader(strapi.url);
  const lesson = `${strapi.url}/api/lessons/regaining-social-connection`;
  // Each coding has its own ETag: ask as autocannon does (no Accept-Encoding), not as fetch does (gzip).
  const etag = (await fetch(`${lesson}?locale=en`, { headers: { 'accept-encoding': 'identity' } })).headers.get('etag') ?? '';
  const runs: Array<[string, autocannon.Options]> = [
    ['GET lesson (full JSON)', { url: `${lesson}?locale=en` }],
    ['GET lesson, brotli (as browsers ask)', { url: `${lesson}?locale=en`, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } }],
    ['GET lesson, If-None-Match (304)', { url: `${lesson}?locale=en`, headers: { 'if-none-match': etag } }],
    ['GET search', { url: `${strapi.url}/api/lessons?locale=en&search=connection` }],
    ['GET transcript.vtt', { url: `${lesson}/transcript?locale=en&format=vtt` }],
    [
      'PUT progress (one reader)',
      {
        url: `${lesson}/progress?locale=en`,
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ segments: [[10, 25]], position: 25 }),
      },
    ],
  ];
  console.log('\nAPI on loopback (10 connections, 5 s each):');
  for (const [name, options] of runs) {
    const r = await autocannon({ connections: 10, duration: 5, ...options });
    // The 304 run must get 304s: an ETag that stopped matching would make it a full-answer run unnoticed.
    const expects304 = name.includes('304');
    const bad = expects304 ? r['2xx'] + r['4xx'] + r['5xx'] : r.non2xx;
    console.log(
      `  ${name.padEnd(38)} ${String(Math.round(r.requests.average)).padStart(6)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms${bad > 0 ? `   (${bad} ${expects304 ? 'not 304' : 'non-2xx'})` : ''}`,
    );
  }
} finally {
  await browser.close();
  await host.stop();
  await strapi.stop();
}
