import type { Paragraph } from '@lessons/shared';
import { Box, Field, Flex, IconButton, Textarea, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Trash } from '@strapi/icons';
import * as React from 'react';
import { useT } from '../../translations';
import { moveParagraph, removeParagraph, updateParagraph, type TranscriptEdit } from './edit';
import { TimeInput } from './TimeInput';

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
  disabled?: boolean;
  onEdit: (edit: TranscriptEdit) => void;
}

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
  disabled,
  onEdit,
}: ParagraphEditorProps) {
  const t = useT();
  const number = index + 1;
  const fieldName = `${name}.sections.${section}.paragraphs.${index}`;
  return (
    <Flex gap={3} alignItems="flex-start" paddingTop={3} paddingBottom={3}>
      <Box flex="1" minWidth={0}>
        <Field.Root name={`${fieldName}.text`} error={textError}>
          <Field.Label>
            {t('transcript.paragraph.title', { number })}
            <Typography variant="pi" textColor="neutral500" fontWeight="regular" paddingLeft={2}>
              {paragraph.id}
            </Typography>
          </Field.Label>
          <Textarea
            value={paragraph.text}
            disabled={disabled}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
              onEdit((tr) => updateParagraph(tr, section, index, { text: e.target.value }))
            }
          />
          <Field.Error />
        </Field.Root>
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
