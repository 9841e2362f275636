import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Preview tokens: a short-lived, signed permission to read one lesson's draft in one language.
 * `<claims>.<signature>`, both base64url: the claims are JSON `{ d: documentId, l: locale,
 * e: expiry in Unix seconds }`, the signature an HMAC-SHA256 of the claims under a key of the
 * server's own (see previewKey). Nothing is stored: the server checks the signature and the expiry.
 */

/** The longest a preview token may live: an editor opens the preview again for a new one. */
export const MAX_PREVIEW_SECONDS = 3600;

export interface PreviewClaims {
  documentId: string;
  locale: string;
  /** Unix seconds after which the token is refused. */
  expires: number;
}

/** Why a token was refused, for the person holding it. */
export type PreviewRefusal = 'malformed' | 'tampered' | 'expired';

export class PreviewTokenError extends Error {
  constructor(readonly reason: PreviewRefusal) {
    super(
      reason === 'expired'
        ? 'This preview link has expired. Open the preview again from the admin for a new one.'
        : 'This preview link is not valid. Open the preview again from the admin.',
    );
  }
}

/** Labels the key's use, so that a value signed for something else never passes as a preview token. */
const PURPOSE = 'lessons-preview-token-v1';

/** The signing key, derived from the app's secret keys (APP_KEYS) or a secret of its own. */
export function previewKey(secrets: readonly string[]): Buffer {
  if (secrets.length === 0 || secrets.every((s) => !s)) throw new Error('A preview key needs a secret.');
  return createHmac('sha256', secrets.join(',')).update(PURPOSE).digest();
}

const sign = (key: Buffer, claims: string) => createHmac('sha256', key).update(claims).digest('base64url');

export function signPreviewToken(claims: PreviewClaims, key: Buffer): string {
  const body = Buffer.from(
    JSON.stringify({ d: claims.documentId, l: claims.locale, e: claims.expires }),
  ).toString('base64url');
  return `${body}.${sign(key, body)}`;
}

/** The claims of a token signed with `key` that has not expired at `now` (ms); throws PreviewTokenError. */
export function verifyPreviewToken(token: string, key: Buffer, now = Date.now()): PreviewClaims {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0 || token.length > 1024) throw new PreviewTokenError('malformed');
  const expected = Buffer.from(sign(key, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new PreviewTokenError('tampered');
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw new PreviewTokenError('malformed');
  }
  const { d, l, e } = (claims ?? {}) as { d?: unknown; l?: unknown; e?: unknown };
  if (typeof d !== 'string' || typeof l !== 'string' || typeof e !== 'number')
    throw new PreviewTokenError('malformed');
  if (now >= e * 1000) throw new PreviewTokenError('expired');
  return { documentId: d, locale: l, expires: e };
}
