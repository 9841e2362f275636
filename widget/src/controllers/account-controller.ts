import type { ReactiveController } from 'lit';
import type { ProgressOutput } from '@lessons/shared/core';
import type { LessonsApi } from '../api/client.js';
import type { LessonElement } from '../base/lesson-element.js';
import { unlessUnchanged, type AccountState } from '../context.js';
import { LessonAuthChangeEvent } from '../events/lesson-auth-change.js';
import type { LessonDialogCloseEvent } from '../events/lesson-dialog-close.js';
import type { Announcer } from './announcer.js';
import type { AuthSnapshot, AuthStore } from './auth-store.js';
import type { LazyChunks } from './lazy-chunks.js';
import { readSession, sessionKey } from './stored-session.js';

/** Controllers with no session store yet: one loaded by another widget is theirs too at once. */
const waiting = new Set<AccountController>();

/**
 * The reader's session as this widget sees it: it follows the session of the widget's API (or
 * of the host's `token`), switching when either changes, tells the page when the reader logs in
 * or out (`lesson-auth-change`) and screen readers too, and gives the account state that the
 * parts read.
 *
 * The session's store (auth-store.ts) is a chunk: loaded for a stored or host-given session, and
 * when the reader opens the login form. Until then an anonymous reader costs only a look at
 * localStorage (and a `storage` listener, for a login in another tab).
 */
export class AccountController implements ReactiveController {
  store: AuthStore | undefined;
  snapshot: AuthSnapshot | null = null;
  private api: LessonsApi | undefined;
  private hostToken: string | null = null;
  /** Which store this widget uses: its API's origin, and the host's token if any. */
  private key = '';
  private unsubscribe: (() => void) | undefined;
  private state: AccountState = { status: 'anonymous', user: null, hostToken: false, progress: null };

  constructor(
    private readonly host: LessonElement,
    private readonly chunks: LazyChunks,
    private readonly announcer: Announcer,
    /** Called just before the reader logs out (what is unsent still goes with their token). */
    private readonly beforeLogout: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.store) this.subscribe(this.store);
    else waiting.add(this);
    window.addEventListener('storage', this.onStorage);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    waiting.delete(this);
    window.removeEventListener('storage', this.onStorage);
  }

  get token(): string | null {
    return this.snapshot?.token ?? null;
  }

  /** Uses the session of `api`, or the one of the host's token; called before each update. */
  use(api: LessonsApi | undefined, hostToken: string): void {
    if (!api) return;
    const key = hostToken ? `${api.origin} ${hostToken}` : api.origin;
    if (key === this.key) return;
    this.api = api;
    this.key = key;
    this.hostToken = hostToken || null;
    this.store = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.host.isConnected) waiting.add(this);
    // What the store would say at first, without it: a returning reader shows as logged in.
    const saved = hostToken ? { jwt: hostToken, user: null } : readSession(api.origin);
    this.snapshot = saved && { status: 'checking', token: saved.jwt, user: saved.user, expired: false };
    if (saved) void this.loadStore();
  }

  /**
   * The session's store, loaded (and shared with the other widgets of the same API) if need be;
   * undefined when its chunk failed to load (`retry` repeats what the reader asked for).
   */
  async loadStore(retry: () => unknown = () => this.loadStore()): Promise<AuthStore | undefined> {
    const { api, key, hostToken } = this;
    if (this.store || !api) return this.store;
    const chunk = await this.chunks.load('the account', () => import('./auth-store.js'), retry);
    if (!chunk || key !== this.key) return this.store;
    const store = chunk.authStoreFor(api, hostToken);
    for (const controller of [this, ...waiting]) if (controller.key === key) controller.attach(store);
    return store;
  }

  /** The reader logs out; the focus stays in the account area, where the buttons were. */
  logout(): void {
    this.beforeLogout();
    void this.loadStore().then((store) => store?.logout());
    this.announcer.say((t) => t('account.loggedOut'));
    void this.focusAccount();
  }

  /** The login dialog closed; after a login, screen readers hear who is logged in. */
  readonly dialogClosed = (event: LessonDialogCloseEvent): void => {
    if (!event.detail.completed) return;
    const name = this.snapshot?.user?.username ?? '';
    this.announcer.say((t) => t('account.loggedIn', { name }));
    void this.focusAccount();
  };

  private async focusAccount(): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('lesson-account')?.focus();
  }

  /** The account state for the parts: a new object only when something in it changed. */
  accountState(progress: ProgressOutput | null): AccountState {
    const auth = this.snapshot;
    const next: AccountState = {
      status: auth?.status ?? 'anonymous',
      user: auth?.user ?? null,
      hostToken: this.hostToken !== null,
      progress: auth?.token ? progress : null,
    };
    this.state = unlessUnchanged(this.state, next);
    return this.state;
  }

  private attach(store: AuthStore): void {
    if (store === this.store) return;
    this.store = store;
    waiting.delete(this);
    if (this.host.isConnected) this.subscribe(store);
  }

  /** Another tab logged in to this API: its session is this page's too. */
  private readonly onStorage = (event: StorageEvent) => {
    if (!this.store && !this.hostToken && this.api && event.key === sessionKey(this.api.origin))
      void this.loadStore();
  };

  private subscribe(store: AuthStore): void {
    this.unsubscribe?.();
    this.snapshot = store.state;
    this.host.requestUpdate();
    this.unsubscribe = store.subscribe((snapshot) => {
      const before = this.snapshot;
      this.snapshot = snapshot;
      this.host.requestUpdate();
      if (before?.user?.id !== snapshot.user?.id && (before?.user || snapshot.user)) {
        this.host.emit(new LessonAuthChangeEvent({ user: snapshot.user }));
      }
      if (snapshot.expired && before?.token) this.announcer.say((t) => t('account.sessionExpired'));
    });
  }
}
