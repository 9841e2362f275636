import type { Core } from '@strapi/strapi';
import Redis from 'ioredis';

/** Long enough for a loaded Redis on the same network, short enough that no request waits on a dead one. */
const COMMAND_TIMEOUT_MS = 500;
/** How long bootstrap waits for a first connection before starting without one (limits fall back). */
const FIRST_CONNECT_MS = 5_000;

/**
 * The Redis that several instances of this server share (`REDIS_URL`): rate limits and the
 * version of cached answers live there. Without it, `client()` is null and each process keeps
 * its own, as a single instance should.
 *
 * Commands never queue while Redis is unreachable (`enableOfflineQueue: false`) and give up
 * after COMMAND_TIMEOUT_MS: callers get an error at once and fall back (the limiters to their
 * in-memory insurance, the cache to asking the database), so the API keeps answering.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let redis: Redis | null = null;
  const reconnectListeners = new Set<() => void>();

  return {
    /** Connects when a URL is configured; called from bootstrap. */
    async connect(url: string | undefined): Promise<void> {
      if (!url || redis) return;
      redis = new Redis(url, {
        enableOfflineQueue: false,
        commandTimeout: COMMAND_TIMEOUT_MS,
        maxRetriesPerRequest: 0,
        // Keep trying every second at most: Redis coming back is noticed quickly.
        retryStrategy: (times) => Math.min(times * 100, 1_000),
        lazyConnect: true,
      });
      let connectedOnce = false;
      let lost = false;
      redis.on('error', (e: Error) => {
        if (!lost)
          strapi.log.warn(
            `[lessons] Redis is unreachable (${e.message}); limits fall back to this process until it is back.`,
          );
        lost = true;
      });
      redis.on('ready', () => {
        if (lost) strapi.log.info('[lessons] Redis is back.');
        const missedSomething = connectedOnce;
        connectedOnce = true;
        lost = false;
        if (missedSomething) for (const listener of reconnectListeners) listener();
      });
      redis.on('close', () => {
        lost = true;
      });
      try {
        await Promise.race([
          redis.connect(),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('no answer')), FIRST_CONNECT_MS).unref(),
          ),
        ]);
      } catch (e) {
        // ioredis keeps retrying in the background; the server starts anyway.
        strapi.log.warn(
          `[lessons] Redis at ${url.replace(/\/\/[^@/]*@/, '//…@')} did not answer at start (${(e as Error).message}).`,
        );
      }
    },

    /** The shared connection, or null when this server runs alone (no REDIS_URL). */
    client(): Redis | null {
      return redis;
    },

    /** Whether commands can be sent right now. */
    ready(): boolean {
      return redis?.status === 'ready';
    },

    /**
     * Calls `listener` each time the connection comes back after being lost: whatever other
     * instances announced in between was missed.
     */
    onReconnect(listener: () => void): void {
      reconnectListeners.add(listener);
    },

    async close(): Promise<void> {
      const closing = redis;
      redis = null;
      reconnectListeners.clear();
      if (!closing) return;
      try {
        await closing.quit();
      } catch {
        closing.disconnect();
      }
    },
  };
};
