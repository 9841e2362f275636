import { REPORT_TRANSITIONS, type ReportState } from '@lessons/shared';
import {
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { errorMessage } from '../../api/errors';
import { useReportActions, type ReportDetail } from '../../api/reports';
import { useT } from '../../translations';
import { ReporterMail, ReporterMailOutcome } from './ReporterMail';
import { STATE_LABELS } from './StateBadge';

interface StateChangeProps {
  report: ReportDetail;
  onChanged: () => void;
}

/** Moves the report to one of the states allowed from where it is, with an optional note. */
export function StateChange({ report, onChanged }: StateChangeProps) {
  const t = useT();
  const { toggleNotification } = useNotification();
  const { changeState } = useReportActions();
  const moves = REPORT_TRANSITIONS[report.state];
  const [next, setNext] = React.useState<ReportState | undefined>(undefined);
  const [note, setNote] = React.useState('');
  const [includeNote, setIncludeNote] = React.useState(false);
  const [saving, setSaving] = React.useState(false);

  React.useEffect(() => {
    setNext(undefined);
    setNote('');
    setIncludeNote(false);
  }, [report.id, report.state]);
  const closes = next === 'fixed' || next === 'rejected';

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!next) return;
    setSaving(true);
    try {
      const row = await changeState(report.id, {
        state: next,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(closes && includeNote ? { includeNote: true } : {}),
      });
      toggleNotification({
        type: 'success',
        message: t('report.state.changed', { state: t(STATE_LABELS[row.state]) }),
      });
      onChanged();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error, t('report.state.failed')) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h2">
          {t('report.state.title')}
        </Typography>
        <ReporterMailOutcome report={report} />
        {report.state === 'held' && <Typography variant="omega">{t('report.state.heldHint')}</Typography>}
        <Field.Root name="state" required>
          <Field.Label>{t('report.state.next')}</Field.Label>
          <SingleSelect
            value={next ?? null}
            placeholder={t('report.state.choose')}
            onChange={(value) => setNext(value as ReportState)}
          >
            {moves.map((state) => (
              <SingleSelectOption key={state} value={state}>
                {t(STATE_LABELS[state])}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="note" hint={t('report.state.noteHint')}>
          <Field.Label>{t('report.note')}</Field.Label>
          <Textarea
            value={note}
            maxLength={4000}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNote(e.target.value)}
          />
          <Field.Hint />
        </Field.Root>
        {closes && (
          <ReporterMail report={report} includeNote={includeNote} onIncludeNoteChange={setIncludeNote} />
        )}
        <Flex justifyContent="flex-end">
          <Button type="submit" disabled={!next} loading={saving}>
            {t('report.state.submit')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}
