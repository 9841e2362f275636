import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { prefersReducedMotion, scrollToUpperThird } from '../base/dom.js';

/** Keys that scroll; pressing one means the reader is moving around themselves. */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

/**
 * Keeps the paragraph being spoken in view inside the transcript's scroll box. It holds back
 * while the pointer is over the transcript and for a few seconds after the reader scrolls, so it
 * never fights them, and it jumps instead of gliding when reduced motion is asked for.
 */
export class FollowAlongController implements ReactiveController {
  private hovering = false;
  private heldUntil = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly scroller: () => HTMLElement | null | undefined,
    private readonly holdMs = 4000,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('pointerenter', this.onEnter);
    this.host.addEventListener('pointerleave', this.onLeave);
    this.host.addEventListener('wheel', this.onScrollIntent, { passive: true });
    this.host.addEventListener('touchmove', this.onScrollIntent, { passive: true });
    this.host.addEventListener('keydown', this.onKey);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerenter', this.onEnter);
    this.host.removeEventListener('pointerleave', this.onLeave);
    this.host.removeEventListener('wheel', this.onScrollIntent);
    this.host.removeEventListener('touchmove', this.onScrollIntent);
    this.host.removeEventListener('keydown', this.onKey);
  }

  /** Following is held back for now (hover, or the reader scrolled a moment ago). */
  get held(): boolean {
    return this.hovering || performance.now() < this.heldUntil;
  }

  /** Holds following back for `ms` (e.g. while the reader walks through search matches). */
  hold(ms = this.holdMs): void {
    this.heldUntil = Math.max(this.heldUntil, performance.now() + ms);
  }

  /** Scrolls `target` to the upper third of the box, unless held (or `force`). */
  reveal(target: HTMLElement, force = false): void {
    if (!force && this.held) return;
    const box = this.scroller();
    if (box) scrollToUpperThird(box, target, prefersReducedMotion() ? 'auto' : 'smooth');
  }

  private readonly onEnter = () => {
    this.hovering = true;
  };

  private readonly onLeave = () => {
    this.hovering = false;
    this.hold();
  };

  private readonly onScrollIntent = () => this.hold();

  private readonly onKey = (event: KeyboardEvent) => {
    const typing = event.composedPath()[0] instanceof HTMLInputElement;
    if (!typing && SCROLL_KEYS.has(event.key)) this.hold();
  };
}
