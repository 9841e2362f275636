// `npm run bench`, issue 9's payload part: the widget's scripts before any interaction and after
// play, as Chromium fetches them from the demo page, in gzip and brotli, and what each chunk holds
// (widget/dist/modules.json, written by the widget's build); beside the players a site owner would
// pick instead, weighed the same way from their npm builds (dev dependencies of tests/).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import type { Browser } from 'playwright-core';
import {
  TARGET_KB,
  describeWidgetBudget,
  measureWidgetBudget,
  type WidgetBudget,
} from '../support/budget.ts';
import { markdownTable } from './bench-doc.ts';

export interface PayloadBenchInput {
  browser: Browser;
  hostUrl: string;
  cmsUrl: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const KB = 1024;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** Bytes once compressed as a server would compress a file once, at build time. */
export interface Compressed {
  raw: number;
  gzip: number;
  brotli: number;
}

export function compressed(body: Buffer | string): Compressed {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }).length,
  };
}

const sum = (list: Compressed[]): Compressed => ({
  raw: list.reduce((n, c) => n + c.raw, 0),
  gzip: list.reduce((n, c) => n + c.gzip, 0),
  brotli: list.reduce((n, c) => n + c.brotli, 0),
});

/** A package's folder, wherever pnpm placed it (tests/node_modules or the hoisted root one). */
export function packageDir(name: string): string {
  for (const base of [join(root, 'tests'), root]) {
    const dir = join(base, 'node_modules', name);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`${name} is not installed: run pnpm install (it is a dev dependency of tests/)`);
}

function version(name: string): string {
  return (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** A peer as a page would ship it: its npm build's files, minified where the package ships source. */
interface Peer {
  name: string;
  package: string;
  files: string[];
  /** The package ships readable source: minified here (esbuild) before it is weighed. */
  minify?: boolean;
  note: string;
}

const PEERS: Peer[] = [
  {
    name: '@mux/mux-player',
    package: '@mux/mux-player',
    files: ['dist/mux-player.js'],
    note: 'its one-file build (player, media-chrome UI, hls.js)',
  },
  {
    name: 'media-chrome',
    package: 'media-chrome',
    files: ['dist/iife/index.js'],
    note: 'UI elements only: a page adds its own `<video>` (no HLS)',
  },
  {
    name: 'lite-youtube-embed',
    package: 'lite-youtube-embed',
    files: ['src/lite-yt-embed.js', 'src/lite-yt-embed.css'],
    minify: true,
    note: "a facade: YouTube's own player (≈ 1 MB) loads on click",
  },
  {
    name: 'video.js core',
    package: 'video.js',
    files: ['dist/alt/video.core.min.js', 'dist/video-js.min.css'],
    note: 'without HLS/DASH (VHS); with its stylesheet',
  },
  {
    name: 'video.js full',
    package: 'video.js',
    files: ['dist/video.min.js', 'dist/video-js.min.css'],
    note: 'with VHS (HLS/DASH); with its stylesheet',
  },
];

async function weighPeer(peer: Peer): Promise<Compressed> {
  const dir = packageDir(peer.package);
  const parts = await Promise.all(
    peer.files.map(async (file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      if (!peer.minify) return compressed(text);
      const loader = file.endsWith('.css') ? 'css' : 'js';
      return compressed((await transform(text, { loader, minify: true })).code);
    }),
  );
  return sum(parts);
}

/** The widget's scripts Chromium fetched, each weighed from its decoded body. */
async function weighScripts(budget: WidgetBudget): Promise<Map<string, Compressed>> {
  const weights = new Map<string, Compressed>();
  for (const url of budget.files.keys()) {
    const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    weights.set(url, compressed(Buffer.from(await response.arrayBuffer())));
  }
  return weights;
}

interface ModuleSizes {
  chunks: Array<{ file: string; gzip: number; modules: Array<{ module: string; rendered: number }> }>;
}

/** The build's per-module sizes (widget/dist/modules.json), if the build wrote them. */
function moduleSizes(): ModuleSizes | null {
  const served = process.env.LESSONS_WIDGET_DIR;
  const candidates = [
    ...(served ? [join(served, 'modules.json')] : []),
    join(root, 'widget', 'dist', 'modules.json'),
    join(root, 'cms', 'widget-dist', 'modules.json'),
  ];
  for (const file of candidates) {
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ModuleSizes;
  }
  return null;
}

/** The build's entry for a script the page fetched (none for widget.js, built on its own). */
const chunkOf = (sizes: ModuleSizes, url: string) =>
  sizes.chunks.find((c) => c.file === url.slice(url.lastIndexOf('/widget/') + '/widget/'.length));

const shortModule = (id: string) =>
  id
    .replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '')
    .replace(/^widget\/src\/|^src\//, '')
    .replace(/^prebundled:/, '')
    .replace(/^css:(.*)\?text$/, '$1 (CSS)');

/** Each chunk the page fetched: its largest modules, with their share of the chunk before minifying. */
function chunkContents(budget: WidgetBudget, weights: Map<string, Compressed>, top = 8): string[] {
  const sizes = moduleSizes();
  if (!sizes)
    return ['(widget/dist/modules.json is missing: build the widget to list what each chunk holds)'];
  const lines: string[] = [];
  for (const url of budget.files.keys()) {
    const chunk = chunkOf(sizes, url);
    if (!chunk) continue;
    const total = chunk.modules.reduce((n, m) => n + m.rendered, 0);
    const shown = chunk.modules.slice(0, top).map((m) => {
      const share = total > 0 ? Math.round((100 * m.rendered) / total) : 0;
      return `${shortModule(m.module)} ${share}%`;
    });
    const rest = chunk.modules.length - top;
    const when = budget.initialFiles.has(url) ? 'before interaction' : 'on play';
    lines.push(
      `- \`${chunk.file}\` (${when}, ${kb(weights.get(url)?.gzip ?? chunk.gzip)} gzip): ${shown.join(', ')}${rest > 0 ? `, and ${rest} more` : ''}`,
    );
  }
  return lines;
}

/** What the first paint's chunks are made of, grouped, in gzip as their share of their chunk. */
const GROUPS: Array<[string, RegExp]> = [
  ["Lit and @lit/context (the components' runtime)", /node_modules\/(lit|lit-html|lit-element|@lit)\//],
  ['the transcript (text, roving tab stop, search field, downloads)', /components\/transcript\//],
  ['the player facade and its loader (poster, play button)', /components\/player\/|player-loader/],
  [
    'the account area and its session glue (notice, log in / register)',
    /components\/account\/|account-controller|stored-session|reader-progress/,
  ],
  [
    'the widget shell (layout, lesson loader, chunk loading, announcer, shortcuts glue)',
    /components\/lesson-widget\/|controllers\/|base\/|context\.ts/,
  ],
  ['the API client and its errors', /api\//],
  ['UI strings of the first paint and their t()', /i18n\//],
  ['language picker, related lessons and tags', /language-picker|lesson-links/],
  ["the search field of the demo page's header (`<lesson-search>`)", /lesson-search/],
  ['event classes and constants', /events\/|constants\.ts/],
  ["define.js and the shared contract's functions", /define\.ts|shared\/src\//],
];

/** Why the first paint is over its target: what it holds, by part, largest first. */
function firstPaintWhy(initialFiles: string[], weights: Map<string, Compressed>): string {
  const sizes = moduleSizes();
  if (!sizes)
    return 'Why: widget/dist/modules.json is missing (build the widget) to say what the first paint holds.';
  const parts = new Map<string, number>();
  for (const url of initialFiles) {
    const chunk = chunkOf(sizes, url);
    if (!chunk) {
      // The loader, widget.js, is built on its own (a classic script).
      parts.set(`\`${url.slice(url.lastIndexOf('/') + 1)}\``, weights.get(url)?.gzip ?? 0);
      continue;
    }
    const total = chunk.modules.reduce((n, m) => n + m.rendered, 0) || 1;
    for (const m of chunk.modules) {
      const group = GROUPS.find(([, pattern]) => pattern.test(m.module))?.[0] ?? 'the rest';
      const share = ((weights.get(url)?.gzip ?? chunk.gzip) * m.rendered) / total;
      parts.set(group, (parts.get(group) ?? 0) + share);
    }
  }
  const list = [...parts].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => `${name} ${kb(bytes)}`);
  return (
    'Why the first paint is still over 20 KB: it is what the reader sees before any interaction, ' +
    'rendered by Lit: ' +
    list.join(', ') +
    ' (gzip, each part as its share of its chunk). Everything an interaction needs already loads on ' +
    'that interaction (README, Page cost); what is left is drawn in the first paint.'
  );
}

const verdict = (value: number, limit: number) =>
  value <= limit * KB ? 'met' : `**missed by ${kb(value - limit * KB)}**`;

/** The payload table and what each chunk holds, as a markdown section. */
export async function benchPayload({ browser, hostUrl, cmsUrl }: PayloadBenchInput): Promise<string> {
  const budget = await measureWidgetBudget(browser, hostUrl, cmsUrl);
  const weights = await weighScripts(budget);
  const initialFiles = [...budget.initialFiles];
  const initial = sum(initialFiles.map((url) => weights.get(url)!));
  const afterPlay = sum([...weights.values()]);
  const peers = await Promise.all(PEERS.map(async (peer) => ({ peer, size: await weighPeer(peer) })));
  const mux = peers[0]!.size;
  const ratio = (c: Compressed) => `${((100 * c.gzip) / mux.gzip).toFixed(1)}%`;
  const row = (name: string, c: Compressed, note: string) => [
    name,
    kb(c.raw),
    kb(c.gzip),
    kb(c.brotli),
    ratio(c),
    note,
  ];

  const table = markdownTable(
    ['What a page loads', 'minified', 'gzip', 'brotli', 'gzip ÷ mux-player', 'notes'],
    [
      row(
        '**lesson-widget, before any interaction**',
        initial,
        `${budget.initialFiles.size} scripts as Chromium fetched them on the demo page (poster, transcript, language picker, account; the header's \`<lesson-search>\`); ${kb(budget.initial.transferred)} transferred`,
      ),
      row(
        '**lesson-widget, after play**',
        afterPlay,
        `${budget.files.size} scripts: video.js core inside; ${kb(budget.afterPlay.transferred)} transferred`,
      ),
      ...peers.map(({ peer, size }) =>
        row(`${peer.name} ${version(peer.package)}`, size, `${peer.files.join(' + ')}: ${peer.note}`),
      ),
    ],
  );

  const perFile = markdownTable(
    ['script', 'when', 'gzip', 'brotli', 'transferred'],
    [...budget.files].map(([url, f]) => [
      `\`${url.replace(cmsUrl, '')}\``,
      budget.initialFiles.has(url) ? 'before interaction' : 'on play',
      kb(weights.get(url)!.gzip),
      kb(weights.get(url)!.brotli),
      `${kb(f.transferred)} ${f.coding}`,
    ]),
  );

  console.log('\nWidget scripts fetched by Chromium on the demo page (bytes as transferred, and decoded):');
  for (const line of describeWidgetBudget(budget, cmsUrl)) console.log(`  ${line}`);
  console.log(
    '\nPayload (gzip): widget before interaction',
    kb(initial.gzip),
    'after play',
    kb(afterPlay.gzip),
  );
  for (const { peer, size } of peers) console.log(`  ${peer.name.padEnd(20)} ${kb(size.gzip).padStart(9)}`);

  return [
    '## Payload',
    '',
    'Every file gzip -9 and brotli 11, as a server would precompress it. The widget: the scripts Chromium',
    'fetched from the demo page (`/?lang=en`, a lesson with a timed transcript) before any interaction, then',
    "once the video has played half a second. The others: their npm packages' browser builds.",
    '',
    table,
    '',
    `Targets (issue 9, gzip): before any interaction ≤ ${TARGET_KB.initial} KB: ${kb(initial.gzip)}, ${verdict(initial.gzip, TARGET_KB.initial)}; ` +
      `after play ≤ ${TARGET_KB.afterPlay} KB: ${kb(afterPlay.gzip)}, ${verdict(afterPlay.gzip, TARGET_KB.afterPlay)}.`,
    ...(initial.gzip > TARGET_KB.initial * KB ? ['', firstPaintWhy(initialFiles, weights)] : []),
    '',
    '### The widget, file by file',
    '',
    perFile,
    '',
    '### What each chunk holds',
    '',
    'Largest modules first, with their share of the chunk before minifying (widget/dist/modules.json, which the',
    "widget's build writes):",
    '',
    ...chunkContents(budget, weights),
  ].join('\n');
}
