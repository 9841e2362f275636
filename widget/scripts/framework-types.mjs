// Typings for using the elements from frameworks, generated from dist/custom-elements.json (which
// `cem analyze` writes from the components' JSDoc) after the build:
//
//   dist/types/          the widget's own declarations (tsc), so no consumer compiles its sources
//   dist/frameworks/     elements.d.ts (attributes and events of each element, from the manifest)
//                        react.d.ts, preact.d.ts, solid.d.ts (JSX IntrinsicElements),
//                        vue.d.ts (GlobalComponents), svelte.d.ts (SvelteHTMLElements)
//
// Each framework binds a custom element's events under its own name: React 19, Preact and
// Svelte 5 take `on` + the event's name as written (`onlesson-progress`), Vue `onLessonProgress`
// (its templates' `@lesson-progress`), Solid `on:lesson-progress`. The listener is typed with the
// event's class (its `detail` included): the class in src/events whose static `type` is the name.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const widgetDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(widgetDir, 'dist');
const typesDir = join(dist, 'types');
const outDir = join(dist, 'frameworks');

/** The widget's declarations, emitted from its sources with its own compiler options. */
function emitDeclarations() {
  rmSync(typesDir, { recursive: true, force: true });
  const config = ts.getParsedCommandLineOfConfigFile(
    join(widgetDir, 'tsconfig.json'),
    {
      noEmit: false,
      declaration: true,
      emitDeclarationOnly: true,
      declarationMap: false,
      sourceMap: false,
      rootDir: join(widgetDir, 'src'),
      outDir: typesDir,
      types: [],
    },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail(d) },
  );
  const sources = config.fileNames.filter((f) => f.includes('/src/') && !/\.test\.ts$/.test(f));
  const program = ts.createProgram(sources, config.options);
  const { diagnostics, emitSkipped } = program.emit();
  if (emitSkipped) fail(...diagnostics);
  // A declaration TypeScript could not write well (e.g. a private type in a public signature) is
  // reported, and tests/package/framework-types.test.ts fails on what it leaves wrong.
  if (diagnostics.length) console.warn(format(diagnostics));
}

const format = (diagnostics) =>
  ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => widgetDir,
    getNewLine: () => '\n',
  });

function fail(...diagnostics) {
  throw new Error(`Declarations of the widget could not be written:\n${format(diagnostics)}`);
}

/** Event name → { class name, module } from the declarations of src/events. */
function eventClasses() {
  const found = new Map();
  const folder = join(typesDir, 'events');
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.d.ts'))) {
    const text = readFileSync(join(folder, file), 'utf8');
    for (const m of text.matchAll(
      /export declare class (\w+) extends \w+ \{[\s\S]*?static readonly type: "([^"]+)";/g,
    )) {
      found.set(m[2], { name: m[1], module: `../types/events/${file.replace(/\.d\.ts$/, '.js')}` });
    }
  }
  return found;
}

const manifest = JSON.parse(readFileSync(join(dist, 'custom-elements.json'), 'utf8'));
const pascal = (name) => name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
const quoted = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const doc = (text, indent = '  ') =>
  text ? `${indent}/** ${text.replace(/\s+/g, ' ').replace(/\*\//g, '*\\/')} */\n` : '';

function elements() {
  const classes = eventClasses();
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => ({
        tag: d.tagName,
        className: d.name,
        module: `../types/${relative('src', module.path).replace(/\.ts$/, '.js')}`,
        description: (d.summary ?? d.description ?? '').split('\n\n')[0],
        attributes: (d.attributes ?? []).map((a) => ({
          name: a.name,
          type: a.type?.text ?? 'string',
          description: a.description ?? '',
        })),
        events: (d.events ?? []).map((e) => {
          const eventClass = classes.get(e.name);
          if (!eventClass)
            console.warn(`framework-types: no class in src/events has type "${e.name}"; typed as Event`);
          return { name: e.name, eventClass, description: e.description ?? '' };
        }),
      })),
  );
}

function elementsFile(list) {
  const imports = new Map();
  const use = (name, module) => imports.set(name, module);
  let body = '';
  for (const el of list) {
    use(el.className, el.module);
    const base = pascal(el.tag);
    body += `/** The attributes of <${el.tag}>, as written in HTML (all strings). */\n`;
    body += `export interface ${base}Attributes {\n`;
    for (const a of el.attributes) body += `${doc(a.description)}  ${quoted(a.name)}?: ${a.type};\n`;
    body += '}\n\n';
    body += `/** The events <${el.tag}> dispatches (they bubble and cross shadow roots), by name. */\n`;
    body += `export interface ${base}Events {\n`;
    for (const e of el.events) {
      if (e.eventClass) use(e.eventClass.name, e.eventClass.module);
      body += `${doc(e.description)}  ${quoted(e.name)}: ${e.eventClass?.name ?? 'Event'};\n`;
    }
    body += '}\n\n';
  }
  body += '/** Each element: its class, attributes and events. */\nexport interface LessonElements {\n';
  for (const el of list) {
    const base = pascal(el.tag);
    body += `  '${el.tag}': { element: ${el.className}; attributes: ${base}Attributes; events: ${base}Events };\n`;
  }
  body += '}\n\n';
  body += `/** Listener props named \`\${Prefix}\${event name}\`, e.g. \`onlesson-progress\`. */
export type EventProps<Events, Prefix extends string> = {
  [Name in keyof Events & string as \`\${Prefix}\${Name}\`]?: (event: Events[Name]) => void;
};

/** Listener props named as Vue binds them: \`onLessonProgress\` for \`@lesson-progress\`. */
export type VueEventProps<Events> = {
  [Name in keyof Events & string as \`on\${Capitalize<CamelCase<Name>>}\`]?: (event: Events[Name]) => void;
};
type CamelCase<S extends string> = S extends \`\${infer Head}-\${infer Tail}\`
  ? \`\${Head}\${Capitalize<CamelCase<Tail>>}\`
  : S;
`;
  const head = [...imports]
    .map(([name, module]) => `import type { ${name} } from '${module}';`)
    .sort()
    .join('\n');
  return `${banner('the elements, their attributes and events')}${head}\n\n${body}`;
}

function banner(what) {
  return `// Generated by widget/scripts/framework-types.mjs from custom-elements.json: ${what}.\n// Do not edit; rebuild the widget.\n`;
}

/** One framework's file: `entry(el)` is the props type of one element. */
function frameworkFile({ what, usage, preamble, open, close, entry }, list) {
  const names = list.flatMap((el) => {
    const base = pascal(el.tag);
    return [`${base}Attributes`, `${base}Events`];
  });
  let text = `${banner(what)}${usage.map((l) => `// ${l}`).join('\n')}\n`;
  text += `import type { EventProps, LessonElements, VueEventProps, ${names.join(', ')} } from './elements.js';\n`;
  text += `${preamble}\n\n${open}\n`;
  for (const el of list) text += `${doc(el.description, '      ')}      '${el.tag}': ${entry(el)};\n`;
  text += `${close}\n\nexport type { LessonElements, EventProps, VueEventProps };\n`;
  return text;
}

const names = (el) => {
  const base = pascal(el.tag);
  return {
    attrs: `${base}Attributes`,
    events: `${base}Events`,
    element: `LessonElements['${el.tag}']['element']`,
  };
};

const FRAMEWORKS = {
  react: {
    what: 'React 19 JSX (React sets known properties, and `on` + the event name adds a listener)',
    usage: [
      "import type {} from '@lessons/widget/react';",
      '<lesson-widget api="…" lesson="…" onlesson-progress={(e) => e.detail.percent} />',
    ],
    preamble: "import type { DetailedHTMLProps, HTMLAttributes } from 'react';",
    open: "declare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {",
    close: '    }\n  }\n}',
    entry: (el) => {
      const n = names(el);
      return `DetailedHTMLProps<HTMLAttributes<${n.element}>, ${n.element}> & ${n.attrs} & EventProps<${n.events}, 'on'>`;
    },
  },
  preact: {
    what: 'Preact JSX (`on` + the event name adds a listener)',
    usage: ["import type {} from '@lessons/widget/preact';"],
    preamble: "import type { JSX } from 'preact';",
    open: "declare module 'preact' {\n  namespace JSX {\n    interface IntrinsicElements {",
    close: '    }\n  }\n}',
    entry: (el) => {
      const n = names(el);
      return `JSX.HTMLAttributes<${n.element}> & ${n.attrs} & EventProps<${n.events}, 'on'>`;
    },
  },
  solid: {
    what: 'Solid JSX (`on:` + the event name adds a listener)',
    usage: [
      "import type {} from '@lessons/widget/solid';",
      '<lesson-widget api="…" lesson="…" on:lesson-progress={(e) => e.detail.percent} />',
    ],
    preamble: "import type { JSX } from 'solid-js';",
    open: "declare module 'solid-js' {\n  namespace JSX {\n    interface IntrinsicElements {",
    close: '    }\n  }\n}',
    entry: (el) => {
      const n = names(el);
      return `JSX.HTMLAttributes<${n.element}> & ${n.attrs} & EventProps<${n.events}, 'on:'>`;
    },
  },
  vue: {
    what: 'Vue GlobalComponents (templates checked by vue-tsc; `@lesson-progress` is `onLessonProgress`)',
    usage: [
      "import type {} from '@lessons/widget/vue';",
      "Vue must know the tags are custom elements: compilerOptions.isCustomElement: (tag) => tag.startsWith('lesson-')",
    ],
    preamble: "import type { DefineComponent, HTMLAttributes } from 'vue';",
    open: "declare module 'vue' {\n  interface GlobalComponents {\n    ",
    close: '  }\n}',
    entry: (el) => {
      const n = names(el);
      return `DefineComponent<${n.attrs} & VueEventProps<${n.events}> & HTMLAttributes>`;
    },
  },
  svelte: {
    what: 'Svelte 5 elements (`on` + the event name adds a listener; Svelte 4 `on:` + the name)',
    usage: ["import type {} from '@lessons/widget/svelte';"],
    preamble: "import type { HTMLAttributes } from 'svelte/elements';",
    open: "declare module 'svelte/elements' {\n  interface SvelteHTMLElements {\n    ",
    close: '  }\n}',
    entry: (el) => {
      const n = names(el);
      return `HTMLAttributes<${n.element}> & ${n.attrs} & EventProps<${n.events}, 'on'> & EventProps<${n.events}, 'on:'>`;
    },
  },
};

emitDeclarations();
const list = elements();
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'elements.d.ts'), elementsFile(list));
for (const [name, framework] of Object.entries(FRAMEWORKS))
  writeFileSync(join(outDir, `${name}.d.ts`), frameworkFile(framework, list));
console.log(
  `Typings for ${list.map((el) => `<${el.tag}>`).join(', ')} in dist/frameworks: ${Object.keys(FRAMEWORKS).join(', ')}`,
);
