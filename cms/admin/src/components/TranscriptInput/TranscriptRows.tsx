import type { ReviewMark, Transcript } from '@lessons/shared';
import { Box } from '@strapi/design-system';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import * as React from 'react';
import { useT } from '../../translations';
import type { TranscriptEdit } from './edit';
import type { IssueIndex } from './issues';
import type { ParagraphAt } from './navigate';
import { ParagraphEditor } from './ParagraphEditor';
import { rowOfParagraph, type Row } from './rows';
import { SectionFooter, SectionHeader, SectionPart } from './SectionEditor';

/** Heights to lay out rows not measured yet; once mounted, a row's real height replaces its guess. */
const ESTIMATED_HEIGHT: Record<Row['kind'], number> = { section: 96, paragraph: 190, footer: 52 };

/** Space between two sections' cards, kept inside the rows so measured heights add up. */
const SECTION_GAP = 16;

/** A request to bring a paragraph into view; `focus` also puts the caret in its text. */
export interface RevealRequest {
  at: ParagraphAt;
  focus: boolean;
  /** A new number for each request, so the same paragraph can be asked for twice. */
  id: number;
}

interface TranscriptRowsProps {
  name: string;
  transcript: Transcript;
  rows: readonly Row[];
  collapsed: ReadonlySet<number>;
  issues: IssueIndex;
  currentMatch?: ParagraphAt;
  reveal?: RevealRequest;
  disabled?: boolean;
  onEdit: (edit: TranscriptEdit) => void;
  onToggleSection: (index: number) => void;
  onMoveSection: (index: number, delta: -1 | 1) => void;
  onRemoveSection: (index: number) => void;
  /** Review marks by paragraph id (translations to check after their source changed). */
  reviews?: ReadonlyMap<string, ReviewMark[]>;
  onStillCorrect?: (paragraphId: string) => void;
}

/**
 * The sections and paragraphs, of which only the rows in and near view are mounted (and the row
 * holding the focus, wherever it is scrolled to): a 1,000-paragraph lecture renders a dozen rows.
 * Each section's mounted rows sit in a `<section>` named after it, for screen readers and tests.
 */
export function TranscriptRows({
  name,
  transcript,
  rows,
  collapsed,
  issues,
  currentMatch,
  reveal,
  disabled,
  onEdit,
  onToggleSection,
  onMoveSection,
  onRemoveSection,
  reviews,
  onStillCorrect,
}: TranscriptRowsProps) {
  const t = useT();
  const scroller = React.useRef<HTMLDivElement>(null);
  const [focusedKey, setFocusedKey] = React.useState<string | null>(null);
  const focusedIndex = React.useMemo(
    () => (focusedKey ? rows.findIndex((r) => r.key === focusedKey) : -1),
    [rows, focusedKey],
  );

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: React.useCallback((i: number) => ESTIMATED_HEIGHT[rows[i]?.kind ?? 'paragraph'], [rows]),
    getItemKey: React.useCallback((i: number) => rows[i]?.key ?? i, [rows]),
    overscan: 4,
    // The row being typed in stays mounted when scrolled away: unmounting would take the focus.
    rangeExtractor: React.useCallback(
      (range: Range) => {
        const indexes = defaultRangeExtractor(range);
        if (focusedIndex >= 0 && !indexes.includes(focusedIndex)) {
          indexes.push(focusedIndex);
          indexes.sort((a, b) => a - b);
        }
        return indexes;
      },
      [focusedIndex],
    ),
  });

  // Text boxes of the mounted paragraphs, by row key, for "jump to time".
  const textareas = React.useRef(new Map<string, HTMLTextAreaElement>());
  const textareaRefs = React.useRef(new Map<string, (element: HTMLTextAreaElement | null) => void>());
  const textareaRef = (key: string) => {
    let ref = textareaRefs.current.get(key);
    if (!ref) {
      ref = (element) => (element ? textareas.current.set(key, element) : textareas.current.delete(key));
      textareaRefs.current.set(key, ref);
    }
    return ref;
  };

  const handled = React.useRef<number>();
  // Focusing waits for its row across renders (a commit may land meanwhile); only a newer
  // request, or unmounting, stops it.
  const focusFrame = React.useRef<number>();
  React.useEffect(() => () => cancelAnimationFrame(focusFrame.current ?? 0), []);
  React.useEffect(() => {
    if (!reveal || handled.current === reveal.id) return;
    const index = rowOfParagraph(rows, reveal.at.section, reveal.at.index);
    if (index < 0) return; // its section is being expanded: the next render has the row
    handled.current = reveal.id;
    cancelAnimationFrame(focusFrame.current ?? 0);
    virtualizer.scrollToIndex(index, { align: 'center' });
    if (!reveal.focus) return;
    const key = rows[index]!.key;
    // The row mounts once the list has scrolled to it; try on the next frames until it has.
    let frames = 0;
    const focusWhenMounted = () => {
      const element = textareas.current.get(key);
      if (element?.isConnected) element.focus({ preventScroll: true });
      else if (++frames < 60) focusFrame.current = requestAnimationFrame(focusWhenMounted);
    };
    focusFrame.current = requestAnimationFrame(focusWhenMounted);
  }, [reveal, rows, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const bySection = new Map<number, typeof items>();
  for (const item of items) {
    const section = rows[item.index]!.section;
    const list = bySection.get(section);
    if (list) list.push(item);
    else bySection.set(section, [item]);
  }

  const renderRow = (row: Row) => {
    const section = transcript.sections[row.section]!;
    const number = row.section + 1;
    const isFirst = row.section === 0;
    const isLast = row.section === transcript.sections.length - 1;
    if (row.kind === 'section') {
      return (
        <Box paddingTop={isFirst ? 0 : `${SECTION_GAP}px`}>
          <SectionHeader
            name={name}
            index={row.section}
            heading={section.heading}
            paragraphs={section.paragraphs.length}
            hasText={section.heading.trim() !== '' || section.paragraphs.some((p) => p.text.trim() !== '')}
            isFirst={isFirst}
            isLast={isLast}
            collapsed={collapsed.has(row.section)}
            headingError={issues.messagesAt({ section: number, fields: ['heading'] })}
            sectionError={issues.messagesAt({ section: number, fields: [undefined] })}
            disabled={disabled}
            onEdit={onEdit}
            onToggle={onToggleSection}
            onMove={onMoveSection}
            onRemove={onRemoveSection}
          />
        </Box>
      );
    }
    if (row.kind === 'footer')
      return <SectionFooter index={row.section} disabled={disabled} onEdit={onEdit} />;
    const place = { section: number, paragraph: row.index + 1 };
    return (
      <SectionPart $part="paragraph" $divider={row.index > 0}>
        <ParagraphEditor
          name={name}
          section={row.section}
          index={row.index}
          paragraph={section.paragraphs[row.index]!}
          canMoveUp={!(isFirst && row.index === 0)}
          canMoveDown={!(isLast && row.index === section.paragraphs.length - 1)}
          textError={issues.messagesAt({ ...place, fields: ['text', 'id', undefined] })}
          startError={issues.messagesAt({ ...place, fields: ['start'] })}
          endError={issues.messagesAt({ ...place, fields: ['end'] })}
          isCurrentMatch={currentMatch?.section === row.section && currentMatch.index === row.index}
          disabled={disabled}
          onEdit={onEdit}
          textareaRef={textareaRef(row.key)}
          review={reviews?.get(section.paragraphs[row.index]!.id)}
          onStillCorrect={onStillCorrect}
        />
      </SectionPart>
    );
  };

  return (
    <div
      ref={scroller}
      role="group"
      aria-label={t('transcript.list.label')}
      style={{ maxHeight: 'min(70vh, 60rem)', overflowY: 'auto', overflowAnchor: 'none' }}
      onFocus={(e) =>
        setFocusedKey(
          (e.target as HTMLElement).closest('[data-row-key]')?.getAttribute('data-row-key') ?? null,
        )
      }
      onBlur={(e) => {
        if (!scroller.current?.contains(e.relatedTarget)) setFocusedKey(null);
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {[...bySection].map(([section, sectionItems]) => (
          <section key={section} aria-label={t('transcript.section.title', { number: section + 1 })}>
            {sectionItems.map((item) => (
              <div
                key={item.key}
                data-index={item.index}
                data-row-key={rows[item.index]!.key}
                ref={virtualizer.measureElement}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  transform: `translateY(${item.start}px)`,
                }}
              >
                {renderRow(rows[item.index]!)}
              </div>
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
