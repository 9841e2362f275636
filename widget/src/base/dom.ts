/** The focused element, looking inside shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * What had the focus when a dialog opened, given back when it closes (WAI-ARIA's dialog pattern).
 * `root` is where that element lived, kept from the start: an opener that has gone by then (a
 * selection's button) no longer knows it.
 */
export class FocusReturn {
  private element: HTMLElement | null = null;
  root: Node | null = null;

  /** As the dialog opens. */
  remember(): void {
    this.element = deepActiveElement();
    this.root = this.element?.getRootNode() ?? null;
  }

  /** As it closes: focuses what had the focus if it is still there; answers whether it has it now. */
  restore(): boolean {
    if (this.element?.isConnected) this.element.focus();
    return this.element !== null && deepActiveElement() === this.element;
  }
}

/** True when the reader asked the system for less motion. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/**
 * Scrolls `box` (a scrolling element, not the page) so that `target` sits in its upper third,
 * where the eye reads on. Nothing happens when the box does not scroll or is already there.
 */
export function scrollToUpperThird(
  box: HTMLElement,
  target: HTMLElement,
  behavior: ScrollBehavior = 'auto',
): void {
  if (box.scrollHeight <= box.clientHeight) return;
  const top = Math.max(0, target.offsetTop - box.clientHeight / 3);
  if (Math.abs(box.scrollTop - top) >= 2) box.scrollTo({ top, behavior });
}

/** A random key for idempotent requests: 32 hex digits. */
export function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().replace(/-/g, '');
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}
