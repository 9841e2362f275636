import type { Transcript } from '@lessons/shared';

/**
 * The transcript as the list of rows the editor lays out one under another, so that only the rows
 * in view are mounted: each section's header, its paragraphs (unless the section is collapsed),
 * and its footer (the "Add paragraph" button).
 */
export type Row =
  | { kind: 'section'; key: string; section: number }
  | { kind: 'paragraph'; key: string; section: number; index: number }
  | { kind: 'footer'; key: string; section: number };

/**
 * Keys stay with a paragraph while it moves (its id; ids repeat only in a stored transcript that
 * is not valid, and keys must not), so a row keeps its measured height and its state.
 */
export function rowsOf(t: Transcript, collapsed: ReadonlySet<number>): Row[] {
  const rows: Row[] = [];
  const seen = new Set<string>();
  t.sections.forEach((s, section) => {
    rows.push({ kind: 'section', key: `section:${section}`, section });
    if (collapsed.has(section)) return;
    s.paragraphs.forEach((p, index) => {
      const key = seen.has(p.id) ? `paragraph:${p.id}#${section}.${index}` : `paragraph:${p.id}`;
      seen.add(p.id);
      rows.push({ kind: 'paragraph', key, section, index });
    });
    rows.push({ kind: 'footer', key: `footer:${section}`, section });
  });
  return rows;
}

/** The row of a paragraph; -1 when it is not shown (its section is collapsed, or it is gone). */
export function rowOfParagraph(rows: readonly Row[], section: number, index: number): number {
  return rows.findIndex((r) => r.kind === 'paragraph' && r.section === section && r.index === index);
}

/** Two neighbouring sections swap places; their collapsed state goes with them. */
export function collapsedAfterMove(collapsed: ReadonlySet<number>, from: number, to: number): Set<number> {
  const next = new Set(collapsed);
  const a = collapsed.has(from);
  const b = collapsed.has(to);
  next.delete(from);
  next.delete(to);
  if (a) next.add(to);
  if (b) next.add(from);
  return next;
}

/** Sections after `removed` move up by one; their collapsed state goes with them. */
export function collapsedAfterRemove(collapsed: ReadonlySet<number>, removed: number): Set<number> {
  const next = new Set<number>();
  for (const i of collapsed) {
    if (i < removed) next.add(i);
    else if (i > removed) next.add(i - 1);
  }
  return next;
}
