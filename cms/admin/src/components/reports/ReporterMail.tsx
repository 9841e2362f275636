import { Checkbox, Typography } from '@strapi/design-system';
import type { ReportDetail } from '../../api/reports';
import { useT } from '../../translations';

interface ReporterMailProps {
  report: ReportDetail;
  includeNote: boolean;
  onIncludeNoteChange: (include: boolean) => void;
}

/**
 * What closing this report tells its reporter: nothing without an address; a warning when the
 * server cannot send mail; else the choice of putting the editor's note in the message.
 */
export function ReporterMail({ report, includeNote, onIncludeNoteChange }: ReporterMailProps) {
  const t = useT();
  if (!report.reporterEmail) return null;
  if (!report.mailEnabled) {
    return (
      <Typography variant="omega" textColor="warning600">
        {t('report.mail.off')}
      </Typography>
    );
  }
  return (
    <Checkbox checked={includeNote} onCheckedChange={(checked) => onIncludeNoteChange(checked === true)}>
      {t('report.mail.includeNote')}
    </Checkbox>
  );
}

/** When the reporter was told, or why they could not be. */
export function ReporterMailOutcome({ report }: { report: ReportDetail }) {
  const t = useT();
  if (report.notifyError) {
    return (
      <Typography variant="omega" textColor="danger600">
        {t('report.mail.failed', { error: report.notifyError })}
      </Typography>
    );
  }
  if (!report.notifiedAt) return null;
  return (
    <Typography variant="omega" textColor="neutral600">
      {t('report.mail.sent', { date: new Date(report.notifiedAt).toLocaleString() })}
    </Typography>
  );
}
