import { withMediaFragment, type MediaFragmentTime } from '@lessons/shared/core';

/** The host page's address linking to `passage` (`#t=<start>,<end>`, in seconds). */
export function passageLink(passage: MediaFragmentTime, href = location.href): string {
  return withMediaFragment(href, passage);
}

/**
 * Copies `text` for the reader: with the Clipboard API, else (no API, or it refused: an insecure
 * page, a denied permission) through a hidden text area in `root`, after which the reader's
 * selection and focus are put back. False when neither could copy.
 */
export async function copyText(text: string, root: ShadowRoot): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Try the older way below.
  }
  const selection = document.getSelection();
  const kept = selection?.getComposedRanges?.({ shadowRoots: [root] })[0];
  const focused = root.activeElement as HTMLElement | null;
  const area = document.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  area.setAttribute('aria-hidden', 'true');
  area.tabIndex = -1;
  // Through the CSSOM, not a style attribute: a strict CSP refuses those.
  Object.assign(area.style, { position: 'fixed', insetBlockStart: '0', opacity: '0', pointerEvents: 'none' });
  root.append(area);
  let copied = false;
  try {
    area.select();
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  } finally {
    area.remove();
    focused?.focus();
    if (kept)
      selection?.setBaseAndExtent(kept.startContainer, kept.startOffset, kept.endContainer, kept.endOffset);
  }
  return copied;
}
