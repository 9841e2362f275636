// Copies the widget's build into the plugin, so the plugin serves /api/lessons/widget.js on its own,
// and writes a brotli (.br) and a gzip (.gz) copy beside each file: the plugin sends those to
// clients that accept them (controllers/widget.ts), so no request pays for compressing a chunk.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const from = resolve(here, '../../widget/dist');
const to = resolve(here, '../widget-dist');
if (!existsSync(resolve(from, 'widget.js'))) {
  console.error(`The widget is not built (${from}/widget.js is missing): run the widget's build first.`);
  process.exit(1);
}
rmSync(to, { recursive: true, force: true });
// The widget's TypeScript declarations (types/, frameworks/) are for bundlers, not for browsers.
const forBundlersOnly = new Set(['types', 'frameworks'].map((folder) => resolve(from, folder)));
cpSync(from, to, { recursive: true, filter: (source) => !forBundlersOnly.has(source) });
console.log(`Copied the widget build into ${to}`);

/** The text files the plugin serves (controllers/widget.ts TYPES). */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.map', '.json']);
/** As MIN_COMPRESSED_BYTES in server/src/utils/compression.ts: smaller files travel as they are. */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

// Done once per build, so the slowest, smallest settings: brotli quality 11, gzip level 9.
async function precompress(file) {
  const input = readFileSync(file);
  if (input.length < MIN_BYTES) return { identity: input.length };
  const [br, gz] = await Promise.all([
    brotli(input, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: input.length,
      },
    }),
    gzipped(input, { level: 9 }),
  ]);
  // A copy no smaller than the file would only cost a decode: the file itself is sent instead.
  if (br.length < input.length) writeFileSync(`${file}.br`, br);
  if (gz.length < input.length) writeFileSync(`${file}.gz`, gz);
  return { identity: input.length, br: br.length, gzip: gz.length };
}

const files = readdirSync(to, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && COMPRESSIBLE.has(extname(entry.name)))
  .map((entry) => join(entry.parentPath, entry.name));
const sizes = await Promise.all(files.map(precompress));
const total = (key) => sizes.reduce((sum, size) => sum + (size[key] ?? size.identity), 0);
console.log(
  `Precompressed ${files.length} files: ${total('identity')} B, brotli ${total('br')} B, gzip ${total('gzip')} B`,
);
