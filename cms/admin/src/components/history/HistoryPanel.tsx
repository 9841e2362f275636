import type { RevisionKind, RevisionRow } from '@lessons/shared';
import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { unstable_useDocument, useForm, useQueryParams } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { errorMessage } from '../../api/errors';
import { useRevisions, type LessonLanguage } from '../../api/history';
import { PLUGIN_ID } from '../../pluginId';
import { useT, type MessageKey } from '../../translations';
import { RevisionDialog } from './RevisionDialog';

export const LESSON_UID = 'plugin::lessons.lesson';
const PAGE = 10;

const KIND_LABELS: Record<RevisionKind, MessageKey> = {
  save: 'history.kind.save',
  suggestion: 'history.kind.suggestion',
  revert: 'history.kind.revert',
};

/** The edit view's query as the Content Manager reads it (`plugins[i18n][locale]` → `locale`). */
function documentParams(query: Record<string, unknown>): Record<string, unknown> {
  const { plugins, ...rest } = query;
  const merged: Record<string, unknown> = { ...rest };
  for (const options of Object.values((plugins ?? {}) as Record<string, unknown>)) {
    if (typeof options === 'object' && options !== null) Object.assign(merged, options);
  }
  return merged;
}

function Revision({ revision, onOpen }: { revision: RevisionRow; onOpen: () => void }) {
  const t = useT();
  const { formatDate } = useIntl();
  const when = formatDate(revision.createdAt, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Box
      tag="li"
      paddingTop={2}
      paddingBottom={2}
      borderColor="neutral150"
      borderStyle="solid"
      borderWidth="0 0 1px 0"
    >
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Flex justifyContent="space-between" gap={2}>
          <Typography fontWeight="semiBold">{t(KIND_LABELS[revision.kind])}</Typography>
          <Typography variant="pi" textColor="neutral600">
            {when}
          </Typography>
        </Flex>
        <Typography variant="pi" textColor="neutral600">
          {revision.author ? t('history.by', { name: revision.author.name }) : t('history.bySystem')}
          {' · '}
          {t('history.changed', { count: revision.changedParagraphs })}
        </Typography>
        {revision.report && (
          <Link tag={NavLink} to={`/plugins/${PLUGIN_ID}/reports/${encodeURIComponent(revision.report.id)}`}>
            {t('history.fromReport')}
          </Link>
        )}
        {revision.revertedTo && (
          <Typography variant="pi" textColor="neutral600">
            {t('history.revertedTo', {
              date: formatDate(revision.revertedTo.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
            })}
          </Typography>
        )}
        <Box>
          <Button variant="tertiary" size="S" onClick={onOpen} aria-label={t('history.open', { date: when })}>
            {t('history.show')}
          </Button>
        </Box>
      </Flex>
    </Box>
  );
}

function HistoryList({
  lesson,
  model,
  collectionType,
}: {
  lesson: LessonLanguage;
  model: string;
  collectionType: string;
}) {
  const t = useT();
  const [{ query }] = useQueryParams<Record<string, unknown>>();
  const params = React.useMemo(() => documentParams(query ?? {}), [query]);
  // The same document query as the edit view's: refetching it after a revert refreshes the form.
  const { document, refetch } = unstable_useDocument({
    documentId: lesson.documentId,
    model,
    collectionType,
    params,
  });
  const modified = useForm('HistoryPanel', (state) => state.modified);
  const [pageSize, setPageSize] = React.useState(PAGE);
  const [open, setOpen] = React.useState<RevisionRow | null>(null);
  const list = useRevisions(lesson, pageSize, String(document?.updatedAt ?? ''));
  const rows = list.data?.data ?? [];
  const total = list.data?.meta.pagination.total ?? 0;

  if (list.error !== undefined) {
    return (
      <Typography variant="pi" textColor="danger600">
        {errorMessage(list.error, t('history.error.load'))}
      </Typography>
    );
  }
  if (list.data && rows.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {t('history.empty')}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      <Box tag="ul" aria-label={t('history.title')}>
        {rows.map((r) => (
          <Revision key={r.id} revision={r} onOpen={() => setOpen(r)} />
        ))}
      </Box>
      {rows.length < total && (
        <Button
          variant="tertiary"
          size="S"
          loading={list.isLoading}
          onClick={() => setPageSize((n) => n + PAGE)}
        >
          {t('history.more')}
        </Button>
      )}
      <RevisionDialog
        revision={open}
        isCurrent={open !== null && open.id === rows[0]?.id}
        hasUnsavedChanges={modified}
        onClose={() => setOpen(null)}
        onReverted={() => {
          setOpen(null);
          refetch();
          list.refetch();
        }}
      />
    </Flex>
  );
}

/**
 * The edit view's History panel (lessons only): every kept version of this language's transcript,
 * newest first, each opening what it changed and "Revert to this version".
 */
export const HistoryPanel: PanelComponent = ({
  model,
  documentId,
  document,
  collectionType,
}: PanelComponentProps) => {
  const t = useT();
  const locale = typeof document?.locale === 'string' ? document.locale : null;
  if (model !== LESSON_UID || !documentId || !locale) return null;
  return {
    title: t('history.title'),
    content: <HistoryList lesson={{ documentId, locale }} model={model} collectionType={collectionType} />,
  };
};
