import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context } from 'koa';

/**
 * A test seam (plugin config `cache.debugHeaders`, LESSONS_DEBUG_QUERIES=true): how many SQL
 * queries each public read ran, in `X-Lessons-Queries`, counted from knex's `query` event. Each
 * request counts in its own async context, so simultaneous requests don't add to each other.
 */
const counters = new AsyncLocalStorage<{ queries: number }>();
let listening = false;

export async function countQueries(ctx: Context, enabled: boolean, work: () => Promise<void>): Promise<void> {
  if (!enabled) return work();
  if (!listening) {
    listening = true;
    strapi.db.connection.on('query', () => {
      const counter = counters.getStore();
      if (counter) counter.queries += 1;
    });
  }
  const counter = { queries: 0 };
  await counters.run(counter, work);
  ctx.set('X-Lessons-Queries', String(counter.queries));
}
