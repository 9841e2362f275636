/**
 * Which key does what (see keyboard-shortcuts.ts): a chunk of its own, loaded when the focus first
 * enters the widget, as keys only reach the widget from there.
 */

/** What the player does for a shortcut (`MediaHandle.command`). */
export type PlayerCommand =
  'playPause' | 'back' | 'forward' | 'slower' | 'faster' | 'captions' | 'fullscreen' | 'mute';
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
  m: 'mute',
  '/': 'search',
  '?': 'help',
};

/**
 * A key press as read while it was dispatched (`path` is its `composedPath()`, empty afterwards):
 * a key pressed before this chunk arrived is decided once it has.
 */
export type KeyPress = Pick<
  KeyboardEvent,
  'key' | 'code' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing' | 'defaultPrevented'
> & { readonly path: readonly EventTarget[] };

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
function keyOf(event: KeyPress): string {
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
export function shortcutFor(event: KeyPress): ShortcutAction | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing)
    return null;
  const { path } = event;
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
