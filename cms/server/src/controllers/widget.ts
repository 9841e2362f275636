import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { errors } from '@strapi/utils';
import { chooseCoding, codedETag, PRECOMPRESSED_EXTENSION, type Coding } from '../utils/compression';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Longer than any file the widget build makes. A longer request path is refused before anything
 * else looks at it, so a huge path costs what a short 404 costs.
 */
export const MAX_WIDGET_FILE_NAME = 128;

/**
 * Rollup names chunks `<name>-<hash>.js` with an 8-character hash. A fixed-length tail and no
 * other quantifier keep the test linear in the name's length, whatever the name holds.
 */
export const HASHED_CHUNK = /-[A-Za-z0-9_-]{8}\.js$/;

/** A content-hashed chunk may be cached for good: a new build gives it a new name. */
export function isHashedChunk(name: string): boolean {
  return name.length <= MAX_WIDGET_FILE_NAME && HASHED_CHUNK.test(name);
}

/** Where the widget's build is: copied into the plugin at build time, or from the workspace. */
function widgetRoot(): string {
  const configured = process.env.LESSONS_WIDGET_DIR;
  if (configured) return path.resolve(configured);
  return path.resolve(__dirname, '..', '..', 'widget-dist');
}

/**
 * The files of the build, read once: a request is served only when its name is one of them,
 * which also keeps every request inside the widget folder.
 */
let built: Promise<Set<string>> | null = null;
function builtFiles(): Promise<Set<string>> {
  built ??= readdir(path.join(widgetRoot(), 'widget'), { recursive: true, withFileTypes: true })
    .then((entries) =>
      entries
        .filter((e) => e.isFile() && TYPES[path.extname(e.name)])
        .map((e) =>
          path
            .relative(path.join(widgetRoot(), 'widget'), path.join(e.parentPath, e.name))
            .split(path.sep)
            .join('/'),
        ),
    )
    .then((names) => new Set(names))
    .catch(() => new Set<string>());
  return built;
}

/** The built file a request names, or null: the length is checked before anything else. */
export function widgetFileName(raw: unknown, files: ReadonlySet<string>): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_WIDGET_FILE_NAME) return null;
  return files.has(raw) ? raw : null;
}

/**
 * The copy of a file the build precompressed in the coding the client prefers (brotli, else
 * gzip), or the file itself. Small files have no copies (copy-widget.mjs skips them), and a
 * widget folder set by LESSONS_WIDGET_DIR may have none: those travel as they are.
 */
async function precompressed(
  ctx: Context,
  file: string,
): Promise<{ coding: Coding; file: string; size: number } | null> {
  const coding = chooseCoding(ctx);
  if (coding === 'identity') return null;
  const copy = file + PRECOMPRESSED_EXTENSION[coding];
  const info = await stat(copy).catch(() => null);
  return info?.isFile() ? { coding, file: copy, size: info.size } : null;
}

/**
 * Sends a built file, or its precompressed copy when the client takes one, with a strong ETag per
 * coding and 304s. Not koa-send (nor koa-static, which wraps it): it picks the copy itself but
 * sets no ETag and never answers 304, so the copy would be chosen twice, here for the ETag and
 * there for the body, by two rules that disagree (it asks `acceptsEncodings('br', 'identity')`, so
 * `br;q=0.5, identity` gets the plain file where chooseCoding says brotli: a "-br" tag on plain
 * bytes); and its 404 for a missing file says the file's absolute path. It would save the stat
 * and the stream below; the built-file list already does its path checks.
 */
async function send(ctx: Context, relative: string, cache: string) {
  const root = widgetRoot();
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) throw new errors.NotFoundError('No such widget file.');
  const type = TYPES[path.extname(file)];
  const info = type ? await stat(file).catch(() => null) : null;
  if (!info?.isFile()) throw new errors.NotFoundError('No such widget file.');
  const sent = (await precompressed(ctx, file)) ?? { coding: 'identity' as const, file, size: info.size };
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
  ctx.set('Cache-Control', cache);
  // The same bytes for every site (`*` above), so a CDN keeps one copy: not `Vary: Origin`, which
  // strapi::cors adds to every answer.
  ctx.set('Vary', 'Accept-Encoding');
  ctx.lastModified = info.mtime;
  // The build writes a file and its compressed copies together, so the file's size and time name
  // them all; the coding tells them apart (see codedETag).
  ctx.etag = codedETag(`${info.size.toString(36)}-${info.mtimeMs.toString(36)}`, sent.coding);
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.type = type!;
  if (sent.coding !== 'identity') ctx.set('Content-Encoding', sent.coding);
  ctx.length = sent.size;
  ctx.body = createReadStream(sent.file);
}

export default (_: { strapi: Core.Strapi }) => ({
  /** The loader: short cache, so a new release reaches pages quickly. */
  async loader(ctx: Context) {
    await send(ctx, 'widget.js', 'public, max-age=300');
  },
  /** Modules and chunks: content-hashed chunk names may be cached for long. */
  async file(ctx: Context) {
    const name = widgetFileName(ctx.params.path, await builtFiles());
    if (!name) throw new errors.NotFoundError('No such widget file.');
    await send(
      ctx,
      path.join('widget', name),
      isHashedChunk(name) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    );
  },
});
