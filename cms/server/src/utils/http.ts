import { createHash } from 'node:crypto';
import type { Context } from 'koa';
import { z } from 'zod';
import ipaddr from 'ipaddr.js';
import { errors } from '@strapi/utils';
import { fieldErrors, localeSchema } from '@lessons/shared';
import { chooseCoding, codedETag, compressedBody, MIN_COMPRESSED_BYTES } from './compression';
import { publicCacheControl, varyForSharedCaches } from './shared-caches';

/** Parses with a shared schema or answers 400 naming each field that is wrong. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const list = fieldErrors(result.error);
  const first = list[0];
  const message = list.length === 1 && first ? first.message : `The ${what} has ${list.length} problems.`;
  throw new errors.ValidationError(message, { errors: list });
}

/** A body with its content hash (the ETag's) and size, worked out once for as long as it is kept. */
export interface PreparedBody {
  body: string;
  hash: string;
  bytes: number;
}

export function prepareBody(body: string): PreparedBody {
  return { body, hash: createHash('sha1').update(body).digest('base64url'), bytes: Buffer.byteLength(body) };
}

/**
 * Sends a body with caching headers, compressed as the client accepts (brotli, else gzip; bodies
 * under a kilobyte as they are), with a strong ETag of its own per coding (see codedETag); answers
 * 304 when the client already has that coding's bytes.
 */
export async function sendCached(
  ctx: Context,
  content: string | PreparedBody,
  type: string,
  maxAge = 60,
): Promise<void> {
  const { body, hash, bytes } = typeof content === 'string' ? prepareBody(content) : content;
  const coding = bytes < MIN_COMPRESSED_BYTES ? 'identity' : chooseCoding(ctx);
  ctx.set('ETag', codedETag(hash, coding));
  ctx.set('Cache-Control', publicCacheControl(maxAge));
  varyForSharedCaches(ctx);
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.type = type;
  if (coding === 'identity') {
    ctx.body = body;
    return;
  }
  ctx.body = await compressedBody(body, hash, coding);
  ctx.set('Content-Encoding', coding);
}

export async function sendJson(ctx: Context, value: unknown, maxAge = 60): Promise<void> {
  await sendCached(ctx, JSON.stringify(value), 'application/json; charset=utf-8', maxAge);
}

/**
 * The base media and embed URLs are made absolute against, so that other sites can load them:
 * the plugin's `publicUrl`, else the server's URL (`server.url`, made absolute by Strapi from
 * host and port when it is relative). Never the request's Host header: a forged one would end up
 * in cached answers.
 */
export function publicOrigin(configured?: string): string {
  const base = configured || strapi.config.get<string>('server.absoluteUrl');
  return base.replace(/\/+$/, '');
}

export function absoluteUrl(url: string | null | undefined, origin: string): string | null {
  if (!url) return null;
  return /^https?:\/\//i.test(url) ? url : `${origin}${url.startsWith('/') ? '' : '/'}${url}`;
}

/** The reader's locale query, checked with the shared locale schema (absent or empty: none). */
export function localeParam(ctx: Context): string | undefined {
  const raw = ctx.query.locale;
  if (raw === undefined || raw === '') return undefined;
  // A list (?locale=en&locale=es, ?locale[]=en) is not one language: refused like any non-text.
  return parseOr400(z.object({ locale: localeSchema }), { locale: raw }, 'language').locale;
}

/**
 * Who a client is, for limits: an IPv4 address, or an IPv6 client's /64 (one household or
 * server is handed a whole /64, so its single addresses cost an attacker nothing).
 * IPv4-mapped IPv6 addresses ("::ffff:1.2.3.4") count as the IPv4 address they carry.
 */
export function clientKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const ip = ipaddr.process(address);
  if (!(ip instanceof ipaddr.IPv6)) return ip.toString();
  const network = new ipaddr.IPv6([...ip.parts.slice(0, 4), 0, 0, 0, 0]);
  return `${network.toString()}/64`;
}

/**
 * A hash of the client (see clientKey) with the app's secret: enough to rate-limit and to scope
 * idempotency keys, useless to identify. `ctx.request.ip` is Koa's: the socket's address, or the
 * X-Forwarded-For one only when `server.proxy.koa` tells Strapi it sits behind a proxy.
 */
export function clientHash(ctx: Context): string {
  const keys = strapi.config.get<string[] | undefined>('server.app.keys') ?? [];
  return createHash('sha256')
    .update(`${keys.join(',')}|${clientKey(ctx.request.ip)}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * Answers an error in Strapi's envelope without throwing. Needed for 401/403: Strapi's route
 * authorization wraps the controller and would replace a thrown one's message with a bare
 * "Unauthorized"/"Forbidden".
 */
export function replyError(
  ctx: Context,
  status: number,
  name: string,
  message: string,
  details: Record<string, unknown> = {},
): void {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details } };
}
