import type { Paragraph, ReviewMark } from '@lessons/shared';
import { Box, Field, Flex, IconButton, Textarea, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Trash } from '@strapi/icons';
import * as React from 'react';
import { useT } from '../../translations';
import {
  moveParagraph,
  removeParagraph,
  setParagraphText,
  updateParagraph,
  type ParagraphPlace,
  type TranscriptEdit,
} from './edit';
import { ReviewNote } from './ReviewNote';
import { TimeInput } from './TimeInput';
import { useBufferedValue } from './useBufferedValue';

interface ParagraphEditorProps {
  name: string;
  section: number;
  index: number;
  paragraph: Paragraph;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** What is wrong with the text (or the paragraph as a whole), the start and the end. */
  textError?: string;
  startError?: string;
  endError?: string;
  /** The paragraph "Find in transcript" is on. */
  isCurrentMatch?: boolean;
  disabled?: boolean;
  onEdit: (edit: TranscriptEdit) => void;
  /** Hands the text box to the editor, so "jump to time" can focus it. */
  textareaRef?: (element: HTMLTextAreaElement | null) => void;
  /** Its other language changed over the same time: "source changed — review". */
  review?: ReviewMark[];
  onStillCorrect?: (paragraphId: string) => void;
}

interface ParagraphTextProps {
  fieldName: string;
  number: number;
  place: ParagraphPlace;
  text: string;
  error?: string;
  disabled?: boolean;
  onEdit: (edit: TranscriptEdit) => void;
  textareaRef?: (element: HTMLTextAreaElement | null) => void;
}

/**
 * The paragraph's text box. It holds what is typed and hands it to the form on a pause or on
 * blur, so a keystroke re-renders this box alone (not the times, the buttons, or the form).
 */
const ParagraphText = React.memo(function ParagraphText({
  fieldName,
  number,
  place,
  text,
  error,
  disabled,
  onEdit,
  textareaRef,
}: ParagraphTextProps) {
  const t = useT();
  const buffered = useBufferedValue(text, (value) => onEdit((tr) => setParagraphText(tr, place, value)));
  return (
    <Field.Root name={`${fieldName}.text`} error={error}>
      <Field.Label>
        {t('transcript.paragraph.title', { number })}
        <Typography variant="pi" textColor="neutral500" fontWeight="regular" paddingLeft={2}>
          {place.id}
        </Typography>
      </Field.Label>
      <Textarea
        ref={textareaRef}
        value={buffered.draft}
        disabled={disabled}
        onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => buffered.change(e.target.value)}
        onBlur={buffered.flush}
      />
      <Field.Error />
    </Field.Root>
  );
});

/** One paragraph: its text, its optional start and end times, and buttons to move or remove it. */
export const ParagraphEditor = React.memo(function ParagraphEditor({
  name,
  section,
  index,
  paragraph,
  canMoveUp,
  canMoveDown,
  textError,
  startError,
  endError,
  isCurrentMatch,
  disabled,
  onEdit,
  textareaRef,
  review,
  onStillCorrect,
}: ParagraphEditorProps) {
  const t = useT();
  const number = index + 1;
  const fieldName = `${name}.sections.${section}.paragraphs.${index}`;
  const place = React.useMemo(() => ({ section, index, id: paragraph.id }), [section, index, paragraph.id]);
  return (
    <Flex
      gap={3}
      alignItems="flex-start"
      paddingTop={3}
      paddingBottom={3}
      paddingLeft={2}
      paddingRight={2}
      hasRadius
      background={isCurrentMatch ? 'primary100' : undefined}
      data-current-match={isCurrentMatch || undefined}
    >
      <Box flex="1" minWidth={0}>
        <ParagraphText
          fieldName={fieldName}
          number={number}
          place={place}
          text={paragraph.text}
          error={textError}
          disabled={disabled}
          onEdit={onEdit}
          textareaRef={textareaRef}
        />
        {review && review.length > 0 && (
          <ReviewNote
            number={number}
            marks={review}
            disabled={disabled}
            onStillCorrect={onStillCorrect && (() => onStillCorrect(paragraph.id))}
          />
        )}
      </Box>
      <Flex direction="column" gap={2} alignItems="stretch">
        <TimeInput
          name={`${fieldName}.start`}
          label={t('transcript.paragraph.start')}
          value={paragraph.start}
          error={startError}
          disabled={disabled}
          onChange={(start) => onEdit((tr) => updateParagraph(tr, section, index, { start }))}
        />
        <TimeInput
          name={`${fieldName}.end`}
          label={t('transcript.paragraph.end')}
          value={paragraph.end}
          error={endError}
          disabled={disabled}
          onChange={(end) => onEdit((tr) => updateParagraph(tr, section, index, { end }))}
        />
      </Flex>
      {!disabled && (
        <Flex direction="column" gap={1} paddingTop={6}>
          <IconButton
            label={t('transcript.paragraph.moveUp', { number })}
            variant="ghost"
            disabled={!canMoveUp}
            onClick={() => onEdit((tr) => moveParagraph(tr, section, index, -1))}
          >
            <ArrowUp />
          </IconButton>
          <IconButton
            label={t('transcript.paragraph.moveDown', { number })}
            variant="ghost"
            disabled={!canMoveDown}
            onClick={() => onEdit((tr) => moveParagraph(tr, section, index, 1))}
          >
            <ArrowDown />
          </IconButton>
          <IconButton
            label={t('transcript.paragraph.remove', { number })}
            variant="ghost"
            onClick={() => onEdit((tr) => removeParagraph(tr, section, index))}
          >
            <Trash />
          </IconButton>
        </Flex>
      )}
    </Flex>
  );
});
