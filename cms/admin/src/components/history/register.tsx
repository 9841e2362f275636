import type { StrapiApp } from '@strapi/strapi/admin';
import { getTranslation } from '../../translations';
import en from '../../translations/en';
import { HistoryPanel, LESSON_UID } from './HistoryPanel';
import { ReviewCountCell } from './ReviewCount';

interface ListHeader {
  name: string;
  [key: string]: unknown;
}

const onLessonList = () => decodeURIComponent(window.location.pathname).includes(`/${LESSON_UID}`);

/** `Admin/CM/pages/ListView/inject-column-in-table`: the lesson list's "To review" column. */
function addReviewColumn<T extends { displayedHeaders: ListHeader[] }>(args: T): T {
  if (!onLessonList()) return args;
  const column: ListHeader = {
    attribute: { type: 'integer' },
    label: { id: getTranslation('review.column'), defaultMessage: en['review.column'] },
    searchable: false,
    sortable: false,
    name: 'lessonsToReview',
    cellFormatter: (row: { documentId?: string; locale?: string }) => (
      <ReviewCountCell documentId={row.documentId ?? ''} locale={row.locale ?? ''} />
    ),
  };
  return { ...args, displayedHeaders: [...args.displayedHeaders, column] };
}

/** Transcript history in the Content Manager: the edit view's History panel, the list's review counts. */
export function registerHistory(app: StrapiApp) {
  const contentManager = app.getPlugin('content-manager').apis as {
    addEditViewSidePanel(panels: unknown[]): void;
  };
  contentManager.addEditViewSidePanel([HistoryPanel]);
  app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addReviewColumn);
}
