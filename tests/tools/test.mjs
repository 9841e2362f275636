// `npm test`: install what is missing (Chromium included), build, run every suite, print one
// summary, exit non-zero when anything failed. Nothing is skipped for lack of a browser or server.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, installPackages } from './ensure.mjs';
import { build } from './build.mjs';
import { root } from './pnpm.mjs';

/** `*.test.ts` files under the given folders of a package (Node 20's --test finds no .ts by itself). */
const testFiles = (pkg, ...dirs) =>
  dirs.flatMap((dir) =>
    (existsSync(join(root, pkg, dir)) ? readdirSync(join(root, pkg, dir), { recursive: true }) : [])
      .map(String)
      .filter((f) => f.endsWith('.test.ts'))
      .sort()
      .map((f) => join(dir, f)),
  );
const nodeTest = (pkg, ...dirs) => {
  const files = testFiles(pkg, ...dirs);
  // Without files node --test would search the folder itself: a suite with no tests is an error.
  if (files.length === 0)
    return ['node', '-e', `console.error('No test files in ${pkg}/{${dirs}}'); process.exit(1)`];
  return ['node', '--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files];
};

const SUITES = [
  // Suites of one `stage` run side by side (2 cores: a Node/Strapi suite beside a Chromium one);
  // the output of all but the first of a stage is printed when that suite ends.
  {
    name: 'types (tsc, strict, every package)',
    stage: 1,
    cwd: '',
    cmd: () => ['node', 'tests/tools/typecheck.mjs'],
  },
  { name: 'shared (contracts, unit)', stage: 1, cwd: 'shared', cmd: () => nodeTest('shared', 'src') },
  {
    name: 'cms (plugin on a real Strapi)',
    stage: 2,
    cwd: 'cms',
    cmd: () => nodeTest('cms', 'admin/src', 'test'),
  },
  { name: 'widget (Chromium)', stage: 2, cwd: 'widget', cmd: () => ['npx', 'web-test-runner'] },
  // The journeys in Chromium beside the production shape (PostgreSQL, two instances behind nginx)
  // and the packed plugin: each half holds one Strapi at a time beside the other's.
  {
    stage: 3,
    name: 'end-to-end (Strapi, demo page, admin, Chromium)',
    cwd: 'tests',
    cmd: () => nodeTest('tests', 'e2e'),
  },
  {
    stage: 3,
    name: 'production shape (package, PostgreSQL, two instances behind nginx)',
    cwd: 'tests',
    cmd: () => nodeTest('tests', 'package', 'db', 'cluster'),
  },
];

const only = process.argv.slice(2);
let chromium;
try {
  installPackages();
  chromium = ensureChromium();
  build();
} catch (e) {
  console.error(`\n✗ setup failed: ${e.message}`);
  process.exit(1);
}

function run(suite, live) {
  return new Promise((resolveRun) => {
    const [bin, ...args] = suite.cmd();
    const child = spawn(bin, args, {
      cwd: `${root}${suite.cwd}`,
      env: { ...process.env, CHROMIUM_PATH: chromium, STRAPI_TELEMETRY_DISABLED: 'true', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const tee = (stream) => (chunk) => {
      out += chunk;
      if (live) stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('exit', (code) => {
      if (!live) process.stdout.write(`\n━━━ ${suite.name} (ran beside the one above) ━━━\n${out}`);
      // node --test prints "ℹ pass N" / "ℹ fail N"; web-test-runner "N passed, N failed".
      const num = (re) => [...out.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
      let passed = num(/^ℹ pass (\d+)$/gm);
      let failed = num(/^ℹ fail (\d+)$/gm);
      // eslint-disable-next-line no-control-regex -- the ANSI colour codes are what this strips
      const wtr = [...out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').matchAll(/(\d+) passed, (\d+) failed/g)].at(
        -1,
      );
      if (wtr) {
        passed = Number(wtr[1]);
        failed = Number(wtr[2]);
      }
      resolveRun({ ...suite, code, passed, failed, failures: failuresIn(out) });
    });
  });
}

/**
 * The failing tests' names and first lines of error, so that the end of the output (all a CI log
 * may keep) says what failed: node --test lists them after "✖ failing tests:", web-test-runner
 * marks each with ❌.
 */
function failuresIn(out) {
  // eslint-disable-next-line no-control-regex -- the ANSI colour codes are what this strips
  const lines = out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').split('\n');
  const found = [];
  const listed = lines.indexOf('✖ failing tests:');
  if (listed >= 0)
    for (const [i, line] of lines.slice(listed + 1).entries())
      if (/^\s*✖ /.test(line)) found.push(...lines.slice(listed + 1 + i, listed + 4 + i));
  for (const [i, line] of lines.entries()) if (line.includes('❌')) found.push(...lines.slice(i, i + 4));
  return found.map((line) => line.trimEnd().slice(0, 300)).slice(0, 60);
}

const results = [];
const chosen = SUITES.filter((suite) => !only.length || only.some((o) => suite.cwd.startsWith(o)));
for (const stage of [...new Set(chosen.map((suite) => suite.stage))]) {
  const together = chosen.filter((suite) => suite.stage === stage);
  console.log(`\n━━━ ${together.map((suite) => suite.name).join('  ‖  ')} ━━━`);
  results.push(...(await Promise.all(together.map((suite, i) => run(suite, i === 0)))));
}

console.log('\n━━━ summary ━━━');
let passed = 0;
let failed = 0;
for (const r of results) {
  const ok = r.code === 0;
  // A suite that exits non-zero without a failing test (a crash) counts as one failure.
  const f = ok ? r.failed : Math.max(1, r.failed);
  passed += r.passed;
  failed += f;
  console.log(`${ok ? '✓' : '✗'} ${r.name}: ${r.passed} passed, ${f} failed`);
  if (!ok) for (const line of r.failures) console.log(`    ${line}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || results.some((r) => r.code !== 0) ? 1 : 0);
