import type { Core } from '@strapi/strapi';
import { randomUUID } from 'node:crypto';
import { getService } from '../utils/get-service';

const VERSION_KEY = 'lessons:cache-version';

/**
 * The version cached answers are valid for. A cached answer is served only while `current()`
 * still returns the version it was stored with; `bump()` after any write that changes what
 * answers contain makes every cached answer stale, on every instance.
 *
 * Callers read `current()` BEFORE reading the database and store their answer under that
 * version: an edit landing in between then bumps past it, and the answer is never served again.
 *
 * One instance: a counter in this process. Several (`REDIS_URL`): a counter in Redis, read on
 * every request (one GET, well under a millisecond on the same network), so an edit through
 * instance A is what instance B serves next, with no window where B still has its old copy.
 * When Redis can't be asked, `current()` answers a version nothing was stored with, so answers
 * come from the database until Redis is back; and a reconnect discards this process's copies,
 * since an edit elsewhere may have been missed while it was away.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Changes on this process's own bumps and on each Redis reconnect. */
  let local = 0;
  let listening = false;

  const redis = () => {
    const service = getService('redis');
    if (!listening && service.client()) {
      listening = true;
      service.onReconnect(() => {
        local++;
      });
    }
    return service.client();
  };

  return {
    /** An opaque version: compare with ===. */
    async current(): Promise<string> {
      const client = redis();
      if (!client) return String(local);
      try {
        return `${(await client.get(VERSION_KEY)) ?? '0'}.${local}`;
      } catch {
        return `uncached.${randomUUID()}`;
      }
    },

    /** Makes every cached answer stale, here and (with Redis) on every other instance. */
    async bump(): Promise<void> {
      // First here: this process never serves its old copy, whatever happens to Redis.
      local++;
      const client = redis();
      if (!client) return;
      try {
        await client.incr(VERSION_KEY);
      } catch (e) {
        // The other instances can't read Redis either while it is unreachable (they answer from
        // the database) and drop their copies when it is back: nothing stale is served.
        strapi.log.warn(`[lessons] Could not announce an edit to other instances: ${(e as Error).message}`);
      }
    },
  };
};
