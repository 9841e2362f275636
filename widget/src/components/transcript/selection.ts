/** A selection inside one paragraph: the paragraph's id and character offsets in its text. */
export interface ParagraphSelection {
  paragraphId: string;
  start: number;
  end: number;
  /** Where the selection ends on screen, to place the "Report an error" button near it. */
  rect: DOMRect;
}

/** The selected range if it lies inside `root`, read through the shadow boundary. */
function rangeIn(root: ShadowRoot): Range | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  let r: AbstractRange | undefined;
  if ('getComposedRanges' in selection) {
    r = selection.getComposedRanges({ shadowRoots: [root] })[0];
  } else {
    // Browsers before getComposedRanges: Chromium's ShadowRoot#getSelection, else Firefox's
    // document selection, which already points inside shadow roots.
    const legacy =
      (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? selection;
    r = legacy.rangeCount ? legacy.getRangeAt(0) : undefined;
  }
  if (!r || r.collapsed) return null;
  const range = document.createRange();
  try {
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
  } catch {
    return null;
  }
  return range;
}

/** Characters of `container`'s text before (`node`, `offset`). */
function textOffset(container: Node, node: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(node, offset);
  return before.toString().length;
}

/**
 * The reader's selection as offsets in one paragraph (`p[data-paragraph]`) of `root`. A
 * selection running over several paragraphs is cut to the first one.
 */
export function paragraphSelection(root: ShadowRoot): ParagraphSelection | null {
  const range = rangeIn(root);
  if (!range) return null;
  const paragraphOf = (node: Node) =>
    (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('p[data-paragraph]');
  const first = paragraphOf(range.startContainer);
  if (!first || first.getRootNode() !== root) return null;
  const startsInside = first.contains(range.startContainer);
  const start = startsInside ? textOffset(first, range.startContainer, range.startOffset) : 0;
  const length = first.textContent?.length ?? 0;
  const end = first.contains(range.endContainer)
    ? textOffset(first, range.endContainer, range.endOffset)
    : length;
  if (end <= start) return null;
  const cut = document.createRange();
  cut.selectNodeContents(first);
  if (startsInside) cut.setStart(range.startContainer, range.startOffset);
  if (first.contains(range.endContainer)) cut.setEnd(range.endContainer, range.endOffset);
  const rects = cut.getClientRects();
  const rect = rects[rects.length - 1] ?? cut.getBoundingClientRect();
  return { paragraphId: first.dataset.paragraph ?? '', start, end, rect };
}
