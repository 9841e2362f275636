import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { replyError } from '../utils/http';

type Middleware = (ctx: Context, next: Next) => Promise<unknown>;
type MiddlewareFactory = (config: unknown, context: { strapi: Core.Strapi }) => Middleware | undefined;
interface MiddlewareRegistry {
  get(uid: string): MiddlewareFactory | undefined;
  extend(uid: string, wrap: (factory: MiddlewareFactory) => MiddlewareFactory): void;
}

const NAMES: Record<number, string> = { 413: 'PayloadTooLargeError', 415: 'UnsupportedMediaTypeError' };

/** What to tell the client, from the parser's error (raw-body names its cases in `type`). */
function reason(error: Error & { type?: unknown; limit?: unknown }): string {
  if (error instanceof SyntaxError) return `The request body is not valid JSON: ${error.message}`;
  if (error.type === 'entity.too.large')
    return `The request body is larger than the limit of ${String(error.limit)} bytes.`;
  return `The request body could not be read: ${error.message}`;
}

/** The 4xx status a body parser's error stands for: its own when it has one, else 400. */
function clientStatus(error: { status?: unknown; statusCode?: unknown; httpCode?: unknown }): number {
  for (const candidate of [error.status, error.statusCode, error.httpCode]) {
    if (typeof candidate === 'number' && candidate >= 400 && candidate < 500) return candidate;
  }
  return 400;
}

/**
 * Wraps Strapi's body parser so that a body it cannot read (a broken multipart stream, a bad
 * boundary) is the client's 400 with the parser's reason, not a 500. Errors the parser raises
 * with a status of their own (invalid JSON, too large) keep it. Errors from the filesystem
 * (`syscall` set: a full disk while saving an upload) and everything after parsing stay
 * the server's.
 */
export function answerUnreadableBodies(strapi: Core.Strapi): void {
  const registry = strapi.get<MiddlewareRegistry>('middlewares');
  if (!registry.get('strapi::body')) return;
  registry.extend('strapi::body', (factory) => (config, context) => {
    const parse = factory(config, context);
    if (!parse) return parse;
    return async (ctx, next) => {
      let parsed = false;
      try {
        await parse(ctx, () => {
          parsed = true;
          return next();
        });
      } catch (e) {
        if (parsed || !(e instanceof Error) || 'syscall' in e) throw e;
        const status = clientStatus(e as never);
        replyError(ctx, status, NAMES[status] ?? 'BadRequestError', reason(e));
      }
    };
  });
}
