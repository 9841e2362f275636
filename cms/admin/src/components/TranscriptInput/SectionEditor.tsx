import { Box, Button, Dialog, Field, Flex, IconButton, TextInput, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, ChevronDown, ChevronRight, Plus, Trash } from '@strapi/icons';
import { ConfirmDialog } from '@strapi/strapi/admin';
import * as React from 'react';
import { styled } from 'styled-components';
import { useT } from '../../translations';
import { addParagraph, setHeading, type TranscriptEdit } from './edit';
import { useBufferedValue } from './useBufferedValue';

/**
 * A section is drawn as a card made of its rows (header, paragraphs, footer), each row drawing its
 * own part of the border: only the rows in view are mounted, so no element wraps the whole card.
 * A paragraph after the first is set off by a line.
 */
export const SectionPart = styled.div<{
  $part: 'header' | 'collapsed' | 'paragraph' | 'footer';
  $divider?: boolean;
}>`
  background: ${({ theme }) => theme.colors.neutral0};
  border: 1px solid ${({ theme }) => theme.colors.neutral200};
  border-top: ${({ $part, $divider, theme }) =>
    $part === 'header' || $part === 'collapsed'
      ? `1px solid ${theme.colors.neutral200}`
      : $divider
        ? `1px solid ${theme.colors.neutral150}`
        : 'none'};
  border-bottom-width: ${({ $part }) => ($part === 'footer' || $part === 'collapsed' ? '1px' : '0')};
  border-radius: ${({ $part, theme }) =>
    $part === 'header'
      ? `${theme.borderRadius} ${theme.borderRadius} 0 0`
      : $part === 'footer'
        ? `0 0 ${theme.borderRadius} ${theme.borderRadius}`
        : $part === 'collapsed'
          ? theme.borderRadius
          : '0'};
  padding: ${({ $part, theme }) =>
    $part === 'header'
      ? `${theme.spaces[4]} ${theme.spaces[4]} ${theme.spaces[2]}`
      : $part === 'collapsed'
        ? theme.spaces[4]
        : $part === 'footer'
          ? `${theme.spaces[2]} ${theme.spaces[4]} ${theme.spaces[4]}`
          : `0 ${theme.spaces[2]}`};
`;

interface SectionHeaderProps {
  name: string;
  index: number;
  heading: string;
  paragraphs: number;
  /** Whether removing the section loses words (asks first). */
  hasText: boolean;
  isFirst: boolean;
  isLast: boolean;
  collapsed: boolean;
  headingError?: string;
  sectionError?: string;
  disabled?: boolean;
  onEdit: (edit: TranscriptEdit) => void;
  onToggle: (index: number) => void;
  onMove: (index: number, delta: -1 | 1) => void;
  onRemove: (index: number) => void;
}

/** A section's heading (empty for the opening paragraphs), with buttons to fold, move or remove it. */
export const SectionHeader = React.memo(function SectionHeader({
  name,
  index,
  heading,
  paragraphs,
  hasText,
  isFirst,
  isLast,
  collapsed,
  headingError,
  sectionError,
  disabled,
  onEdit,
  onToggle,
  onMove,
  onRemove,
}: SectionHeaderProps) {
  const t = useT();
  const number = index + 1;
  const [confirmingRemove, setConfirmingRemove] = React.useState(false);
  const text = useBufferedValue(heading, (value) => onEdit((tr) => setHeading(tr, index, value)));

  return (
    <SectionPart $part={collapsed ? 'collapsed' : 'header'}>
      <Flex gap={3} alignItems="flex-end">
        <Box paddingBottom={isFirst ? 6 : 0}>
          <IconButton
            label={t(collapsed ? 'transcript.section.expand' : 'transcript.section.collapse', { number })}
            aria-expanded={!collapsed}
            variant="ghost"
            onClick={() => onToggle(index)}
          >
            {collapsed ? <ChevronRight /> : <ChevronDown />}
          </IconButton>
        </Box>
        <Box flex="1">
          <Field.Root
            name={`${name}.sections.${index}.heading`}
            hint={isFirst ? t('transcript.section.headingHint') : undefined}
            error={headingError}
          >
            <Field.Label>{t('transcript.section.heading', { number })}</Field.Label>
            <TextInput
              value={text.draft}
              placeholder={t('transcript.section.headingPlaceholder')}
              disabled={disabled}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => text.change(e.target.value)}
              onBlur={text.flush}
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </Box>
        {!disabled && (
          <Flex gap={1} paddingBottom={isFirst ? 6 : 0}>
            <IconButton
              label={t('transcript.section.moveUp', { number })}
              variant="ghost"
              disabled={isFirst}
              onClick={() => onMove(index, -1)}
            >
              <ArrowUp />
            </IconButton>
            <IconButton
              label={t('transcript.section.moveDown', { number })}
              variant="ghost"
              disabled={isLast}
              onClick={() => onMove(index, 1)}
            >
              <ArrowDown />
            </IconButton>
            <IconButton
              label={t('transcript.section.remove', { number })}
              variant="ghost"
              onClick={() => (hasText ? setConfirmingRemove(true) : onRemove(index))}
            >
              <Trash />
            </IconButton>
          </Flex>
        )}
      </Flex>

      {collapsed && (
        <Typography variant="pi" textColor="neutral600" tag="p" paddingTop={2}>
          {t('transcript.section.collapsedSummary', { paragraphs })}
        </Typography>
      )}
      {sectionError && (
        <Typography variant="pi" textColor="danger600" tag="p" paddingTop={2}>
          {sectionError}
        </Typography>
      )}

      <Dialog.Root open={confirmingRemove} onOpenChange={setConfirmingRemove}>
        <ConfirmDialog
          title={t('transcript.section.removeConfirm.title')}
          variant="danger"
          onConfirm={() => {
            setConfirmingRemove(false);
            onRemove(index);
          }}
        >
          {t('transcript.section.removeConfirm.body', { number, paragraphs })}
        </ConfirmDialog>
      </Dialog.Root>
    </SectionPart>
  );
});

/** The end of a section's card: the button that adds a paragraph to it. */
export const SectionFooter = React.memo(function SectionFooter({
  index,
  disabled,
  onEdit,
}: {
  index: number;
  disabled?: boolean;
  onEdit: (edit: TranscriptEdit) => void;
}) {
  const t = useT();
  return (
    <SectionPart $part="footer">
      {!disabled && (
        <Button
          variant="tertiary"
          size="S"
          startIcon={<Plus />}
          onClick={() => onEdit((tr) => addParagraph(tr, index))}
        >
          {t('transcript.paragraph.add')}
        </Button>
      )}
    </SectionPart>
  );
});
