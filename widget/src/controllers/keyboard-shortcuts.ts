import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the player does for a shortcut (`MediaHandle.command`). */
export type PlayerCommand =
  'playPause' | 'back' | 'forward' | 'slower' | 'faster' | 'captions' | 'fullscreen';
/** Every shortcut: the player's, `search` (to the transcript's search field) and `help` (the list). */
export type ShortcutAction = PlayerCommand | 'search' | 'help';

/** `KeyboardEvent.key` (letters lower-cased) → what it does. */
const KEYS: Record<string, ShortcutAction> = {
  k: 'playPause',
  ' ': 'playPause',
  j: 'back',
  l: 'forward',
  '<': 'slower',
  '>': 'faster',
  c: 'captions',
  f: 'fullscreen',
  '/': 'search',
  '?': 'help',
};

/** Where keys are the reader's text: a shortcut there would steal what they type. */
const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
/** Controls that Space presses (or changes): Space stays theirs. */
const PRESSABLE =
  'button, a[href], summary, [role="button"], [role="link"], [role^="menuitem"], [role="option"], [role="slider"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"]';

/**
 * The key as the shortcuts know it. Shift+, and Shift+. by their physical keys too (they type `;`
 * and `:` on a German keyboard), and letters by their physical key on keyboards whose letters are
 * not Latin (the K key types ن in Arabic, л in Russian).
 */
function keyOf(event: KeyboardEvent): string {
  if (event.shiftKey && event.code === 'Comma') return '<';
  if (event.shiftKey && event.code === 'Period') return '>';
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (key.length === 1 && key.charCodeAt(0) > 127 && /^Key[A-Z]$/.test(event.code))
    return event.code.slice(3).toLowerCase();
  return key;
}

/**
 * The shortcut a key press inside the widget asks for, or null: none while a modifier (Ctrl, Alt,
 * Meta) is held, while typing in a field, inside a dialog, or for Space on a control it presses.
 */
export function shortcutFor(event: KeyboardEvent): ShortcutAction | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing)
    return null;
  const path = event.composedPath();
  const target = path[0];
  if (!(target instanceof Element)) return null;
  const inDialog = path.some(
    (node) =>
      node instanceof Element && (node.localName === 'dialog' || node.getAttribute('role') === 'dialog'),
  );
  if (inDialog || target.closest(TYPING) || (target as HTMLElement).isContentEditable) return null;
  const action = KEYS[keyOf(event)];
  if (!action || (event.key === ' ' && target.closest(PRESSABLE))) return null;
  return action;
}

/**
 * The widget's single-key shortcuts (WCAG 2.1.4: they act only while the focus is inside the
 * widget, and the host page can turn them off). Listens in the capture phase, on the way to the
 * focused element, so that the player's controls (video.js stops the keys it sees) get them
 * too. `run` does what was asked and says whether it could; only then is the key's default (a
 * scroll for Space, a browser's find for `/`) prevented.
 */
export class KeyboardShortcuts implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: { enabled(): boolean; run(action: ShortcutAction): boolean },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeydown, { capture: true });
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeydown, { capture: true });
  }

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (!this.options.enabled()) return;
    const action = shortcutFor(event);
    if (action && this.options.run(action)) event.preventDefault();
  };
}
