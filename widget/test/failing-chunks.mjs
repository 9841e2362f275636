// A test control for the widget's lazily loaded chunks (dialogs, player, progress, languages…):
// while a path fragment is listed, the dev server answers 503 for every module whose URL contains
// it, as a server or network would when a chunk is missing after a deploy or the reader is
// offline. The dynamic import() in the page then really fails. Browser side:
// `executeServerCommand('fail-chunks', { paths: ['report-dialog/'] })`; `{ paths: [] }` heals.

const failing = new Set();

/**
 * Makes `value` the answer's Cache-Control, whatever is set later. The test runner marks every
 * file it serves as cacheable for a year, on the way out (after this middleware): a page would
 * then take a module another test file loaded from the browser's cache without asking the
 * server, which could not make it fail; and a failure, once cached, would outlive its test.
 */
function forceCacheControl(ctx, value) {
  const set = ctx.response.set.bind(ctx.response);
  ctx.response.set = (field, fieldValue) =>
    set(field, typeof field === 'string' && field.toLowerCase() === 'cache-control' ? value : fieldValue);
  ctx.set('Cache-Control', value);
}

/** Koa middleware, before the plugins, so it wins over every plugin that serves modules. */
export async function failingChunksMiddleware(ctx, next) {
  if (![...failing].some((fragment) => ctx.path.includes(fragment))) {
    // Revalidated each time (a 304 when unchanged), so the server is always asked.
    forceCacheControl(ctx, 'no-cache');
    return next();
  }
  forceCacheControl(ctx, 'no-store');
  ctx.status = 503;
  ctx.body = 'Unavailable (a test made this chunk fail)';
}

/** The `fail-chunks` command: replaces the list of failing path fragments. */
export function failingChunksPlugin() {
  return {
    name: 'lessons-failing-chunks',
    executeCommand({ command, payload }) {
      if (command !== 'fail-chunks') return undefined;
      failing.clear();
      for (const fragment of payload?.paths ?? []) failing.add(fragment);
      return true;
    },
  };
}
