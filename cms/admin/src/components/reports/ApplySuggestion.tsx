import { Box, Button, Dialog, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { Magic } from '@strapi/icons';
import { ConfirmDialog, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { errorMessage } from '../../api/errors';
import { useReportActions, type ReportDetail } from '../../api/reports';
import { useT } from '../../translations';
import { ReporterMail } from './ReporterMail';
import { STATE_LABELS } from './StateBadge';

interface ApplySuggestionProps {
  report: ReportDetail;
  onApplied: () => void;
}

/**
 * Replaces the quoted words in the lesson's transcript with the reader's suggestion (which the
 * editor may reword first), after a confirmation that shows the change.
 */
export function ApplySuggestion({ report, onApplied }: ApplySuggestionProps) {
  const t = useT();
  const { toggleNotification } = useNotification();
  const { applySuggestion } = useReportActions();
  const [replacement, setReplacement] = React.useState(report.suggestion ?? '');
  const [note, setNote] = React.useState('');
  const [includeNote, setIncludeNote] = React.useState(false);
  const [confirming, setConfirming] = React.useState(false);
  const [applying, setApplying] = React.useState(false);

  React.useEffect(() => {
    setReplacement(report.suggestion ?? '');
    setNote('');
    setIncludeNote(false);
  }, [report.id, report.suggestion]);

  const context = report.context;
  const current = context ? context.text.slice(context.start, context.end) : '';

  const apply = async () => {
    setConfirming(false);
    setApplying(true);
    try {
      const row = await applySuggestion(report.id, {
        replacement,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(includeNote ? { includeNote: true } : {}),
      });
      toggleNotification({
        type: 'success',
        message: t('report.apply.done', { state: t(STATE_LABELS[row.state]) }),
      });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error, t('report.apply.failed')) });
    } finally {
      setApplying(false);
      // Either way the report (and where its words stand) may have changed.
      onApplied();
    }
  };

  const title = (
    <Typography variant="delta" tag="h2">
      {t('report.apply.title')}
    </Typography>
  );
  if (!context) {
    return (
      <Flex direction="column" alignItems="stretch" gap={3}>
        {title}
        <Typography textColor="neutral600">{t('report.apply.notFound')}</Typography>
      </Flex>
    );
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {title}
      <Field.Root name="replacement" hint={t('report.apply.hint')}>
        <Field.Label>{t('report.apply.replacement')}</Field.Label>
        <Textarea
          value={replacement}
          maxLength={4000}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReplacement(e.target.value)}
        />
        <Field.Hint />
      </Field.Root>
      <Field.Root name="applyNote">
        <Field.Label>{t('report.note')}</Field.Label>
        <Textarea
          value={note}
          maxLength={4000}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNote(e.target.value)}
        />
      </Field.Root>
      <ReporterMail report={report} includeNote={includeNote} onIncludeNoteChange={setIncludeNote} />
      <Flex justifyContent="flex-end">
        <Button
          startIcon={<Magic />}
          disabled={replacement === '' || replacement === current}
          loading={applying}
          onClick={() => setConfirming(true)}
        >
          {t('report.apply.button')}
        </Button>
      </Flex>

      <Dialog.Root open={confirming} onOpenChange={setConfirming}>
        <ConfirmDialog title={t('report.apply.confirm.title')} onConfirm={apply}>
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Typography tag="p">
              {t('report.apply.confirm.replace', { before: current, after: replacement })}
            </Typography>
            <Box>
              <Typography variant="pi" textColor="neutral600">
                {t('report.apply.confirm.where', {
                  lesson: report.lesson.title ?? report.lesson.documentId,
                  locale: report.lesson.locale,
                })}
              </Typography>
            </Box>
          </Flex>
        </ConfirmDialog>
      </Dialog.Root>
    </Flex>
  );
}
