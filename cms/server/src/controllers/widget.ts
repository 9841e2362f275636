import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { errors } from '@strapi/utils';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Where the widget's build is: copied into the plugin at build time, or from the workspace. */
function widgetRoot(): string {
  const configured = process.env.LESSONS_WIDGET_DIR;
  if (configured) return path.resolve(configured);
  return path.resolve(__dirname, '..', '..', 'widget-dist');
}

async function send(ctx: Context, relative: string, cache: string) {
  const root = widgetRoot();
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) throw new errors.NotFoundError('No such file.');
  const type = TYPES[path.extname(file)];
  const info = type ? await stat(file).catch(() => null) : null;
  if (!info?.isFile()) throw new errors.NotFoundError('No such widget file.');
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
  ctx.set('Cache-Control', cache);
  ctx.lastModified = info.mtime;
  ctx.etag = `"${info.size.toString(36)}-${info.mtimeMs.toString(36)}"`;
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.type = type!;
  ctx.length = info.size;
  ctx.body = createReadStream(file);
}

export default (_: { strapi: Core.Strapi }) => ({
  /** The loader: short cache, so a new release reaches pages quickly. */
  async loader(ctx: Context) {
    await send(ctx, 'widget.js', 'public, max-age=300');
  },
  /** Modules and chunks: content-hashed chunk names may be cached for long. */
  async file(ctx: Context) {
    const name = String(ctx.params.path ?? '');
    const hashed = /-[A-Za-z0-9_-]{8,}\.js$/.test(name);
    await send(ctx, path.join('widget', name), hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
  },
});
