// `npm run bench`, issue 9's page-cost part: Lighthouse 12 on five local pages with the same article
// text, desktop preset and a mobile run, the median of several runs each:
//  - no lesson: the article alone;
//  - the script tag: widget.js and an empty <lesson-widget> (as the README's snippet);
//  - embed.html: the server-rendered fragment inside <lesson-widget>, and the same script;
//  - the fragment alone, without the script: what the widget's code adds to the embed.html page;
//  - naive: what a hand-written page would do, video.js (its full npm build) and its stylesheet in
//    <head>, and the whole transcript fetched and written out at load.
// Debian's Chromium (CHROMIUM_PATH), never a downloaded one; Lighthouse connects to it by port.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { markdownTable } from './bench-doc.ts';
import { packageDir } from './bench-payload.ts';

export interface PagesBenchInput {
  /** The CMS with the demo lesson. */
  cmsUrl: string;
  chromiumPath: string;
  /** The port the article pages are served on. */
  port: number;
  /** Runs per page and preset; the median is kept. */
  runs?: number;
  /** Only these presets (both by default), e.g. while working on one. */
  presets?: Array<'desktop' | 'mobile'>;
}

const SLUG = 'regaining-social-connection';
const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The same article around the lesson on every page. */
const ABOVE = `
  <h1>Loneliness after a hard year</h1>
  <p>Many people notice, after a long illness or a difficult winter, that the circle of people they
  see has become smaller. Friends moved on, habits changed, and reaching out again feels harder
  than it should. This is common, and it can change.</p>
  <p>The short lesson below explains why isolation tends to feed itself, and what small, regular
  steps help to rebuild connection. Its transcript follows the video, so you can read along or
  read instead.</p>`;
const BELOW = `
  <h2>What to try this week</h2>
  <p>Pick one person you have not written to in a while and send two lines. Choose one place you
  could visit regularly, at the same time each week: a class, a market, a library. Notice what you
  expect to happen before you go, and what happened after.</p>
  <p>If low mood makes every step feel heavy for more than two weeks, talk to your doctor: it is
  treatable, and you do not have to wait until it gets worse.</p>
  <footer><p>General educational information, not medical advice.</p></footer>`;

function page(title: string, head: string, lesson: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2933; background: #fbfaf7; }
  main { max-width: 48rem; margin: 0 auto; padding: 1rem clamp(1rem, 4vw, 2rem) 3rem; }
  main > * + * { margin-top: 1.25rem; }
</style>
${head}
</head>
<body><main>${ABOVE}
${lesson}
${BELOW}</main></body>
</html>`;
}

interface LessonJson {
  data: {
    title: string;
    video: { sources: Array<{ src: string; type: string }>; poster: string | null } | null;
    transcript: { sections: Array<{ heading?: string; paragraphs: Array<{ text: string }> }> };
  };
}

/** The four pages, built once from the CMS's answers. */
export async function buildPages(cmsUrl: string): Promise<Map<string, string>> {
  const lessonUrl = `${cmsUrl}/api/lessons/${SLUG}`;
  const fragmentResponse = await fetch(`${lessonUrl}/embed.html?locale=en`);
  if (!fragmentResponse.ok) throw new Error(`embed.html answered ${fragmentResponse.status}`);
  const fragment = await fragmentResponse.text();
  const { data: lesson } = (await (await fetch(`${lessonUrl}?locale=en`)).json()) as LessonJson;
  const source = lesson.video?.sources[0];
  if (!source) throw new Error(`${SLUG} has no video to compare with`);
  const widgetAttributes = `api="${escape(cmsUrl)}" lesson="${SLUG}" lang="en"`;
  const loader = `<script src="${escape(cmsUrl)}/api/lessons/widget.js" defer blocking="render"></script>`;
  // As a hand-written page would: the player's files in <head>, the transcript written out whole.
  const naiveScript = `
    videojs('player', { fluid: true });
    fetch(${JSON.stringify(`${lessonUrl}?locale=en`)}).then((r) => r.json()).then(({ data }) => {
      const out = document.getElementById('transcript');
      for (const section of data.transcript.sections) {
        if (section.heading) out.insertAdjacentHTML('beforeend', '<h3></h3>'), (out.lastChild.textContent = section.heading);
        for (const p of section.paragraphs) {
          const el = document.createElement('p');
          el.textContent = p.text;
          out.append(el);
        }
      }
    });`;
  return new Map([
    ['/none', page('No lesson', '', '')],
    ['/script', page('Script tag', loader, `<lesson-widget ${widgetAttributes}></lesson-widget>`)],
    [
      '/embed',
      page(
        'embed.html',
        `<script src="${escape(cmsUrl)}/api/lessons/widget.js" defer></script>`,
        // The fragment is the whole <lesson-widget> element, its light DOM inside.
        fragment,
      ),
    ],
    // The same fragment without the widget's script: what the fragment costs by itself.
    ['/fragment', page('Fragment alone', '', fragment)],
    [
      '/naive',
      page(
        'Naive embed',
        '<link rel="stylesheet" href="/vendor/video-js.min.css"><script src="/vendor/video.min.js"></script>',
        `<h2>${escape(lesson.title)}</h2>
  <video-js id="player" class="video-js" controls preload="auto" poster="${escape(lesson.video?.poster ?? '')}">
    <source src="${escape(source.src)}" type="${escape(source.type)}">
  </video-js>
  <h2>Transcript</h2>
  <section id="transcript"></section>
  <script>${naiveScript}</script>`,
      ),
    ],
  ]);
}

function vendorFile(name: string): Buffer {
  return readFileSync(join(packageDir('video.js'), 'dist', name));
}

export async function servePages(pages: Map<string, string>, port: number): Promise<Server> {
  const vendor = new Map([
    ['/vendor/video.min.js', { body: vendorFile('video.min.js'), type: 'text/javascript' }],
    ['/vendor/video-js.min.css', { body: vendorFile('video-js.min.css'), type: 'text/css' }],
  ]);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const html = pages.get(path);
    const file = vendor.get(path);
    if (html) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    else if (file) res.writeHead(200, { 'content-type': file.type, 'cache-control': 'max-age=3600' });
    else res.writeHead(404);
    res.end(html ?? file?.body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

/** Debian's Chromium with a DevTools port, for Lighthouse. */
async function startChromium(path: string): Promise<{ port: number; stop(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'lessons-lighthouse-'));
  const child: ChildProcess = spawn(
    path,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools port: ${output}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${output}`)));
  });
  return {
    port,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

interface Figures {
  lcp: number;
  tbt: number;
  cls: number;
  bytes: number;
  /** Long tasks (ms, as Lighthouse reports them) that it puts down to the widget's scripts. */
  widgetTasks: number[];
  /** The other long tasks: the page's own, and rendering that Lighthouse puts down to no script. */
  otherTasks: number[];
  /** The largest paint's element, as Lighthouse names it. */
  lcpElement: string;
}

async function audit(url: string, port: number, preset: 'desktop' | 'mobile'): Promise<Figures> {
  const result = await lighthouse(
    url,
    { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
    preset === 'desktop' ? desktopConfig : undefined,
  );
  const audits = result?.lhr.audits;
  const value = (id: string) => {
    const v = audits?.[id]?.numericValue;
    if (typeof v !== 'number') throw new Error(`Lighthouse gave no ${id} for ${url} (${preset})`);
    return v;
  };
  if (process.env.BENCH_PAGES_DEBUG) {
    const detail = (id: string) => JSON.stringify(audits?.[id]?.details ?? null).slice(0, 1500);
    console.log(preset, url, '\n LCP element', detail('largest-contentful-paint-element'));
    console.log(' long tasks', detail('long-tasks'));
    console.log(' bootup', detail('bootup-time'));
  }
  const items = (id: string) =>
    ((audits?.[id]?.details as { items?: unknown[] } | undefined)?.items ?? []) as Array<
      Record<string, unknown>
    >;
  const isWidget = (task: Record<string, unknown>) =>
    typeof task.url === 'string' && task.url.includes('/api/lessons/widget');
  const durations = (tasks: Array<Record<string, unknown>>) =>
    tasks.map((task) => Math.round(Number(task.duration)));
  const widgetTasks = durations(items('long-tasks').filter(isWidget));
  const otherTasks = durations(items('long-tasks').filter((task) => !isWidget(task)));
  // The element table is the first of the audit's list of tables.
  const lcpNode = (
    items('largest-contentful-paint-element')[0] as
      { items?: Array<{ node?: { nodeLabel?: string; snippet?: string } }> } | undefined
  )?.items?.[0]?.node;
  return {
    lcp: value('largest-contentful-paint'),
    tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    bytes: value('total-byte-weight'),
    widgetTasks,
    otherTasks,
    lcpElement: lcpNode?.snippet ?? lcpNode?.nodeLabel ?? '?',
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const PAGES = [
  { path: '/none', name: 'No lesson (the article alone)' },
  { path: '/script', name: 'Script tag + `<lesson-widget>`' },
  { path: '/embed', name: '`embed.html` fragment + script' },
  { path: '/fragment', name: '`embed.html` fragment alone, no script' },
  { path: '/naive', name: 'Naive: video.js + whole transcript, eagerly' },
];

/** The page-cost table, as a markdown section. */
export async function benchPages({
  cmsUrl,
  chromiumPath,
  port,
  runs = 5,
  presets = ['desktop', 'mobile'],
}: PagesBenchInput): Promise<string> {
  const pages = await buildPages(cmsUrl);
  const server = await servePages(pages, port);
  const chromium = await startChromium(chromiumPath);
  const started = Date.now();
  const results = new Map<string, Figures>();
  try {
    for (const preset of presets) {
      for (const { path } of PAGES) {
        const figures: Figures[] = [];
        // One run first that is not counted: the CMS's caches and Chromium's code cache warm up.
        await audit(`http://127.0.0.1:${port}${path}`, chromium.port, preset);
        for (let i = 0; i < runs; i++)
          figures.push(await audit(`http://127.0.0.1:${port}${path}`, chromium.port, preset));
        const tbt = median(figures.map((f) => f.tbt));
        // The run whose blocking time is the median's: its long tasks and largest paint explain it.
        const typical = figures.reduce((a, b) => (Math.abs(b.tbt - tbt) < Math.abs(a.tbt - tbt) ? b : a));
        const m: Figures = {
          lcp: median(figures.map((f) => f.lcp)),
          tbt,
          cls: median(figures.map((f) => f.cls)),
          bytes: median(figures.map((f) => f.bytes)),
          widgetTasks: typical.widgetTasks,
          otherTasks: typical.otherTasks,
          lcpElement: typical.lcpElement,
        };
        results.set(`${preset} ${path}`, m);
        console.log(
          `  Lighthouse ${preset.padEnd(7)} ${path.padEnd(8)} LCP ${Math.round(m.lcp)} ms, TBT ${Math.round(m.tbt)} ms, CLS ${m.cls.toFixed(3)}, ${(m.bytes / 1024).toFixed(0)} KB (median of ${runs}; CLS of each: ${figures.map((f) => f.cls.toFixed(3)).join(' ')})`,
        );
      }
    }
  } finally {
    await chromium.stop();
    await new Promise((r) => server.close(r));
  }
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);

  const rows: string[][] = [];
  for (const preset of presets) {
    const base = results.get(`${preset} /none`)!;
    for (const { path, name } of PAGES) {
      const f = results.get(`${preset} ${path}`)!;
      const plus = (v: number, b: number) =>
        path === '/none' ? '' : ` (${v - b >= 0 ? '+' : ''}${Math.round(v - b)})`;
      rows.push([
        preset,
        name,
        `${Math.round(f.lcp)}${plus(f.lcp, base.lcp)}`,
        `${Math.round(f.tbt)}${plus(f.tbt, base.tbt)}`,
        f.cls.toFixed(3),
        `${(f.bytes / 1024).toFixed(0)} KB`,
      ]);
    }
  }

  const verdicts: string[] = [];
  const ms = (v: number) => `${Math.round(v)} ms`;
  const plusMs = (v: number) => `${v >= 0 ? '+' : ''}${Math.round(v)} ms`;
  for (const preset of presets) {
    const base = results.get(`${preset} /none`)!;
    const script = results.get(`${preset} /script`)!;
    const embed = results.get(`${preset} /embed`)!;
    const fragment = results.get(`${preset} /fragment`)!;
    /** A target's line; a missed one says by how much, and why. */
    const check = (what: string, ok: boolean, detail: string, why: () => string) =>
      verdicts.push(`- ${preset}, ${what}: ${detail}, ${ok ? 'met' : `**missed**. ${why()}`}`);
    check(
      'CLS 0 with the script tag',
      script.cls === 0,
      `${script.cls.toFixed(3)}`,
      () => 'Why: the layout-shift sources are in the Lighthouse report of that page.',
    );
    check(
      'LCP with embed.html ≤ no lesson + 100 ms',
      embed.lcp <= base.lcp + 100,
      `${ms(embed.lcp)} against ${ms(base.lcp)} (${plusMs(embed.lcp - base.lcp)})`,
      () =>
        `By ${ms(embed.lcp - base.lcp - 100)}. Why: the largest paint is \`${embed.lcpElement}\`. ` +
        `The fragment alone, without the widget's script, paints at ${ms(fragment.lcp)} (${plusMs(fragment.lcp - base.lcp)}): ` +
        "its poster is an image from the CMS's origin (one more connection, then the image) and its text is laid out " +
        `with the page. The widget's script changes that by ${plusMs(embed.lcp - fragment.lcp)}: its modules load only once ` +
        'the poster has painted (loader.ts).',
    );
    for (const [label, f] of [
      ['script tag', script],
      ['embed.html', embed],
    ] as const) {
      const added = f.tbt - base.tbt;
      const list = (tasks: number[]) => (tasks.length ? tasks.map(ms).join(', ') : 'none');
      check(
        `TBT added by the ${label} ≤ 50 ms`,
        added <= 50,
        plusMs(added),
        () =>
          `By ${ms(added - 50)}. Why: a task blocks for what it takes over 50 ms` +
          (preset === 'mobile'
            ? ', and this run reports every task 4× as long (its simulated slow CPU)'
            : '') +
          `. In the run with the median blocking time, the widget's scripts ran long tasks of ${list(f.widgetTasks)} ` +
          "(the evaluation of the widget's first chunk with the element's upgrade, then the first render of the " +
          'lesson: title, player facade, language picker and account in one task, the transcript and the links in ' +
          "a task each, as Lit renders an element's template in one go), and the " +
          `page had others of ${list(f.otherTasks)} (style, layout and paint, which Lighthouse puts down to no script)` +
          (f === embed
            ? `; the fragment alone, without the script, adds ${plusMs(fragment.tbt - base.tbt)} by itself.`
            : '.'),
      );
    }
  }

  return [
    '## Page cost',
    '',
    `Lighthouse ${lighthouseVersion()} (performance only) against ${chromiumVersionOf(chromiumPath)}, desktop preset and its`,
    `default mobile run (simulated slow 4G and 4× CPU), median of ${runs} runs after one uncounted run, on five local`,
    'pages with the same article text above and below the lesson (tests/tools/bench-pages.ts builds them). LCP and TBT',
    `in ms, with the difference to the page without a lesson; total bytes as Lighthouse counts them. ${minutes} minutes.`,
    '',
    markdownTable(['run', 'page', 'LCP', 'TBT', 'CLS', 'total bytes'], rows),
    '',
    'Targets (issue 9):',
    '',
    ...verdicts,
  ].join('\n');
}

function lighthouseVersion(): string {
  const file = join(packageDir('lighthouse'), 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function chromiumVersionOf(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return `Chromium (${path})`;
  }
}
