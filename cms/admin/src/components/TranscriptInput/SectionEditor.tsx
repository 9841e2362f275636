import type { Section } from '@lessons/shared';
import { Box, Button, Dialog, Divider, Field, Flex, IconButton, TextInput, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Plus, Trash } from '@strapi/icons';
import { ConfirmDialog } from '@strapi/strapi/admin';
import * as React from 'react';
import { useT } from '../../translations';
import { addParagraph, moveSection, removeSection, setHeading, type TranscriptEdit } from './edit';
import { messagesAt, type TranscriptIssue } from './issues';
import { ParagraphEditor } from './ParagraphEditor';

interface SectionEditorProps {
  name: string;
  index: number;
  section: Section;
  isFirst: boolean;
  isLast: boolean;
  issues: readonly TranscriptIssue[];
  disabled?: boolean;
  onEdit: (edit: TranscriptEdit) => void;
}

/** A section: its heading (empty for the opening paragraphs) and its paragraphs. */
export function SectionEditor({ name, index, section, isFirst, isLast, issues, disabled, onEdit }: SectionEditorProps) {
  const t = useT();
  const number = index + 1;
  const [confirmingRemove, setConfirmingRemove] = React.useState(false);
  const hasText = section.heading.trim() !== '' || section.paragraphs.some((p) => p.text.trim() !== '');
  const sectionError = messagesAt(issues, { section: number, fields: [undefined] });

  const remove = () => onEdit((tr) => removeSection(tr, index));
  // Ids are unique in a valid transcript; a stored one may repeat them, keys must not.
  const seen = new Set<string>();
  const keys = section.paragraphs.map((p, i) => {
    const key = seen.has(p.id) ? `${p.id}#${i}` : p.id;
    seen.add(p.id);
    return key;
  });

  return (
    <Box background="neutral0" hasRadius borderColor="neutral200" padding={4} tag="section" aria-label={t('transcript.section.title', { number })}>
      <Flex gap={3} alignItems="flex-end">
        <Box flex="1">
          <Field.Root
            name={`${name}.sections.${index}.heading`}
            hint={isFirst ? t('transcript.section.headingHint') : undefined}
            error={messagesAt(issues, { section: number, fields: ['heading'] })}
          >
            <Field.Label>{t('transcript.section.heading', { number })}</Field.Label>
            <TextInput
              value={section.heading}
              placeholder={t('transcript.section.headingPlaceholder')}
              disabled={disabled}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => onEdit((tr) => setHeading(tr, index, e.target.value))}
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
              onClick={() => onEdit((tr) => moveSection(tr, index, -1))}
            >
              <ArrowUp />
            </IconButton>
            <IconButton
              label={t('transcript.section.moveDown', { number })}
              variant="ghost"
              disabled={isLast}
              onClick={() => onEdit((tr) => moveSection(tr, index, 1))}
            >
              <ArrowDown />
            </IconButton>
            <IconButton
              label={t('transcript.section.remove', { number })}
              variant="ghost"
              onClick={() => (hasText ? setConfirmingRemove(true) : remove())}
            >
              <Trash />
            </IconButton>
          </Flex>
        )}
      </Flex>

      {sectionError && (
        <Typography variant="pi" textColor="danger600" tag="p" paddingTop={2}>
          {sectionError}
        </Typography>
      )}

      <Box paddingTop={2}>
        {section.paragraphs.map((paragraph, i) => (
          <React.Fragment key={keys[i]}>
            {i > 0 && <Divider />}
            <ParagraphEditor
              name={name}
              section={index}
              index={i}
              paragraph={paragraph}
              canMoveUp={!(isFirst && i === 0)}
              canMoveDown={!(isLast && i === section.paragraphs.length - 1)}
              textError={messagesAt(issues, { section: number, paragraph: i + 1, fields: ['text', 'id', undefined] })}
              startError={messagesAt(issues, { section: number, paragraph: i + 1, fields: ['start'] })}
              endError={messagesAt(issues, { section: number, paragraph: i + 1, fields: ['end'] })}
              disabled={disabled}
              onEdit={onEdit}
            />
          </React.Fragment>
        ))}
      </Box>

      {!disabled && (
        <Button variant="tertiary" size="S" startIcon={<Plus />} onClick={() => onEdit((tr) => addParagraph(tr, index))}>
          {t('transcript.paragraph.add')}
        </Button>
      )}

      <Dialog.Root open={confirmingRemove} onOpenChange={setConfirmingRemove}>
        <ConfirmDialog
          title={t('transcript.section.removeConfirm.title')}
          variant="danger"
          onConfirm={() => {
            setConfirmingRemove(false);
            remove();
          }}
        >
          {t('transcript.section.removeConfirm.body', { number, paragraphs: section.paragraphs.length })}
        </ConfirmDialog>
      </Dialog.Root>
    </Box>
  );
}
