// A test control for the widget's lazily loaded chunks (dialogs, player, progress, languages…):
// while a path fragment is listed, the dev server answers 503 for every module whose URL contains
// it, as a server or network would when a chunk is missing after a deploy or the reader is
// offline. The dynamic import() in the page then really fails. Browser side:
// `executeServerCommand('fail-chunks', { paths: ['report-dialog/'] })`; `{ paths: [] }` heals.

const failing = new Set();

/** Koa middleware, before the plugins, so it wins over every plugin that serves modules. */
export async function failingChunksMiddleware(ctx, next) {
  if (![...failing].some((fragment) => ctx.path.includes(fragment))) return next();
  ctx.status = 503;
  ctx.body = 'Unavailable (a test made this chunk fail)';
  // The test runner marks every file it serves as cacheable for a year, on the way out (after
  // this). A cached failure would outlive the test, and other test files: keep it uncached.
  const set = ctx.response.set.bind(ctx.response);
  ctx.response.set = (field, value) =>
    set(field, typeof field === 'string' && field.toLowerCase() === 'cache-control' ? 'no-store' : value);
  ctx.set('Cache-Control', 'no-store');
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
