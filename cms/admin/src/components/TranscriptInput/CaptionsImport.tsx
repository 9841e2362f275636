import { CaptionsImportError, parseCaptions, type CaptionFormat, type Transcript } from '@lessons/shared';
import { Alert, Box, Button, Dialog, Flex, VisuallyHidden } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { ConfirmDialog } from '@strapi/strapi/admin';
import * as React from 'react';
import { useT } from '../../translations';
import { paragraphCount } from './edit';

interface CaptionsImportProps {
  /** Paragraphs in the transcript now: importing over them asks first. */
  currentParagraphs: number;
  /** Shown on the button's row, across from it. */
  aside?: React.ReactNode;
  disabled?: boolean;
  onImport: (transcript: Transcript) => void;
}

type Outcome = { kind: 'error'; message: string } | { kind: 'done'; file: string; transcript: Transcript };

const formatOf = (fileName: string): CaptionFormat | undefined => {
  const extension = fileName.toLowerCase().split('.').pop();
  return extension === 'vtt' || extension === 'srt' ? extension : undefined;
};

/** Reads a WebVTT or SRT file into a transcript, with the shared caption parser. */
export const CaptionsImport = React.memo(function CaptionsImport({
  currentParagraphs,
  aside,
  disabled,
  onImport,
}: CaptionsImportProps) {
  const t = useT();
  const input = React.useRef<HTMLInputElement>(null);
  const [reading, setReading] = React.useState(false);
  const [pending, setPending] = React.useState<{ file: string; transcript: Transcript } | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);

  const apply = (file: string, transcript: Transcript) => {
    onImport(transcript);
    setOutcome({ kind: 'done', file, transcript });
  };

  const read = async (file: File) => {
    setOutcome(null);
    setReading(true);
    try {
      const transcript = await parseCaptions(await file.text(), { format: formatOf(file.name) });
      if (currentParagraphs > 0) setPending({ file: file.name, transcript });
      else apply(file.name, transcript);
    } catch (error) {
      setOutcome({
        kind: 'error',
        message:
          error instanceof CaptionsImportError ? error.message : t('transcript.import.error.unreadable'),
      });
    } finally {
      setReading(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Box>
      <VisuallyHidden>
        <input
          ref={input}
          type="file"
          accept=".vtt,.srt,text/vtt,application/x-subrip"
          tabIndex={-1}
          aria-label={t('transcript.import.button')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void read(file);
          }}
        />
      </VisuallyHidden>
      <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
        <Button
          variant="secondary"
          startIcon={<Upload />}
          loading={reading}
          disabled={disabled}
          onClick={() => input.current?.click()}
        >
          {t('transcript.import.button')}
        </Button>
        {aside}
      </Flex>

      {outcome?.kind === 'error' && (
        <Box paddingTop={3}>
          <Alert
            variant="danger"
            title={t('transcript.import.error.title')}
            closeLabel={t('common.close')}
            onClose={() => setOutcome(null)}
          >
            {outcome.message}
          </Alert>
        </Box>
      )}
      {outcome?.kind === 'done' && (
        <Box paddingTop={3}>
          <Alert variant="success" closeLabel={t('common.close')} onClose={() => setOutcome(null)}>
            {t('transcript.import.done', {
              file: outcome.file,
              paragraphs: paragraphCount(outcome.transcript),
              sections: outcome.transcript.sections.length,
            })}
          </Alert>
        </Box>
      )}

      <Dialog.Root open={pending !== null} onOpenChange={(open) => !open && setPending(null)}>
        {pending && (
          <ConfirmDialog
            title={t('transcript.import.confirm.title')}
            variant="danger-light"
            onConfirm={() => {
              apply(pending.file, pending.transcript);
              setPending(null);
            }}
          >
            {t('transcript.import.confirm.body', {
              file: pending.file,
              paragraphs: paragraphCount(pending.transcript),
              current: currentParagraphs,
            })}
          </ConfirmDialog>
        )}
      </Dialog.Root>
    </Box>
  );
});
