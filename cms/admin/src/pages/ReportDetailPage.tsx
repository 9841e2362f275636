import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { BackButton, Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { errorMessage, errorStatus } from '../api/errors';
import { useReport } from '../api/reports';
import { ApplySuggestion } from '../components/reports/ApplySuggestion';
import { QuoteInContext } from '../components/reports/QuoteInContext';
import { ReportFacts } from '../components/reports/ReportFacts';
import { StateBadge } from '../components/reports/StateBadge';
import { StateChange } from '../components/reports/StateChange';
import { VideoAtTime } from '../components/reports/VideoAtTime';
import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import { useT } from '../translations';
import { languageName } from '../utils/language';

const LIST = `/plugins/${PLUGIN_ID}`;

function Panel({ children }: { children: React.ReactNode }) {
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      {children}
    </Box>
  );
}

/** One report: the quote in its paragraph, the video at that moment, and what an editor can do. */
export function ReportDetailPage() {
  const t = useT();
  const { formatDate, locale } = useIntl();
  const { id = '' } = useParams<{ id: string }>();
  const report = useReport(id);
  const { allowedActions, isLoading: checkingPermissions } = useRBAC(PERMISSIONS.updateReports);
  const canUpdate = !checkingPermissions && allowedActions.canUpdate === true;

  if (report.isLoading && !report.data) return <Page.Loading />;

  const data = report.data;
  if (!data || report.error !== undefined) {
    const notFound = errorStatus(report.error) === 404;
    return (
      <Page.Main>
        <Layouts.Header navigationAction={<BackButton fallback={LIST} />} title={t('report.title')} />
        <Layouts.Content>
          <Page.Error
            content={
              notFound ? t('report.error.notFound') : errorMessage(report.error, t('report.error.load'))
            }
            action={
              notFound ? undefined : (
                <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={report.refetch}>
                  {t('common.retry')}
                </Button>
              )
            }
          />
        </Layouts.Content>
      </Page.Main>
    );
  }

  const time = data.time ?? data.context?.time ?? null;
  const canApply = canUpdate && data.quote !== null && data.state !== 'fixed' && data.state !== 'rejected';
  return (
    <Page.Main>
      <Page.Title>{t('report.title')}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={LIST} />}
        title={t('report.title')}
        subtitle={`${data.lesson.title ?? t('reports.table.untitled')} · ${languageName(data.lesson.locale, locale)} · ${formatDate(
          data.createdAt,
          { dateStyle: 'medium', timeStyle: 'short' },
        )}`}
        secondaryAction={<StateBadge state={data.state} />}
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch" gap={4}>
            <Panel>
              <QuoteInContext report={data} />
            </Panel>
            {data.video && (
              <Panel>
                <Flex direction="column" alignItems="stretch" gap={3}>
                  <Typography variant="delta" tag="h2">
                    {t('report.video.title')}
                  </Typography>
                  <VideoAtTime video={data.video} time={time} />
                </Flex>
              </Panel>
            )}
            {canApply && (
              <Panel>
                <ApplySuggestion report={data} onApplied={report.refetch} />
              </Panel>
            )}
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch" gap={4}>
            <Panel>
              <ReportFacts report={data} />
            </Panel>
            {canUpdate && (
              <Panel>
                <StateChange report={data} onChanged={report.refetch} />
              </Panel>
            )}
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Page.Main>
  );
}
