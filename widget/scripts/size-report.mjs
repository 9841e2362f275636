#!/usr/bin/env node
// Prints the gzip size of every built file, and what a page downloads for the widget:
//   initial    = widget.js + define.js and everything it imports statically + one language
//                (the largest, to be safe), i.e. what loads before any interaction;
//   after play = initial + the chunks loaded on play (video.js, the player and follow-along
//                controllers) and what they import statically.
// Run after `npm run build`. Budgets (gzip, with the largest language): initial ≤ 28 KB, after play
// ≤ 108 KB: tests/e2e/reader.test.ts's 24 and 110 KB as transferred (brotli) are about these in gzip.
// Issue 9's goal for the initial one is 20 KB. What each chunk holds: dist/modules.json (the build's).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const modules = join(dist, 'widget');
const BUDGET_INITIAL = 28 * 1024;
const BUDGET_PLAYED = 108 * 1024;

const gz = (file) => gzipSync(readFileSync(file)).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Files a module imports statically (`import … from './x.js'`, `export … from`). */
function staticImports(file) {
  const code = readFileSync(file, 'utf8');
  const found = new Set();
  for (const m of code.matchAll(
    /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["'](\.\/[^"']+)["']/g,
  ))
    found.add(m[1]);
  return [...found].map((spec) => join(dirname(file), spec));
}
/** Files a module imports dynamically (`import('./x.js')`). */
function dynamicImports(file) {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/import\(\s*["'](\.\/[^"']+)["']\s*\)/g)].map((m) => join(dirname(file), m[1]));
}
function closure(entries) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    staticImports(file).forEach(visit);
  };
  entries.forEach(visit);
  return seen;
}

const files = readdirSync(modules)
  .filter((f) => f.endsWith('.js'))
  .map((f) => join(modules, f));
const loader = join(dist, 'widget.js');
const rows = [loader, ...files].map((file) => ({ file, raw: statSync(file).size, gzip: gz(file) }));
const size = new Map(rows.map((r) => [r.file, r.gzip]));

const initialGraph = closure([join(modules, 'define.js')]);
const lazy = new Set([...initialGraph].flatMap(dynamicImports));
const languages = [...lazy].filter((f) => /lang-\w+-/.test(f));
const largestLanguage = languages.sort((a, b) => size.get(b) - size.get(a))[0];
const english = languages.find((f) => /lang-en-/.test(f));
// Loaded when the reader presses play: video.js and the code that drives and follows it.
const PLAY_CHUNKS = /[\\/](player|player-controller|follow-along-controller)-[\w-]+\.js$/;
const player = files.filter((f) => PLAY_CHUNKS.test(f));
const playerGraph = [...closure(player)].filter((f) => !initialGraph.has(f));

const sum = (list) => list.reduce((n, f) => n + (size.get(f) ?? 0), 0);
const initial = size.get(loader) + sum([...initialGraph]) + (size.get(largestLanguage) ?? 0);
const initialEnglish = size.get(loader) + sum([...initialGraph]) + (size.get(english) ?? 0);
const afterPlay = initial + sum(playerGraph);

console.log(`${'file'.padEnd(48)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}`);
for (const r of rows.sort((a, b) => b.gzip - a.gzip)) {
  const tag =
    initialGraph.has(r.file) || r.file === loader
      ? ' initial'
      : playerGraph.includes(r.file)
        ? ' player'
        : '';
  console.log(
    `${relative(dist, r.file).padEnd(48)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)}${tag}`,
  );
}
console.log('');
console.log(
  `initial (loader + define graph + largest language ${relative(modules, largestLanguage ?? '')}): ${kb(initial)}  (with English: ${kb(initialEnglish)})  budget ${kb(BUDGET_INITIAL)}`,
);
console.log(`after play (initial + player graph):  ${kb(afterPlay)}  budget ${kb(BUDGET_PLAYED)}`);
const over = initial > BUDGET_INITIAL || afterPlay > BUDGET_PLAYED;
if (over) console.log('OVER BUDGET');
process.exitCode = over && process.argv.includes('--check') ? 1 : 0;
