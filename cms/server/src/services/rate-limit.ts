import type { Core } from '@strapi/strapi';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { getConfig } from '../utils/get-service';

export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many reports for now. Please try again in ${retryAfterSeconds} seconds.`);
  }
}

/**
 * Limits error reports per client and per lesson (in memory: one counter per server process).
 * A client over its limit is refused; a lesson over its cap only has further reports held for an
 * editor's review, so a flood about one lesson doesn't silence every other reader of it.
 */
export default ({ strapi: _strapi }: { strapi: Core.Strapi }) => {
  let limiters: { client: RateLimiterMemory; lesson: RateLimiterMemory } | null = null;
  const get = () => {
    if (!limiters) {
      const { reportsPerClient, reportsPerLesson } = getConfig().rateLimits;
      limiters = {
        client: new RateLimiterMemory({ keyPrefix: 'report-client', ...reportsPerClient }),
        lesson: new RateLimiterMemory({ keyPrefix: 'report-lesson', ...reportsPerLesson }),
      };
    }
    return limiters;
  };
  /** Counts one request; answers the seconds to wait when over the limit, else 0. */
  const consume = async (limiter: RateLimiterMemory, key: string): Promise<number> => {
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
    /** Forget counters and re-read the config (tests change limits at run time). */
    reset(): void {
      limiters = null;
    },
  };
};
