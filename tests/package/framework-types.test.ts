import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

/**
 * The typings the widget package ships for frameworks (widget/scripts/framework-types.mjs, from
 * custom-elements.json), used as a site's own project would: a temporary project with React 19,
 * Preact, Solid, Vue and Svelte from the registry (through pnpm's store), the built widget package
 * copied into its node_modules, and one vue-tsc run over a React TSX file, a Vue SFC and the
 * others. Each file also uses the element wrongly under `@ts-expect-error` (`@vue-expect-error`
 * in the template): a wrong attribute type that compiled would fail the run as an unused directive.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const PNPM = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { packageManager: string })
  .packageManager;
const widgetPackage = JSON.parse(readFileSync(join(root, 'widget/package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const sharedPackage = JSON.parse(readFileSync(join(root, 'shared/package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

const PROJECT = {
  name: 'site-with-lessons',
  private: true,
  type: 'module',
  devDependencies: {
    // What the widget's declarations import: lit, and the shared contracts' own dependencies.
    lit: widgetPackage.dependencies.lit,
    ...sharedPackage.dependencies,
    typescript: '5.9.3',
    '@types/react': '19.3.3',
    preact: '10.27.2',
    'solid-js': '1.9.20',
    svelte: '5.57.3',
    vue: '3.5.45',
    'vue-tsc': '3.3.14',
  },
};

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    jsx: 'react-jsx',
    types: [],
  },
  include: ['src'],
};

const FILES: Record<string, string> = {
  'src/react.tsx': `import type {} from '@lessons/widget/react';

export function Lesson({ slug }: { slug: string }) {
  return (
    <lesson-widget
      api="https://cms.example.org"
      lesson={slug}
      lang="es"
      link-template="/lessons/{slug}"
      onlesson-progress={(event) => console.log(event.detail.percent.toFixed(0), event.detail.course?.total)}
      onlesson-language-change={(event) => event.detail.previousLocale}
      onlesson-auth-change={(event) => event.detail.user?.username}
      ref={(element) => {
        if (element) element.lesson = slug;
      }}
    />
  );
}

export const Search = () => (
  <lesson-search api="https://cms.example.org" onlesson-select={(event) => event.detail.lesson.slug} />
);

// @ts-expect-error api is a string attribute, not a number
export const wrongType = <lesson-widget api={1337} lesson="x" />;
// @ts-expect-error the detail of lesson-progress has no "progress"
export const wrongDetail = <lesson-widget onlesson-progress={(event) => event.detail.progress} />;
`,
  'src/preact.tsx': `/** @jsxImportSource preact */
import type {} from '@lessons/widget/preact';

export const Lesson = () => (
  <lesson-widget api="https://cms.example.org" lesson="x" onlesson-progress={(event) => event.detail.completed} />
);
// @ts-expect-error api is a string attribute, not a number
export const wrongType = <lesson-widget api={1337} />;
`,
  'src/solid.tsx': `/** @jsxImportSource solid-js */
import type {} from '@lessons/widget/solid';

export const Lesson = () => (
  <lesson-widget api="https://cms.example.org" lesson="x" on:lesson-progress={(event) => event.detail.percent} />
);
// @ts-expect-error api is a string attribute, not a number
export const wrongType = <lesson-widget api={1337} />;
`,
  'src/svelte.ts': `import type { SvelteHTMLElements } from 'svelte/elements';
import type {} from '@lessons/widget/svelte';

type Widget = SvelteHTMLElements['lesson-widget'];
export const ok: Widget = {
  api: 'https://cms.example.org',
  lesson: 'x',
  'onlesson-progress': (event) => event.detail.percent,
};
// @ts-expect-error api is a string attribute, not a number
export const wrongType: Widget = { api: 1337 };
`,
  'src/App.vue': `<script setup lang="ts">
import type {} from '@lessons/widget/vue';
import type { LessonProgressEvent } from '@lessons/widget';

const slug = 'regaining-social-connection';
function progress(event: LessonProgressEvent) {
  console.log(event.detail.percent);
}
</script>

<template>
  <lesson-widget api="https://cms.example.org" :lesson="slug" lang="es" @lesson-progress="progress" />
  <lesson-widget api="https://cms.example.org" :lesson="slug" @lesson-select="() => {}" />
  <!-- @vue-expect-error api is a string attribute, not a number -->
  <lesson-widget :api="1337" :lesson="slug" />
</template>
`,
  'src/vue-shim.d.ts': `declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
`,
};

function run(cmd: string, args: string[], cwd: string, minutes: number) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, npm_config_update_notifier: 'false', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), minutes * 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} ended with ${signal ?? code}:\n${out.slice(-6000)}`));
    });
  });
}

describe('the framework typings of the widget package', () => {
  let project: string;

  before(async () => {
    assert.ok(
      existsSync(join(root, 'widget/dist/frameworks/react.d.ts')),
      'the widget is built with its typings (widget/dist/frameworks)',
    );
    project = mkdtempSync(join(tmpdir(), 'lessons-frameworks-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify(PROJECT, null, 2));
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(join(project, path, '..'), { recursive: true });
      writeFileSync(join(project, path), text);
    }
    await run('npx', ['-y', PNPM, 'install', '--prefer-offline', '--reporter=append-only'], project, 3);
    // The widget package as it would be installed: package.json and the built typings. Its
    // contracts package (@lessons/shared, TypeScript sources) beside it.
    const widget = join(project, 'node_modules/@lessons/widget');
    mkdirSync(join(widget, 'dist'), { recursive: true });
    cpSync(join(root, 'widget/package.json'), join(widget, 'package.json'));
    for (const folder of ['types', 'frameworks'])
      cpSync(join(root, 'widget/dist', folder), join(widget, 'dist', folder), { recursive: true });
    const shared = join(project, 'node_modules/@lessons/shared');
    cpSync(join(root, 'shared/package.json'), join(shared, 'package.json'));
    cpSync(join(root, 'shared/src'), join(shared, 'src'), { recursive: true });
  });

  after(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('type-checks <lesson-widget> and <lesson-search> in React 19, Preact, Solid, Vue and Svelte, and refuses a wrong attribute type in each', async () => {
    await run('npx', ['vue-tsc', '-p', 'tsconfig.json'], project, 3);
  });
});
