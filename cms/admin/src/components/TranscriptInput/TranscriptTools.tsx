import { Box, Button, Field, Flex, IconButton, TextInput } from '@strapi/design-system';
import { ChevronDown, ChevronUp } from '@strapi/icons';
import * as React from 'react';
import { useT } from '../../translations';
import { parseTime } from '../../utils/time';
import type { ParagraphAt } from './navigate';

/**
 * "Jump to time": the editor types a time of the video (`1:02:30`), and the paragraph spoken then
 * is scrolled to and focused. `onJump` answers false when no paragraph has times.
 */
export const JumpToTime = React.memo(function JumpToTime({
  onJump,
}: {
  onJump: (seconds: number) => boolean;
}) {
  const t = useT();
  const [text, setText] = React.useState('');
  const [error, setError] = React.useState<string>();
  const jump = () => {
    const seconds = parseTime(text);
    if (seconds === null) setError(t('transcript.time.invalid'));
    else setError(onJump(seconds) ? undefined : t('transcript.tools.jump.untimed'));
  };
  return (
    <Flex gap={2} alignItems="flex-start">
      <Box width="12rem">
        <Field.Root name="transcript-jump-to-time" error={error}>
          <Field.Label>{t('transcript.tools.jump.label')}</Field.Label>
          <TextInput
            value={text}
            placeholder={t('transcript.tools.jump.placeholder')}
            autoComplete="off"
            inputMode="decimal"
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
              setText(e.target.value);
              setError(undefined);
            }}
            onKeyDown={(e: React.KeyboardEvent) => {
              // Enter would submit the Content Manager's form.
              if (e.key === 'Enter') {
                e.preventDefault();
                jump();
              }
            }}
          />
          <Field.Error />
        </Field.Root>
      </Box>
      <Box paddingTop={6}>
        <Button variant="secondary" onClick={jump} disabled={text.trim() === ''}>
          {t('transcript.tools.jump.button')}
        </Button>
      </Box>
    </Flex>
  );
});

interface FindInTranscriptProps {
  query: string;
  onQueryChange: (query: string) => void;
  matches: readonly ParagraphAt[];
  /** Index into `matches`; -1 before the first "next". */
  current: number;
  onStep: (delta: -1 | 1) => void;
}

/**
 * Find in the transcript: counts the paragraphs that contain the words (all of them, not only the
 * ones on screen), and steps through them, bringing each into view.
 */

export const FindInTranscript = React.memo(function FindInTranscript({
  query,
  onQueryChange,
  matches,
  current,
  onStep,
}: FindInTranscriptProps) {
  const t = useT();
  const at = matches[current];
  const status =
    query.trim() === ''
      ? ''
      : matches.length === 0
        ? t('transcript.tools.find.none')
        : at
          ? t('transcript.tools.find.current', {
              current: current + 1,
              total: matches.length,
              section: at.section + 1,
              paragraph: at.index + 1,
            })
          : t('transcript.tools.find.count', { total: matches.length });
  return (
    <Flex gap={2} alignItems="flex-start">
      <Box width="16rem">
        <Field.Root name="transcript-find" hint={status || undefined}>
          <Field.Label>{t('transcript.tools.find.label')}</Field.Label>
          <TextInput
            type="search"
            value={query}
            autoComplete="off"
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => onQueryChange(e.target.value)}
            onKeyDown={(e: React.KeyboardEvent) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                onStep(e.shiftKey ? -1 : 1);
              }
            }}
          />
          <Box aria-live="polite">
            <Field.Hint />
          </Box>
        </Field.Root>
      </Box>
      <Flex gap={1} paddingTop={6}>
        <IconButton
          label={t('transcript.tools.find.previous')}
          variant="tertiary"
          disabled={matches.length === 0}
          onClick={() => onStep(-1)}
        >
          <ChevronUp />
        </IconButton>
        <IconButton
          label={t('transcript.tools.find.next')}
          variant="tertiary"
          disabled={matches.length === 0}
          onClick={() => onStep(1)}
        >
          <ChevronDown />
        </IconButton>
      </Flex>
    </Flex>
  );
});

/** Folds or unfolds every section at once. */

export const CollapseAll = React.memo(function CollapseAll({
  collapsed,
  onChange,
}: {
  collapsed: boolean;
  onChange: (collapse: boolean) => void;
}) {
  const t = useT();
  return (
    <Box paddingTop={6}>
      <Button variant="tertiary" onClick={() => onChange(!collapsed)}>
        {t(collapsed ? 'transcript.tools.expandAll' : 'transcript.tools.collapseAll')}
      </Button>
    </Box>
  );
});
