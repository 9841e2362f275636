import type { AuthUser } from '../api/client.js';

/**
 * Where a reader's session is kept: localStorage, one key per API origin (see auth-store.ts).
 * This much is read at the first paint, to show a returning reader as logged in at once; the
 * session's store itself is a chunk, loaded only when there is a session or a reader logs in.
 */
export const sessionKey = (origin: string): string => `lessons-widget:auth:${origin}`;

/** The session stored for an API origin, if any. */
export function readSession(origin: string): { jwt: string; user: AuthUser | null } | null {
  try {
    const saved = JSON.parse(localStorage.getItem(sessionKey(origin)) ?? 'null') as {
      jwt?: unknown;
      user?: AuthUser;
    } | null;
    return typeof saved?.jwt === 'string' ? { jwt: saved.jwt, user: saved.user ?? null } : null;
  } catch {
    return null;
  }
}
