import type { ReportRow } from '@lessons/shared';
import { Link, Typography } from '@strapi/design-system';
import { Table } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { useT } from '../../translations';
import { languageName } from '../../utils/language';
import { StateBadge } from './StateBadge';

interface ReportsTableProps {
  rows: ReportRow[];
  isLoading: boolean;
  emptyMessage: string;
  /** Where a report opens, relative to the plugin's page. */
  linkTo: (row: ReportRow) => string;
}

const excerpt = (text: string, max = 80) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/** The reports of one page of the list; a row opens its report. */
export function ReportsTable({ rows, isLoading, emptyMessage, linkTo }: ReportsTableProps) {
  const t = useT();
  const { formatDate, locale } = useIntl();
  const navigate = useNavigate();
  const headers = [
    { name: 'createdAt', label: t('reports.table.date') },
    { name: 'lesson', label: t('reports.table.lesson') },
    { name: 'locale', label: t('reports.table.language') },
    { name: 'quote', label: t('reports.table.quote') },
    { name: 'what', label: t('reports.table.what') },
    { name: 'state', label: t('reports.table.state') },
  ];
  return (
    <Table.Root rows={rows} headers={headers} isLoading={isLoading}>
      <Table.Content>
        <Table.Head>
          {headers.map((h) => (
            <Table.HeaderCell key={h.name} name={h.name} label={h.label} />
          ))}
        </Table.Head>
        <Table.Loading />
        <Table.Empty content={emptyMessage} />
        <Table.Body>
          {rows.map((row) => {
            const date = formatDate(row.createdAt, { dateStyle: 'medium', timeStyle: 'short' });
            return (
              <Table.Row key={row.id} onClick={() => navigate(linkTo(row))} style={{ cursor: 'pointer' }}>
                <Table.Cell>
                  <Link
                    tag={RouterLink}
                    to={linkTo(row)}
                    onClick={(e: React.MouseEvent) => e.stopPropagation()}
                    aria-label={t('reports.table.open', { date })}
                  >
                    {date}
                  </Link>
                </Table.Cell>
                <Table.Cell>
                  <Typography textColor={row.lesson.title ? 'neutral800' : 'neutral500'}>
                    {row.lesson.title ?? t('reports.table.untitled')}
                  </Typography>
                </Table.Cell>
                <Table.Cell>
                  <Typography title={row.lesson.locale}>{languageName(row.lesson.locale, locale)}</Typography>
                </Table.Cell>
                <Table.Cell>
                  {row.quote ? (
                    <Typography maxWidth="20rem" ellipsis tag="q" title={row.quote.exact}>
                      {excerpt(row.quote.exact)}
                    </Typography>
                  ) : (
                    <Typography textColor="neutral500">
                      {row.where ? excerpt(row.where) : t('reports.table.noQuote')}
                    </Typography>
                  )}
                </Table.Cell>
                <Table.Cell>
                  <Typography maxWidth="20rem" ellipsis title={row.what}>
                    {excerpt(row.what)}
                  </Typography>
                </Table.Cell>
                <Table.Cell>
                  <StateBadge state={row.state} />
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table.Content>
    </Table.Root>
  );
}
