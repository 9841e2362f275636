// npm run build → dist/widget.js (the classic loader) and dist/widget/*.js (ES modules:
// define.js, index.js and their chunks: the player, the dialogs and one per UI language).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { rmSync } from 'node:fs';
import { minifyLitTemplates, moduleSizes, vendorPlugin } from './scripts/build-plugins.mjs';

const UI_LANGUAGES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'ar', 'ru', 'zh', 'ja'];
const production = process.env.NODE_ENV !== 'development';

const minify = () =>
  terser({
    ecma: 2020,
    module: true,
    compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true },
    format: { comments: /^!|@license/ },
  });

/** Empties dist/ first, so no chunk of an earlier build is left behind for the server to serve. */
const cleanDist = () => ({
  name: 'clean-dist',
  buildStart: () => rmSync('dist', { recursive: true, force: true }),
});

export default [
  {
    input: { define: 'src/define.ts', index: 'src/index.ts' },
    output: {
      dir: 'dist/widget',
      format: 'es',
      entryFileNames: '[name].js',
      // Named so the size report (and a reader of the network panel) can tell them apart.
      chunkFileNames: ({ name }) =>
        UI_LANGUAGES.includes(name)
          ? 'lang-[name]-[hash].js'
          : name === 'video-js'
            ? 'player-[hash].js'
            : '[name]-[hash].js',
      sourcemap: true,
    },
    plugins: [
      cleanDist(),
      vendorPlugin(),
      nodeResolve({ browser: true, extensions: ['.ts', '.mjs', '.js'] }),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', sourceMap: true }),
      minifyLitTemplates(),
      production && minify(),
      moduleSizes(),
    ],
  },
  {
    input: 'src/loader.ts',
    output: { file: 'dist/widget.js', format: 'iife', sourcemap: false },
    plugins: [esbuild({ target: 'es2020', tsconfig: 'tsconfig.json' }), production && minify()],
  },
];
