import type { Transcript } from '@lessons/shared';
import { Box, Button, Field, Flex, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useField } from '@strapi/strapi/admin';
import * as React from 'react';
import { useT } from '../../translations';
import { CaptionsImport } from './CaptionsImport';
import {
  addSection,
  moveSection,
  paragraphCount,
  readTranscript,
  removeSection,
  type TranscriptEdit,
} from './edit';
import { IssueList } from './IssueList';
import { IssueIndex, transcriptIssuesOf } from './issues';
import { findInTranscript, paragraphAtTime, type ParagraphAt } from './navigate';
import { collapsedAfterMove, collapsedAfterRemove, rowsOf } from './rows';
import { TranscriptRows, type RevealRequest } from './TranscriptRows';
import { CollapseAll, FindInTranscript, JumpToTime } from './TranscriptTools';
import { ToReview } from './ToReview';
import { useReview } from './useReview';

/**
 * Errors the server sent back on save sit under the field's path (`transcript.sections.1…`), where
 * `useField(name).error` does not look; collect their messages.
 */
function nestedMessages(raw: unknown): string[] {
  if (typeof raw === 'string') return [raw];
  if (typeof raw !== 'object' || raw === null) return [];
  if ('defaultMessage' in raw && typeof raw.defaultMessage === 'string') return [raw.defaultMessage];
  return Object.values(raw).flatMap(nestedMessages);
}

/** What the Content Manager passes to a custom field's input (the form value comes from `useField`). */
export interface TranscriptInputProps {
  name: string;
  label: React.ReactNode;
  labelAction?: React.ReactNode;
  hint?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
}

const EMPTY: Transcript = { sections: [] };

/**
 * The `plugin::lessons.transcript` custom field: edits the JSON transcript as sections and
 * paragraphs, imports WebVTT/SRT captions, and checks it live with the schema the server saves with.
 * Built for three-hour lectures: only the rows in view are mounted, typing stays inside the
 * paragraph until a pause, and only what changed is checked again.
 */
export default function TranscriptInput({
  name,
  label,
  labelAction,
  hint,
  required,
  disabled,
}: TranscriptInputProps) {
  const t = useT();
  const field = useField<unknown>(name);
  const transcript = React.useMemo(() => readTranscript(field.value), [field.value]);
  const hasValue = field.value != null && field.value !== '';
  const issues = React.useMemo(
    () => new IssueIndex(transcript && hasValue ? transcriptIssuesOf(transcript) : []),
    [transcript, hasValue],
  );

  // Edits apply to the latest transcript, even when two land before the next render.
  const latest = React.useRef<Transcript>(transcript ?? EMPTY);
  latest.current = transcript ?? EMPTY;
  const { onChange } = field;
  const onEdit = React.useCallback(
    (edit: TranscriptEdit) => {
      const next = edit(latest.current);
      if (next === latest.current) return;
      latest.current = next;
      onChange(name, next);
    },
    [name, onChange],
  );

  const [collapsed, setCollapsed] = React.useState<ReadonlySet<number>>(new Set());
  const replace = React.useCallback(
    (next: Transcript) => {
      setCollapsed(new Set());
      onEdit(() => next);
    },
    [onEdit],
  );
  const onToggleSection = React.useCallback((index: number) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(index)) next.add(index);
      return next;
    });
  }, []);
  const onMoveSection = React.useCallback(
    (index: number, delta: -1 | 1) => {
      const to = index + delta;
      if (to < 0 || to >= latest.current.sections.length) return;
      setCollapsed((current) => collapsedAfterMove(current, index, to));
      onEdit((tr) => moveSection(tr, index, delta));
    },
    [onEdit],
  );
  const onRemoveSection = React.useCallback(
    (index: number) => {
      setCollapsed((current) => collapsedAfterRemove(current, index));
      onEdit((tr) => removeSection(tr, index));
    },
    [onEdit],
  );

  const shown = transcript ?? EMPTY;
  const rows = React.useMemo(() => rowsOf(shown, collapsed), [shown, collapsed]);
  const allCollapsed = shown.sections.length > 0 && collapsed.size >= shown.sections.length;

  // Bringing a paragraph into view first unfolds its section.
  const [reveal, setReveal] = React.useState<RevealRequest>();
  const revealCount = React.useRef(0);
  const goTo = React.useCallback((at: ParagraphAt, focus: boolean) => {
    setCollapsed((current) => {
      if (!current.has(at.section)) return current;
      const next = new Set(current);
      next.delete(at.section);
      return next;
    });
    setReveal({ at, focus, id: ++revealCount.current });
  }, []);

  const onJump = React.useCallback(
    (seconds: number) => {
      const at = paragraphAtTime(latest.current, seconds);
      if (at) goTo(at, true);
      return at !== undefined;
    },
    [goTo],
  );

  const [query, setQuery] = React.useState('');
  const [currentMatch, setCurrentMatch] = React.useState(-1);
  const matches = React.useMemo(() => findInTranscript(shown, query), [shown, query]);
  const current = currentMatch < matches.length ? currentMatch : -1;
  const onStep = React.useCallback(
    (delta: -1 | 1) => {
      if (matches.length === 0) return;
      const next =
        current < 0
          ? delta > 0
            ? 0
            : matches.length - 1
          : (current + delta + matches.length) % matches.length;
      setCurrentMatch(next);
      goTo(matches[next]!, false);
    },
    [matches, current, goTo],
  );
  const onQueryChange = React.useCallback((next: string) => {
    setQuery(next);
    setCurrentMatch(-1);
  }, []);
  const sectionCount = shown.sections.length;
  const onCollapseAll = React.useCallback(
    (collapse: boolean) =>
      setCollapsed(collapse ? new Set(Array.from({ length: sectionCount }, (_, i) => i)) : new Set()),
    [sectionCount],
  );

  const review = useReview(name);
  const toReview = React.useMemo(() => {
    const places: ParagraphAt[] = [];
    shown.sections.forEach((s, section) =>
      s.paragraphs.forEach((p, index) => review.byParagraph.has(p.id) && places.push({ section, index })),
    );
    return places;
  }, [shown, review.byParagraph]);

  const paragraphs = transcript ? paragraphCount(transcript) : 0;
  const readable = transcript !== null;
  const summary = React.useMemo(
    () =>
      readable && (
        <Typography variant="pi" textColor="neutral600">
          {t('transcript.summary', { sections: sectionCount, paragraphs })}
        </Typography>
      ),
    [readable, sectionCount, paragraphs, t],
  );
  const error = field.error ?? (nestedMessages(field.rawError).join(' ') || undefined);
  return (
    <Field.Root name={name} hint={hint} error={error} required={required}>
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <Box background="neutral100" hasRadius borderColor={error ? 'danger600' : 'neutral200'} padding={4}>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <CaptionsImport
              currentParagraphs={paragraphs}
              disabled={disabled}
              onImport={replace}
              aside={summary}
            />

            {transcript === null ? (
              <Flex direction="column" alignItems="flex-start" gap={3}>
                <Typography textColor="danger600">{t('transcript.unreadable')}</Typography>
                {!disabled && (
                  <Button variant="danger-light" onClick={() => replace({ sections: [] })}>
                    {t('transcript.startOver')}
                  </Button>
                )}
              </Flex>
            ) : (
              <>
                {transcript.sections.length === 0 ? (
                  <Typography textColor="neutral600">{t('transcript.empty')}</Typography>
                ) : (
                  <Flex gap={4} alignItems="flex-start" wrap="wrap">
                    <JumpToTime onJump={onJump} />
                    <FindInTranscript
                      query={query}
                      onQueryChange={onQueryChange}
                      matches={matches}
                      current={current}
                      onStep={onStep}
                    />
                    <CollapseAll collapsed={allCollapsed} onChange={onCollapseAll} />
                  </Flex>
                )}
                <ToReview places={toReview} onGo={(at) => goTo(at, true)} />
                <TranscriptRows
                  name={name}
                  transcript={transcript}
                  rows={rows}
                  collapsed={collapsed}
                  issues={issues}
                  currentMatch={current >= 0 ? matches[current] : undefined}
                  reveal={reveal}
                  disabled={disabled}
                  onEdit={onEdit}
                  onToggleSection={onToggleSection}
                  onMoveSection={onMoveSection}
                  onRemoveSection={onRemoveSection}
                  reviews={review.byParagraph}
                  onStillCorrect={review.stillCorrect}
                />
                {!disabled && (
                  <Box>
                    <Button variant="secondary" startIcon={<Plus />} onClick={() => onEdit(addSection)}>
                      {t('transcript.section.add')}
                    </Button>
                  </Box>
                )}
                <IssueList issues={issues.all} />
              </>
            )}
          </Flex>
        </Box>
        <Field.Hint />
        <Field.Error />
      </Flex>
    </Field.Root>
  );
}
