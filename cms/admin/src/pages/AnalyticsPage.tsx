import {
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import { useAnalyticsLessons, useLessonAnalytics } from '../api/analytics';
import { errorMessage } from '../api/errors';
import { HeatStrip } from '../components/analytics/HeatStrip';
import { Totals } from '../components/analytics/Totals';
import { useT } from '../translations';
import { languageName } from '../utils/language';

/**
 * Where readers struggle, per lesson and language: the totals, then the transcript with a heat
 * strip of who watched each paragraph and who stopped there, and the reports about it. The
 * lesson and language are in the URL (`?lesson=<documentId>&locale=en`), so a view can be shared.
 */
export function AnalyticsPage() {
  const t = useT();
  const { locale: adminLocale } = useIntl();
  const [params, setParams] = useSearchParams();
  const lesson = params.get('lesson') ?? undefined;
  const locale = params.get('locale') ?? undefined;
  const lessons = useAnalyticsLessons();
  const analytics = useLessonAnalytics(lesson, locale);

  const choices = React.useMemo(
    () =>
      (lessons.data ?? [])
        .map((l) => ({
          value: `${l.documentId}:${l.locale}`,
          label: `${l.title} · ${languageName(l.locale, adminLocale)}`,
        }))
        .sort((a, b) => a.label.localeCompare(b.label, adminLocale)),
    [lessons.data, adminLocale],
  );
  const chosen = lesson && locale ? `${lesson}:${locale}` : null;
  const choose = (value: string | number) => {
    const [documentId, code] = String(value).split(':');
    if (documentId && code) setParams({ lesson: documentId, locale: code });
  };
  const data = analytics.data;

  return (
    <Page.Main>
      <Page.Title>{t('analytics.title')}</Page.Title>
      <Layouts.Header
        title={t('analytics.title')}
        subtitle={t('analytics.subtitle')}
        primaryAction={
          chosen ? (
            <Button
              variant="tertiary"
              startIcon={<ArrowClockwise />}
              onClick={analytics.refetch}
              loading={analytics.isLoading && !!data}
            >
              {t('analytics.refresh')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Action
        startActions={
          <SingleSelect
            aria-label={t('analytics.choose.label')}
            placeholder={t('analytics.choose.placeholder')}
            value={chosen}
            loading={lessons.isLoading}
            size="S"
            onChange={choose}
          >
            {choices.map((c) => (
              <SingleSelectOption key={c.value} value={c.value}>
                {c.label}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        }
      />
      <Layouts.Content>
        {!chosen ? (
          <EmptyStateLayout content={t('analytics.choose.empty')} />
        ) : analytics.error !== undefined ? (
          <Page.Error
            content={errorMessage(analytics.error, t('analytics.error'))}
            action={
              <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={analytics.refetch}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : !data ? (
          <Page.Loading />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Totals totals={data.totals} />
            {data.totals.readers === 0 && (
              <Typography textColor="neutral600">{t('analytics.noReaders')}</Typography>
            )}
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
              <Flex direction="column" alignItems="stretch" gap={2} paddingBottom={4}>
                <Typography variant="beta" tag="h2">
                  {data.title}
                </Typography>
                <Typography variant="pi" textColor="neutral600">
                  {t('analytics.legend')}
                </Typography>
                {data.unanchoredReports > 0 && (
                  <Typography variant="pi" textColor="neutral600">
                    {t('analytics.unanchored', { count: data.unanchoredReports })}
                  </Typography>
                )}
              </Flex>
              <HeatStrip analytics={data} />
            </Box>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
}
