import type { Core } from '@strapi/strapi';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { getConfig, getService } from '../utils/get-service';

export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many reports for now. Please try again in ${retryAfterSeconds} seconds.`);
  }
}

type Limit = { points: number; duration: number };

/**
 * Every limit of the plugin: error reports per client and per lesson, progress PUTs per reader.
 *
 * With Redis (`REDIS_URL`) the counters are shared, so two instances behind a load balancer
 * allow what one would, not twice as much. Should Redis be briefly unreachable, each limiter
 * counts in this process's memory instead (its insurance limiter) and the API keeps answering.
 * Without Redis the in-memory counter is the limit, as for a single instance.
 */
export default ({ strapi: _strapi }: { strapi: Core.Strapi }) => {
  let limiters: Record<'client' | 'lesson' | 'reader', RateLimiterAbstract> | null = null;

  function limiter(keyPrefix: string, limit: Limit): RateLimiterAbstract {
    const memory = new RateLimiterMemory({ keyPrefix, ...limit });
    const redis = getService('redis').client();
    if (!redis) return memory;
    // Fails over at once when not connected rather than waiting on a dead socket.
    return new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `lessons:${keyPrefix}`,
      ...limit,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
  }

  const get = () => {
    if (!limiters) {
      const { reportsPerClient, reportsPerLesson, progressPerReader } = getConfig().rateLimits;
      limiters = {
        client: limiter('report-client', reportsPerClient),
        lesson: limiter('report-lesson', reportsPerLesson),
        reader: limiter('progress-reader', progressPerReader),
      };
    }
    return limiters;
  };

  /** Counts one request; answers the seconds to wait when over the limit, else 0. */
  const consume = async (limiter: RateLimiterAbstract, key: string): Promise<number> => {
    try {
      await limiter.consume(key);
      return 0;
    } catch (e) {
      if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw e;
    }
  };

  return {
    /** Throws RateLimitedError when the client is over its limit; `held` when the lesson is over its cap. */
    async report(client: string, lesson: string): Promise<{ held: boolean }> {
      const { client: perClient, lesson: perLesson } = get();
      const wait = await consume(perClient, client);
      if (wait > 0) throw new RateLimitedError(wait);
      return { held: (await consume(perLesson, lesson)) > 0 };
    },
    /** Seconds to wait when this reader sends progress too often, or 0 when the PUT may go ahead. */
    progress(readerId: number): Promise<number> {
      return consume(get().reader, String(readerId));
    },
    /** Forget counters and re-read the config (tests change limits at run time). */
    reset(): void {
      limiters = null;
    },
  };
};
