import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LazyChunks } from './lazy-chunks.js';
import type * as Keys from './shortcut-keys.js';
import type { KeyPress, ShortcutAction } from './shortcut-keys.js';

export type { PlayerCommand, ShortcutAction } from './shortcut-keys.js';

export interface KeyboardShortcutsOptions {
  chunks: LazyChunks;
  enabled(): boolean;
  /** Does what was asked; false when there was nothing to do it with. */
  run(action: ShortcutAction): boolean;
}

/**
 * The widget's single-key shortcuts (WCAG 2.1.4: they act only while the focus is inside the
 * widget, and the host page can turn them off). Listens in the capture phase, on the way to the
 * focused element, so that the player's controls (video.js stops the keys it sees) get them
 * too. `run` does what was asked and says whether it could; only then is the key's default (a
 * scroll for Space, a browser's find for `/`) prevented.
 *
 * Which key does what is a chunk of its own (shortcut-keys.ts), loaded when the focus first
 * enters the widget (keys reach it from there only). A key pressed before it has arrived still
 * acts once it has; only its default can no longer be prevented.
 */
export class KeyboardShortcuts implements ReactiveController {
  private keys: typeof Keys | undefined;
  private loading: Promise<typeof Keys | undefined> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: KeyboardShortcutsOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeydown, { capture: true });
    this.host.addEventListener('focusin', this.onFocusIn);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeydown, { capture: true });
    this.host.removeEventListener('focusin', this.onFocusIn);
  }

  private load(): Promise<typeof Keys | undefined> {
    this.loading ??= this.options.chunks
      .load(
        'the keyboard shortcuts',
        () => import('./shortcut-keys.js'),
        () => void this.load(),
      )
      .then((keys) => {
        // A failed load is tried again at the next focus or key, or by "Try again".
        if (!keys) this.loading = undefined;
        return (this.keys = keys);
      });
    return this.loading;
  }

  private act(keys: typeof Keys, press: KeyPress, event: KeyboardEvent | null): void {
    const action = keys.shortcutFor(press);
    if (action && this.options.run(action)) event?.preventDefault();
  }

  private readonly onFocusIn = () => {
    if (this.options.enabled()) void this.load();
  };

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (!this.options.enabled()) return;
    if (this.keys) {
      this.act(this.keys, pressOf(event), event);
      return;
    }
    const press = pressOf(event);
    void this.load().then(
      (keys) => keys && this.act(keys, { ...press, defaultPrevented: event.defaultPrevented }, null),
    );
  };
}

/** What the shortcuts read of a key press, kept after its dispatch. */
function pressOf(event: KeyboardEvent): KeyPress {
  const { key, code, shiftKey, ctrlKey, metaKey, altKey, isComposing, defaultPrevented } = event;
  return {
    key,
    code,
    shiftKey,
    ctrlKey,
    metaKey,
    altKey,
    isComposing,
    defaultPrevented,
    path: event.composedPath(),
  };
}
