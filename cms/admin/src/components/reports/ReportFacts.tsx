import { Box, Flex, Link, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';
import type { ReportDetail } from '../../api/reports';
import { useT, type MessageKey } from '../../translations';
import { languageName } from '../../utils/language';
import { formatTime } from '../../utils/time';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box tag="div">
      <Typography variant="sigma" textColor="neutral600" tag="dt">
        {label}
      </Typography>
      <Typography tag="dd" variant="omega" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

/** What the reader told us, who they are, and what became of the report. */
export function ReportFacts({ report }: { report: ReportDetail }) {
  const t = useT();
  const { formatDate, locale } = useIntl();
  const none = <Typography textColor="neutral500">{t('report.none')}</Typography>;
  const date = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const time = report.time ?? report.context?.time ?? null;
  const fact = (key: MessageKey, value: React.ReactNode) => <Fact label={t(key)}>{value || none}</Fact>;

  return (
    <Flex tag="dl" direction="column" alignItems="stretch" gap={4}>
      {fact(
        'report.lesson',
        `${report.lesson.title ?? t('reports.table.untitled')} · ${languageName(report.lesson.locale, locale)}`,
      )}
      {fact('report.time', time === null ? null : formatTime(time, 0))}
      {fact('report.where', report.where)}
      {fact('report.what', report.what)}
      {fact('report.suggestion', report.suggestion)}
      {fact(
        'report.email',
        report.reporterEmail && <Link href={`mailto:${report.reporterEmail}`}>{report.reporterEmail}</Link>,
      )}
      {fact('report.reader', report.reporterUser?.username)}
      {fact('report.createdAt', date(report.createdAt))}
      {(report.resolvedAt || report.resolvedBy) &&
        fact(
          'report.resolved',
          t('report.resolvedBy', {
            name: report.resolvedBy?.name ?? t('report.none'),
            date: report.resolvedAt ? date(report.resolvedAt) : t('report.none'),
          }),
        )}
      {report.resolutionNote && fact('report.resolutionNote', report.resolutionNote)}
    </Flex>
  );
}
