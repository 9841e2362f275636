// `npm test`: install what is missing (Chromium included), build, run every suite, print one
// summary, exit non-zero when anything failed. Nothing is skipped for lack of a browser or server.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, installPackages } from './ensure.mjs';
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
/** node --test over `files` (paths under the package), or a command that fails when there are none. */
const nodeTestOf = (pkg, files, what) =>
  // Without files node --test would search the folder itself: a suite with no tests is an error.
  files.length === 0
    ? ['node', '-e', `console.error('No test files in ${pkg}/${what}'); process.exit(1)`]
    : ['node', '--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files];
const nodeTest = (pkg, ...dirs) => nodeTestOf(pkg, testFiles(pkg, ...dirs), `{${dirs}}`);

/**
 * The journeys of lane 1: those in the Strapi admin (the clean run of 2026-12-02: 21.1 min for
 * lane 1 with three reader journeys among them, 18.4 for lane 2); every other journey (a new file
 * included) runs in lane 2.
 */
const LANE_ONE_JOURNEYS = ['editor-preview', 'editor', 'history', 'injection', 'long-lecture-editor'].map(
  (name) => join('e2e', `${name}.test.ts`),
);
const journeys = (laneOne) =>
  testFiles('tests', 'e2e').filter((f) => LANE_ONE_JOURNEYS.includes(f) === laneOne);

/**
 * Two lanes run side by side (2 cores: one Strapi or Chromium suite beside another), each running
 * its suites one after the other; lane 1 prints as it goes, lane 2's output of each suite is
 * printed when that suite ends. Lane 1 starts with the build, while lane 2 runs what tests the
 * sources themselves (shared, widget); a suite marked `built` waits for the build. The lanes hold
 * about the same time (≈ 19 minutes each on 2 cores), and every suite's ports are its own,
 * whatever runs beside it.
 */
const SUITES = [
  {
    lane: 1,
    built: true,
    name: 'types (tsc, strict, every package)',
    cwd: '',
    cmd: () => ['node', 'tests/tools/typecheck.mjs'],
  },
  {
    lane: 1,
    built: true,
    name: 'cms (plugin on a real Strapi)',
    cwd: 'cms',
    cmd: () => nodeTest('cms', 'admin/src', 'test'),
  },
  {
    lane: 1,
    built: true,
    name: 'end-to-end, in the Strapi admin (Strapi, Chromium)',
    cwd: 'tests',
    cmd: () => nodeTestOf('tests', journeys(true), 'e2e (lane 1 journeys)'),
  },
  { lane: 2, name: 'shared (contracts, unit)', cwd: 'shared', cmd: () => nodeTest('shared', 'src') },
  { lane: 2, name: 'widget (Chromium)', cwd: 'widget', cmd: () => ['npx', 'web-test-runner'] },
  {
    lane: 2,
    built: true,
    name: 'PostgreSQL, and two instances behind nginx (PostgreSQL, Redis)',
    cwd: 'tests',
    cmd: () => nodeTest('tests', 'db', 'cluster'),
  },
  {
    lane: 2,
    built: true,
    name: 'package (the packed plugin in an app of its own, framework typings)',
    cwd: 'tests',
    cmd: () => nodeTest('tests', 'package'),
  },
  {
    lane: 2,
    built: true,
    name: 'end-to-end, readers and site owners (Strapi, demo page, Chromium)',
    cwd: 'tests',
    cmd: () => nodeTestOf('tests', journeys(false), 'e2e (lane 2 journeys)'),
  },
];

const only = process.argv.slice(2);
let chromium;
try {
  installPackages();
  chromium = ensureChromium();
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
      if (!live) process.stdout.write(`\n━━━ ${suite.name} (ran in the other lane) ━━━\n${out}`);
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

const chosen = SUITES.filter((suite) => !only.length || only.some((o) => suite.cwd.startsWith(o)));
const lanes = [...new Set(chosen.map((suite) => suite.lane))].map((lane) =>
  chosen.filter((suite) => suite.lane === lane),
);
const started = Date.now();
const minutes = () => `${((Date.now() - started) / 60_000).toFixed(1)} min`;
// The build (widget, plugin, admin; skipped when up to date), in a process of its own so that the
// suites that test the sources run beside it; its output is lane 1's.
console.log('\n━━━ build ━━━');
const building = new Promise((resolveBuild) => {
  const child = spawn(process.execPath, [join(root, 'tests', 'tools', 'build.mjs')], {
    cwd: root,
    env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code) => {
    console.log(`━━━ build ${code === 0 ? 'done' : `failed (exit ${code})`} at ${minutes()} ━━━`);
    resolveBuild(code === 0);
  });
});
const results = (
  await Promise.all(
    lanes.map(async (suites, i) => {
      const done = [];
      for (const suite of suites) {
        if (suite.built && !(await building)) {
          done.push({
            ...suite,
            code: 1,
            passed: 0,
            failed: 1,
            failures: ['not run: the build failed'],
            took: minutes(),
          });
          continue;
        }
        if (i === 0) console.log(`\n━━━ ${suite.name} (at ${minutes()}) ━━━`);
        const result = await run(suite, i === 0);
        done.push({ ...result, took: minutes() });
      }
      return done;
    }),
  )
).flat();
// A build that failed fails the run even when no chosen suite needed it.
if (!(await building))
  results.push({ name: 'build', lane: 1, code: 1, passed: 0, failed: 1, failures: [], took: minutes() });

console.log('\n━━━ summary ━━━');
let passed = 0;
let failed = 0;
for (const r of results) {
  const ok = r.code === 0;
  // A suite that exits non-zero without a failing test (a crash) counts as one failure.
  const f = ok ? r.failed : Math.max(1, r.failed);
  passed += r.passed;
  failed += f;
  console.log(
    `${ok ? '✓' : '✗'} ${r.name}: ${r.passed} passed, ${f} failed (lane ${r.lane}, done at ${r.took})`,
  );
  if (!ok) for (const line of r.failures) console.log(`    ${line}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || results.some((r) => r.code !== 0) ? 1 : 0);
