import type { Context } from 'koa';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** How a body travels: a content coding the client accepts, or as it is. */
export type Coding = 'br' | 'gzip' | 'identity';

/**
 * Below this, compressing saves less than the headers and the CPU it costs (and an answer this
 * small fits in the first TCP packets anyway).
 */
export const MIN_COMPRESSED_BYTES = 1024;

/** The file extension the build gives each coding's precompressed copy (cms/scripts/copy-widget.mjs). */
export const PRECOMPRESSED_EXTENSION: Record<Exclude<Coding, 'identity'>, string> = {
  br: '.br',
  gzip: '.gz',
};

/**
 * Brotli wherever the client takes it, else gzip, else the bytes as they are. Each coding is asked
 * for on its own because Koa's `acceptsEncodings('br', 'gzip')` breaks a tie by the client's
 * order, and browsers list gzip first ("gzip, deflate, br, zstd"): they would never get brotli.
 * A coding the client refuses (`br;q=0`) is not sent, and no header at all means identity.
 */
export function chooseCoding(ctx: Context): Coding {
  if (ctx.acceptsEncodings('br')) return 'br';
  if (ctx.acceptsEncodings('gzip')) return 'gzip';
  return 'identity';
}

/**
 * The ETag of one coding of a body. A compressed answer is another representation with other
 * bytes, and a strong ETag promises byte-identical content (RFC 9110 §8.8.1), so each coding has
 * its own strong tag (`"x"`, `"x-br"`, `"x-gzip"`). Weakening the tag instead (`W/"x"`) would be
 * correct too, but a strong tag keeps byte ranges and caches that only trust strong tags working,
 * and a cache holding several codings sends their tags together in If-None-Match and gets a 304
 * naming the one that still fits.
 */
export function codedETag(tag: string, coding: Coding): string {
  return coding === 'identity' ? `"${tag}"` : `"${tag}-${coding}"`;
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * On-the-fly settings: brotli quality 5 gives most of quality 11's saving on JSON and HTML at a
 * hundredth of its time (a 1,000-paragraph lesson: ~15 ms against ~1.5 s); the static chunks get
 * quality 11 once, at build.
 */
function compress(body: string, coding: Exclude<Coding, 'identity'>): Promise<Buffer> {
  const input = Buffer.from(body, 'utf8');
  if (coding === 'gzip') return gzipped(input, { level: 6 });
  return brotli(input, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: input.length,
    },
  });
}

/**
 * Compressed bodies by coding and content hash, so a lesson read again costs a hash, not a
 * compression. Bounded by bytes; the least recently used go first. Promises are kept, so
 * simultaneous first reads of one lesson compress it once.
 */
const CACHE_BYTES = 16 * 1024 * 1024;
const cache = new Map<string, { bytes: Promise<Buffer>; size: number }>();
let cachedBytes = 0;

export function compressedBody(
  body: string,
  hash: string,
  coding: Exclude<Coding, 'identity'>,
): Promise<Buffer> {
  const key = `${coding}:${hash}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.bytes;
  }
  // Counted at the body's size until compressed: an upper bound, corrected below.
  const entry = { bytes: compress(body, coding), size: Buffer.byteLength(body) };
  cache.set(key, entry);
  cachedBytes += entry.size;
  entry.bytes.then(
    (bytes) => {
      if (cache.get(key) !== entry) return;
      cachedBytes += bytes.length - entry.size;
      entry.size = bytes.length;
    },
    () => {
      if (cache.get(key) !== entry) return;
      cache.delete(key);
      cachedBytes -= entry.size;
    },
  );
  for (const [oldest, old] of cache) {
    if (cachedBytes <= CACHE_BYTES || oldest === key) break;
    cache.delete(oldest);
    cachedBytes -= old.size;
  }
  return entry.bytes;
}
