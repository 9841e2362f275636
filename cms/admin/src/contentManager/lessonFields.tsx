import { LessonPosition } from '../components/LessonPosition';
import { getTranslation, useT, type MessageKey } from '../translations';
import en from '../translations/en';
import es from '../translations/es';
import { LESSON_UID } from '../utils/lesson';

/** The lesson fields whose label and description the plugin sets (server: utils/lesson-editing.ts). */
const FIELDS = [
  'title',
  'slug',
  'summary',
  'video',
  'videoUrl',
  'poster',
  'duration',
  'transcript',
  'tags',
  'category',
  'course',
] as const;
type LessonField = (typeof FIELDS)[number];
const isLessonField = (name: string): name is LessonField => (FIELDS as readonly string[]).includes(name);
const labelKey = (field: LessonField) => `field.${field}.label` as MessageKey;
const descriptionKey = (field: LessonField) => `field.${field}.description` as MessageKey;

/**
 * The admin's language, for the hooks below: they run outside React (Strapi's hook waterfall), and
 * a field's label must be text. Strapi keeps the editor's choice under this key.
 */
function adminMessages(): Record<string, string> {
  const language = window.localStorage.getItem('strapi-admin-language') ?? 'en';
  return language.startsWith('es') ? es : en;
}

/** A label still as the plugin wrote it (or Strapi's default, the field's name) is shown translated. */
function labelFor(field: LessonField, label: unknown): unknown {
  const unchanged = label === field || label === en[labelKey(field)];
  return unchanged ? (adminMessages()[labelKey(field)] ?? label) : label;
}

function FieldDescription({ field }: { field: LessonField }) {
  const t = useT();
  return <>{t(descriptionKey(field))}</>;
}

interface EditField {
  name: string;
  label?: unknown;
  hint?: unknown;
  attribute?: { customField?: string };
}
interface EditLayout {
  layout: EditField[][][];
}

/** The lesson's edit layout: the one whose fields include our transcript field. */
const isLessonLayout = (layout: EditLayout) =>
  layout.layout.some((panel) =>
    panel.some((row) => row.some((f) => f.attribute?.customField === 'plugin::lessons.transcript')),
  );

/**
 * `Admin/CM/pages/EditView/mutate-edit-view-layout`: the lesson fields' labels and descriptions in
 * the editor's language, as long as an editor hasn't changed them in "Configure the view".
 */
export function translateLessonFields<T extends { layout: EditLayout }>(args: T): T {
  const { layout } = args;
  if (!isLessonLayout(layout)) return args;
  const decorate = (field: EditField): EditField => {
    if (!isLessonField(field.name)) return field;
    const description = en[descriptionKey(field.name)];
    const hint =
      !field.hint || field.hint === description ? <FieldDescription field={field.name} /> : field.hint;
    return { ...field, label: labelFor(field.name, field.label), hint };
  };
  return {
    ...args,
    layout: { ...layout, layout: layout.layout.map((panel) => panel.map((row) => row.map(decorate))) },
  };
}

interface ListHeader {
  name: string;
  label: unknown;
  [key: string]: unknown;
}

const onLessonList = () => decodeURIComponent(window.location.pathname).includes(`/${LESSON_UID}`);

/**
 * `Admin/CM/pages/ListView/inject-column-in-table`: on the lesson list, the columns' names in the
 * editor's language, and the lesson's position in its course after the course.
 */
export function addLessonColumns<T extends { displayedHeaders: ListHeader[] }>(args: T): T {
  if (!onLessonList()) return args;
  const headers = args.displayedHeaders.map((header) =>
    isLessonField(header.name) && (header.label === header.name || header.label === en[labelKey(header.name)])
      ? {
          ...header,
          label: { id: getTranslation(labelKey(header.name)), defaultMessage: en[labelKey(header.name)] },
        }
      : header,
  );
  const position: ListHeader = {
    attribute: { type: 'string' },
    label: { id: getTranslation('list.position'), defaultMessage: en['list.position'] },
    searchable: false,
    sortable: false,
    name: 'lessonPosition',
    cellFormatter: (row: { documentId?: string; locale?: string }) => (
      <LessonPosition documentId={row.documentId ?? ''} locale={row.locale ?? ''} />
    ),
  };
  const course = headers.findIndex((h) => h.name === 'course');
  headers.splice(course === -1 ? headers.length : course + 1, 0, position);
  return { ...args, displayedHeaders: headers };
}
