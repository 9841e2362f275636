// Build-time helpers shared by rollup.config.mjs and web-test-runner.config.mjs, so the
// widget's source imports the same modules in tests as in the bundle.
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);

/**
 * Modules that ship as CommonJS (or import CommonJS) and are prebundled into one ES module by
 * esbuild. video.js's core build imports `global/window` and friends; the HLS engine imports
 * mux.js. Both must share one video.js, so `video.js` is external to the HLS bundle and resolves
 * back to the core bundle.
 */
export const PREBUNDLED = {
  'video.js/core.es.js': {
    file: 'video.js/core.es.js',
    external: [],
    plugins: [videoJsWithoutDynamicStyles(), videoJsWithoutVttJs()],
  },
  // vtt.js, left out of our video.js (see videoJsWithoutVttJs): loaded with the HLS engine only.
  'videojs-vtt.js': {
    file: createRequire(require.resolve('video.js')).resolve('videojs-vtt.js'),
    external: [],
  },
  '@videojs/http-streaming': {
    file: '@videojs/http-streaming/dist/videojs-http-streaming.es.js',
    external: ['video.js'],
  },
};
const ALIASES = { 'video.js': 'video.js/core.es.js' };

/**
 * esbuild: our copy of video.js never adds `<style>` elements to the page. It would add one to
 * the host page's <head> when it loads and one per player, which a host page's strict
 * Content-Security-Policy (`style-src` without 'unsafe-inline') refuses, and which would style
 * the host's own players. Its stylesheet lives in the widget's shadow root instead
 * (video-js.ts). video.js's switch for this is a global (`window.VIDEOJS_NO_DYNAMIC_STYLE`); a
 * guest on someone else's page shouldn't set globals, so the switch is fixed in our copy.
 */
function videoJsWithoutDynamicStyles() {
  const SWITCH = 'window.VIDEOJS_NO_DYNAMIC_STYLE';
  return {
    name: 'videojs-no-dynamic-style',
    setup(build) {
      build.onLoad({ filter: /[\\/]video\.js[\\/]core\.es\.js$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const uses = source.split(SWITCH).length - 1;
        // Three reads of the switch in video.js 8 (the page's default styles, and each player's
        // size styles twice); an upgrade that moves them must not slip styles back in unnoticed.
        if (uses !== 3)
          throw new Error(
            `video.js: expected 3 reads of ${SWITCH}, found ${uses}; check how it adds styles now.`,
          );
        return { contents: source.replaceAll(SWITCH, 'true'), loader: 'js' };
      });
    },
  };
}

/**
 * esbuild: our copy of video.js leaves vtt.js out (7.3 KB gzip after play), as video.js's own
 * "novtt" builds do. vtt.js parses and draws captions where the browser's own text tracks are not
 * used; the player uses native text tracks, so only the HLS engine still needs it, for subtitle
 * renditions inside a stream: video-js.ts loads it with that engine. Importing it also sets
 * `window.WebVTT` and `window.vttjs` on the host page, which the widget no longer does otherwise.
 */
function videoJsWithoutVttJs() {
  return {
    name: 'videojs-without-vtt',
    setup(build) {
      build.onResolve({ filter: /^videojs-vtt\.js$/ }, () => ({ path: 'vtt', namespace: 'no-vtt' }));
      build.onLoad({ filter: /.*/, namespace: 'no-vtt' }, () => ({
        contents: 'export default {};',
        loader: 'js',
      }));
    },
  };
}

const bundles = new Map();
export function prebundle(specifier) {
  const name = ALIASES[specifier] ?? specifier;
  const entry = PREBUNDLED[name];
  if (!entry) return undefined;
  if (!bundles.has(name)) {
    bundles.set(
      name,
      esbuild
        .build({
          entryPoints: [require.resolve(entry.file)],
          bundle: true,
          format: 'esm',
          platform: 'browser',
          target: 'es2020',
          write: false,
          external: entry.external,
          plugins: entry.plugins ?? [],
          define: { 'process.env.NODE_ENV': '"production"' },
          logLevel: 'silent',
        })
        .then((r) => r.outputFiles[0].text),
    );
  }
  return bundles.get(name);
}
export const isPrebundled = (specifier) => (ALIASES[specifier] ?? specifier) in PREBUNDLED;
export const prebundledName = (specifier) => ALIASES[specifier] ?? specifier;

/**
 * `import css from 'pkg/file.css?text'` gives the stylesheet as a string, for Lit's `unsafeCSS`
 * inside a shadow root. `@font-face` rules are dropped: fonts declared in a shadow root are
 * ignored by browsers, and the player uses SVG icons instead.
 */
export async function cssAsModule(specifier) {
  const file = require.resolve(specifier.replace(/\?text$/, ''));
  const css = (await readFile(file, 'utf8')).replace(/@font-face\s*\{[^}]*\}/g, '');
  return `export default ${JSON.stringify(css)};`;
}

/** rollup: resolves the two kinds of special imports above. */
export function vendorPlugin() {
  return {
    name: 'lessons-vendor',
    resolveId(source) {
      if (source.endsWith('.css?text')) return `\0css:${source}`;
      if (isPrebundled(source)) return `\0prebundled:${prebundledName(source)}`;
      return null;
    },
    load(id) {
      if (id.startsWith('\0css:')) return cssAsModule(id.slice(5));
      if (id.startsWith('\0prebundled:')) return prebundle(id.slice(12));
      return null;
    },
  };
}

/** Visits every node of an ESTree AST. */
function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) walk(child, visit);
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}

const squeezeCss = (css) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');

/**
 * rollup: squeezes our Lit templates, which terser leaves alone: comments and spaces out of
 * `css` literals; in `html` literals, a line break with its indentation becomes one space (which
 * HTML renders the same; text where spacing matters is written on one line).
 */
export function minifyLitTemplates(match = /[\\/]widget[\\/]src[\\/].+\.ts$/) {
  return {
    name: 'lessons-minify-lit-templates',
    transform(code, id) {
      if (!match.test(id) || !/\b(html|css)`/.test(code)) return null;
      const edits = [];
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
        const squeeze =
          node.tag.name === 'css'
            ? squeezeCss
            : node.tag.name === 'html'
              ? (t) => t.replace(/\s*\n\s*/g, ' ')
              : null;
        if (!squeeze) return;
        for (const quasi of node.quasi.quasis)
          edits.push([quasi.start, quasi.end, squeeze(code.slice(quasi.start, quasi.end))]);
      });
      let out = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0]))
        out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}

/**
 * @web/test-runner (dev server) plugin doing what `vendorPlugin` does for rollup: serves the
 * prebundled CommonJS packages and `?text` stylesheets as ES modules.
 */
export function vendorDevServerPlugin() {
  const PREFIX = '/__vendor__/';
  return {
    name: 'lessons-vendor',
    resolveImport({ source }) {
      if (source.endsWith('.css?text')) return `${PREFIX}css/${encodeURIComponent(source)}.js`;
      if (isPrebundled(source)) return `${PREFIX}${encodeURIComponent(prebundledName(source))}.js`;
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const name = decodeURIComponent(context.path.slice(PREFIX.length).replace(/\.js$/, ''));
      if (name.startsWith('css/')) return { body: await cssAsModule(name.slice(4)), type: 'js' };
      const body = await prebundle(name);
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}

/**
 * rollup: writes `dist/modules.json` beside the build: for each chunk, its gzip size and the
 * modules it holds with the bytes each one renders to (before minification), largest first.
 * The size report and `npm run bench` read it to say where a chunk's bytes come from.
 */
export function moduleSizes(file = 'dist/modules.json') {
  return {
    name: 'lessons-module-sizes',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle)
        .filter((item) => item.type === 'chunk')
        .map((chunk) => ({
          file: chunk.fileName,
          gzip: gzipSync(chunk.code).length,
          modules: Object.entries(chunk.modules)
            .filter(([, m]) => m.renderedLength > 0)
            .map(([id, m]) => ({
              module: id.startsWith('\0') ? id.slice(1) : relative(process.cwd(), id).replaceAll('\\', '/'),
              rendered: m.renderedLength,
              gzip: m.code ? gzipSync(m.code).length : 0,
            }))
            .sort((a, b) => b.rendered - a.rendered),
        }))
        .sort((a, b) => b.gzip - a.gzip);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify({ chunks }, null, 1)}\n`);
    },
  };
}
