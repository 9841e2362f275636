import { reportStateSchema, type ReportListQuery } from '@lessons/shared';
import { Box, Button, Flex } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { Layouts, Page, Pagination } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../api/errors';
import { useLessonOptions, useReportList } from '../api/reports';
import { ReportFilters } from '../components/reports/ReportFilters';
import { ReportsTable } from '../components/reports/ReportsTable';
import { StateTabs } from '../components/reports/StateTabs';
import { TranslationsToReview } from '../components/reports/TranslationsToReview';
import { useT } from '../translations';

const PAGE_SIZE = 20;

type SearchParams = Partial<Record<'state' | 'lesson' | 'locale' | 'page' | 'pageSize', string>>;

/** The list's query from the page's URL, ignoring what the server would refuse. */
function listQuery(params: SearchParams): ReportListQuery {
  const positive = (value: string | undefined, fallback: number, max = Infinity) => {
    const n = Number(value);
    return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
  };
  const state = reportStateSchema.safeParse(params.state);
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  return {
    ...(state.success ? { state: state.data } : {}),
    ...(text(params.lesson) ? { lesson: text(params.lesson) } : {}),
    ...(text(params.locale) ? { locale: text(params.locale) } : {}),
    page: positive(params.page, 1),
    pageSize: positive(params.pageSize, PAGE_SIZE, 100),
  };
}

/** Error reports from readers: counts per state, filters, and a page of reports. */
export function ReportsPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = listQuery(Object.fromEntries(searchParams));
  const list = useReportList(query);
  const lessons = useLessonOptions();

  // A new filter starts again from the first page; an emptied filter leaves the URL.
  const filter = (next: SearchParams) =>
    setSearchParams((current) => {
      const params = new URLSearchParams(current);
      for (const [key, value] of Object.entries(next)) {
        if (value === undefined) params.delete(key);
        else params.set(key, value);
      }
      params.set('page', '1');
      return params;
    });

  const data = list.data;
  const filtered = query.state !== undefined || query.lesson !== undefined || query.locale !== undefined;
  const total = data?.meta.pagination.total;

  if (!data && list.isLoading) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>{t('reports.title')}</Page.Title>
      <Layouts.Header
        title={t('reports.title')}
        subtitle={total === undefined ? undefined : t('reports.subtitle', { total })}
        primaryAction={
          <Button
            variant="tertiary"
            startIcon={<ArrowClockwise />}
            onClick={list.refetch}
            loading={list.isLoading && !!data}
          >
            {t('reports.refresh')}
          </Button>
        }
      />
      <Layouts.Action
        startActions={
          <ReportFilters
            lessons={lessons.data ?? []}
            lesson={query.lesson}
            locale={query.locale}
            loading={lessons.isLoading}
            onChange={filter}
          />
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <TranslationsToReview />
          <StateTabs counts={data?.meta.counts} state={query.state} onChange={(state) => filter({ state })} />
          {list.error !== undefined ? (
            <Page.Error
              content={errorMessage(list.error, t('reports.error.load'))}
              action={
                <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={list.refetch}>
                  {t('common.retry')}
                </Button>
              }
            />
          ) : (
            <Box>
              <ReportsTable
                rows={data?.data ?? []}
                isLoading={list.isLoading}
                emptyMessage={filtered ? t('reports.empty.filtered') : t('reports.empty')}
                linkTo={(row) => `reports/${encodeURIComponent(row.id)}`}
              />
              {data && (
                <Pagination.Root
                  pageCount={data.meta.pagination.pageCount}
                  total={data.meta.pagination.total}
                  defaultPageSize={PAGE_SIZE}
                >
                  <Pagination.PageSize />
                  <Pagination.Links />
                </Pagination.Root>
              )}
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
