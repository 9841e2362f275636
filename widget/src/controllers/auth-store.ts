import type { AuthResponse } from '@lessons/shared/core';
import type { AuthUser, LessonsApi } from '../api/client.js';
import type { AccountStatus } from '../context.js';
import { readSession, sessionKey } from './stored-session.js';

export interface AuthSnapshot {
  status: AccountStatus;
  token: string | null;
  user: AuthUser | null;
  /** The stored session was refused by the server (expired or revoked). */
  expired: boolean;
}

/**
 * One reader session per API origin, shared by every widget of that origin on the page.
 *
 * The JWT is kept in localStorage under a key made from the API's origin: the session belongs to
 * that API (a page embedding lessons from two CMSs keeps two), it survives reloads, and other
 * tabs see logins and logouts through the `storage` event. localStorage is readable by the host
 * page's scripts; a host that already has its own login passes the reader's token in the
 * `token` attribute instead, and nothing is stored then.
 */
export class AuthStore {
  private snapshot: AuthSnapshot;
  private readonly listeners = new Set<(snapshot: AuthSnapshot) => void>();
  private checking: Promise<void> | undefined;

  constructor(
    private readonly api: LessonsApi,
    /** The host's token; when given, nothing is read from or written to storage. */
    private readonly hostToken?: string,
  ) {
    const saved = hostToken ? { jwt: hostToken, user: null } : this.read();
    this.snapshot = saved
      ? { status: 'checking', token: saved.jwt, user: saved.user, expired: false }
      : { status: 'anonymous', token: null, user: null, expired: false };
    if (!hostToken) window.addEventListener('storage', this.onStorage);
  }

  get state(): AuthSnapshot {
    return this.snapshot;
  }

  get fromHost(): boolean {
    return this.hostToken !== undefined;
  }

  subscribe(listener: (snapshot: AuthSnapshot) => void): () => void {
    this.listeners.add(listener);
    void this.check();
    return () => this.listeners.delete(listener);
  }

  /** Confirms a stored or given token once with `/api/users/me`; a refused one is dropped. */
  private check(): Promise<void> {
    if (this.checking || this.snapshot.status !== 'checking' || !this.snapshot.token)
      return this.checking ?? Promise.resolve();
    const token = this.snapshot.token;
    this.checking = this.api
      .me(token)
      .then((user) => {
        if (this.snapshot.token === token) this.set({ status: 'signed-in', token, user, expired: false });
      })
      .catch((error: { failure?: string }) => {
        if (this.snapshot.token !== token) return;
        if (error.failure === 'unauthorized') this.drop(true);
        // Offline or a server hiccup: keep the session; the next request will tell.
        else this.set({ ...this.snapshot, status: this.snapshot.user ? 'signed-in' : 'checking' });
      })
      .finally(() => (this.checking = undefined));
    return this.checking;
  }

  async login(identifier: string, password: string): Promise<AuthUser> {
    return this.accept(await this.api.login(identifier, password));
  }

  async register(username: string, email: string, password: string): Promise<AuthUser> {
    return this.accept(await this.api.register(username, email, password));
  }

  logout(): void {
    this.drop(false);
  }

  /** A request was answered 401 with this token: forget it. */
  invalidate(token: string): void {
    if (this.snapshot.token === token) this.drop(true);
  }

  private accept(answer: AuthResponse): AuthUser {
    this.write(answer.jwt, answer.user);
    this.set({ status: 'signed-in', token: answer.jwt, user: answer.user, expired: false });
    return answer.user;
  }

  private drop(expired: boolean): void {
    this.write(null);
    this.set({ status: 'anonymous', token: null, user: null, expired });
  }

  private set(snapshot: AuthSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener(snapshot);
  }

  private get key(): string {
    return sessionKey(this.api.origin);
  }

  private read(): { jwt: string; user: AuthUser | null } | null {
    return readSession(this.api.origin);
  }

  private write(jwt: string | null, user?: AuthUser): void {
    if (this.hostToken) return;
    try {
      if (jwt) localStorage.setItem(this.key, JSON.stringify({ jwt, user }));
      else localStorage.removeItem(this.key);
    } catch {
      // Storage can be full or disabled (private modes); the session then lasts for this page.
    }
  }

  private readonly onStorage = (event: StorageEvent) => {
    if (event.key !== this.key) return;
    const saved = this.read();
    if (saved?.jwt === this.snapshot.token) return;
    this.set(
      saved
        ? {
            status: saved.user ? 'signed-in' : 'checking',
            token: saved.jwt,
            user: saved.user,
            expired: false,
          }
        : { status: 'anonymous', token: null, user: null, expired: false },
    );
    void this.check();
  };
}

const stores = new Map<string, AuthStore>();

/** The session for an API (or for a host-given token), shared by the widgets that use it. */
export function authStoreFor(api: LessonsApi, hostToken?: string | null): AuthStore {
  const key = hostToken ? `${api.origin} ${hostToken}` : api.origin;
  let store = stores.get(key);
  if (!store) {
    store = new AuthStore(api, hostToken || undefined);
    stores.set(key, store);
  }
  return store;
}

/** Forgets every session object (not what is stored); for tests that start from scratch. */
export function clearAuthStores(): void {
  stores.clear();
}
