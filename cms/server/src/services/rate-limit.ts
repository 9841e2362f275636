import type { Core } from '@strapi/strapi';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { getConfig } from '../utils/get-service';

export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many reports for now. Please try again in ${retryAfterSeconds} seconds.`);
  }
}

/** Limits error reports per client and per lesson (in memory: one counter per server process). */
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
  const consume = async (limiter: RateLimiterMemory, key: string) => {
    try {
      await limiter.consume(key);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw new RateLimitedError(Math.max(1, Math.ceil(e.msBeforeNext / 1000)));
      throw e;
    }
  };
  return {
    async report(client: string, lesson: string): Promise<void> {
      const { client: perClient, lesson: perLesson } = get();
      await consume(perClient, client);
      await consume(perLesson, lesson);
    },
    /** Forget counters and re-read the config (tests change limits at run time). */
    reset(): void {
      limiters = null;
    },
  };
};
