// Builds the widget, the plugin (which embeds the widget) and the Strapi admin, skipping the work
// when none of their sources changed since the last build.
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pnpm, root } from './pnpm.mjs';

// Every file a step's build reads is one of its inputs (tests/package/build-inputs.test.ts checks
// this against the tracked files), else an edit to it would not rebuild.
export const STEPS = [
  {
    name: 'widget',
    filter: '@lessons/widget',
    inputs: [
      'shared/src',
      'shared/package.json',
      'widget/src',
      'widget/scripts',
      'widget/rollup.config.mjs',
      'widget/custom-elements-manifest.config.mjs',
      'widget/package.json',
      'widget/tsconfig.json',
      'tsconfig.json',
    ],
    output: 'widget/dist/custom-elements.json',
  },
  {
    name: 'plugin',
    filter: 'strapi-plugin-lessons',
    inputs: [
      'shared/src',
      'shared/package.json',
      'cms/server',
      'cms/admin',
      'cms/scripts',
      'cms/package.json',
      'widget/dist',
    ],
    output: 'cms/dist/server/index.js',
  },
  {
    name: 'admin',
    filter: 'lessons-app',
    inputs: ['cms/dist', 'cms/app/config', 'cms/app/src', 'cms/app/tsconfig.json', 'cms/app/package.json'],
    output: 'cms/app/dist/build/index.html',
  },
];

function fingerprint(paths) {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(root, 'pnpm-lock.yaml')));
  for (const p of paths) {
    if (!existsSync(join(root, p))) continue;
    const files = execSync(
      `find ${JSON.stringify(p)} -type f -not -name '*.map' -not -path '*/node_modules/*' | sort`,
      { cwd: root },
    )
      .toString()
      .split('\n')
      .filter(Boolean);
    for (const f of files) hash.update(f).update(readFileSync(join(root, f)));
  }
  return hash.digest('hex');
}

export function build({ force = false } = {}) {
  const cacheDir = join(root, 'node_modules', '.cache', 'lessons-build');
  mkdirSync(cacheDir, { recursive: true });
  for (const step of STEPS) {
    const stamp = join(cacheDir, step.name);
    const print = fingerprint(step.inputs);
    const outputFound = existsSync(join(root, step.output));
    if (!force && outputFound && existsSync(stamp) && readFileSync(stamp, 'utf8') === print) {
      console.log(`✓ ${step.name}: up to date`);
      continue;
    }
    console.log(`▶ building ${step.name}…`);
    pnpm(['--filter', step.filter, 'run', 'build']);
    writeFileSync(stamp, print);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    build({ force: process.argv.includes('--force') });
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
