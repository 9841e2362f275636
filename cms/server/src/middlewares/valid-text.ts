import type { Context, Next } from 'koa';
import { replyError } from '../utils/http';

/** Where a request holds something that is not text a person could have written, and what it is. */
export interface TextProblem {
  path: Array<string | number>;
  message: string;
}

// A replacement character is what the body parser leaves where the bytes were not UTF-8; an
// unpaired surrogate is what a JSON "\ud800" escape makes. Neither is text, and PostgreSQL refuses
// NUL outright, so letting them through would store junk here and fail with a 500 there.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemIn(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL byte';
  if (text.includes('\uFFFD')) return 'contains bytes that are not UTF-8';
  if (LONE_SURROGATE.test(text)) return 'contains a broken character (an unpaired surrogate)';
  return null;
}

// No request to these routes nests deeper than a few levels; a deeper one is an attack on the
// code that walks it (this walk included).
const MAX_DEPTH = 32;

const describePath = (path: Array<string | number>) => (path.length ? `"${path.join('.')}"` : 'The request');

/** Walks strings, keys, arrays and objects (a parsed JSON body or query) for the first problem. */
export function findTextProblem(root: unknown): TextProblem | null {
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = problemIn(value);
      if (problem) return { path, message: `${describePath(path)} ${problem}.` };
    } else if (value && typeof value === 'object') {
      if (path.length >= MAX_DEPTH) {
        const top = path.slice(0, 1);
        return { path: top, message: `${describePath(top)} is nested more than ${MAX_DEPTH} levels deep.` };
      }
      const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        const keyProblem = typeof key === 'string' ? problemIn(key) : null;
        if (keyProblem)
          return {
            path,
            message: `A field name${path.length ? ` in ${describePath(path)}` : ''} ${keyProblem}.`,
          };
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return null;
}

const hasBody = (ctx: Context) =>
  ctx.get('transfer-encoding') !== '' || Number(ctx.get('content-length')) > 0;

/**
 * Refuses a request whose path parameters, query or body hold NUL bytes, bytes that are not
 * UTF-8 or unpaired surrogates, with a 400 naming the field, before any controller stores them.
 * A body of a type Strapi's parser leaves unread (XML, octets) is a 415: the handlers would
 * otherwise see no body at all, and some (users-permissions') fail on that with a 500.
 */
const validText = () => async (ctx: Context, next: Next) => {
  const body = (ctx.request as unknown as { body?: unknown }).body;
  if (body === undefined && hasBody(ctx)) {
    const message = `A body of type "${ctx.get('content-type') || 'unknown'}" can't be read here: send JSON (Content-Type: application/json).`;
    replyError(ctx, 415, 'UnsupportedMediaTypeError', message);
    return;
  }
  const problem =
    findTextProblem(ctx.params ?? {}) ?? findTextProblem(ctx.query ?? {}) ?? findTextProblem(body);
  if (problem) {
    replyError(ctx, 400, 'ValidationError', problem.message, { errors: [problem] });
    return;
  }
  await next();
};

export default validText;

type Middleware = (ctx: Context, next: Next) => Promise<unknown>;
interface MiddlewareRegistry {
  get(uid: string): unknown;
  extend(
    uid: string,
    wrap: (factory: (...args: unknown[]) => Middleware) => (...args: unknown[]) => Middleware,
  ): void;
}

/**
 * Readers register and log in through users-permissions, and their names are shown to editors
 * beside their reports: its auth routes get the same check. Those routes, and only those, carry
 * its rate limiter, so the check rides on it (after it, so refused requests still count).
 */
export function checkReaderAccountText(strapi: { get(name: string): unknown }): void {
  const registry = strapi.get('middlewares') as MiddlewareRegistry;
  const uid = 'plugin::users-permissions.rateLimit';
  if (!registry.get(uid)) return;
  const check = validText();
  registry.extend(uid, (factory) => (...args) => {
    const limit = factory(...args);
    return (ctx, next) => limit(ctx, () => check(ctx, next));
  });
}
