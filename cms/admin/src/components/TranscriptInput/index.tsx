import type { Transcript } from '@lessons/shared';
import { Box, Button, Field, Flex, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useField } from '@strapi/strapi/admin';
import * as React from 'react';
import { useT } from '../../translations';
import { CaptionsImport } from './CaptionsImport';
import { addSection, paragraphCount, readTranscript, type TranscriptEdit } from './edit';
import { IssueList } from './IssueList';
import { transcriptIssues } from './issues';
import { SectionEditor } from './SectionEditor';

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

/**
 * The `plugin::lessons.transcript` custom field: edits the JSON transcript as sections and
 * paragraphs, imports WebVTT/SRT captions, and checks it live with the schema the server saves with.
 */
export default function TranscriptInput({ name, label, labelAction, hint, required, disabled }: TranscriptInputProps) {
  const t = useT();
  const field = useField<unknown>(name);
  const transcript = React.useMemo(() => readTranscript(field.value), [field.value]);
  const issues = React.useMemo(
    () => (transcript && field.value != null && field.value !== '' ? transcriptIssues(transcript) : []),
    [transcript, field.value],
  );

  // Edits apply to the latest transcript, even when two land before the next render.
  const latest = React.useRef<Transcript>(transcript ?? { sections: [] });
  latest.current = transcript ?? { sections: [] };
  const { onChange } = field;
  const onEdit = React.useCallback(
    (edit: TranscriptEdit) => {
      const next = edit(latest.current);
      latest.current = next;
      onChange(name, next);
    },
    [name, onChange],
  );
  const replace = React.useCallback((next: Transcript) => onEdit(() => next), [onEdit]);

  const paragraphs = transcript ? paragraphCount(transcript) : 0;
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
              aside={
                transcript && (
                  <Typography variant="pi" textColor="neutral600">
                    {t('transcript.summary', { sections: transcript.sections.length, paragraphs })}
                  </Typography>
                )
              }
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
                {transcript.sections.length === 0 && (
                  <Typography textColor="neutral600">{t('transcript.empty')}</Typography>
                )}
                {transcript.sections.map((section, i) => (
                  <SectionEditor
                    key={i}
                    name={name}
                    index={i}
                    section={section}
                    isFirst={i === 0}
                    isLast={i === transcript.sections.length - 1}
                    issues={issues}
                    disabled={disabled}
                    onEdit={onEdit}
                  />
                ))}
                {!disabled && (
                  <Box>
                    <Button variant="secondary" startIcon={<Plus />} onClick={() => onEdit(addSection)}>
                      {t('transcript.section.add')}
                    </Button>
                  </Box>
                )}
                <IssueList issues={issues} />
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
