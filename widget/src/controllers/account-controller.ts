import type { ReactiveController } from 'lit';
import type { ProgressOutput } from '@lessons/shared/core';
import type { LessonsApi } from '../api/client.js';
import type { LessonElement } from '../base/lesson-element.js';
import { unlessUnchanged, type AccountState } from '../context.js';
import { LessonAuthChangeEvent } from '../events/lesson-auth-change.js';
import type { LessonDialogCloseEvent } from '../events/lesson-dialog-close.js';
import type { Announcer } from './announcer.js';
import { authStoreFor, type AuthSnapshot, type AuthStore } from './auth-store.js';

/**
 * The reader's session as this widget sees it: it follows the session of the widget's API (or
 * of the host's `token`), switching when either changes, tells the page when the reader logs in
 * or out (`lesson-auth-change`) and screen readers too, and gives the account state that the
 * parts read.
 */
export class AccountController implements ReactiveController {
  store: AuthStore | undefined;
  snapshot: AuthSnapshot | null = null;
  private unsubscribe: (() => void) | undefined;
  private state: AccountState = { status: 'anonymous', user: null, hostToken: false, progress: null };

  constructor(
    private readonly host: LessonElement,
    private readonly announcer: Announcer,
    /** Called just before the reader logs out (what is unsent still goes with their token). */
    private readonly beforeLogout: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.store) this.subscribe(this.store);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  get token(): string | null {
    return this.snapshot?.token ?? null;
  }

  /** Uses the session of `api`, or the one of the host's token; called before each update. */
  use(api: LessonsApi | undefined, hostToken: string): void {
    if (!api) return;
    const store = authStoreFor(api, hostToken || null);
    if (store === this.store) return;
    this.store = store;
    if (this.host.isConnected) this.subscribe(store);
  }

  /** The reader logs out; the focus stays in the account area, where the buttons were. */
  logout(): void {
    this.beforeLogout();
    this.store?.logout();
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
      hostToken: this.store?.fromHost ?? false,
      progress: auth?.token ? progress : null,
    };
    this.state = unlessUnchanged(this.state, next);
    return this.state;
  }

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
