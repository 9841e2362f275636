import type { LessonOption } from '@lessons/shared';
import { Button, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../../translations';
import { languageName } from '../../utils/language';

interface ReportFiltersProps {
  lessons: LessonOption[];
  lesson: string | undefined;
  locale: string | undefined;
  loading: boolean;
  onChange: (filters: { lesson?: string | undefined; locale?: string | undefined }) => void;
}

/** Filters by lesson and by language; lessons are listed in the chosen language. */
export function ReportFilters({ lessons, lesson, locale, loading, onChange }: ReportFiltersProps) {
  const t = useT();
  const { locale: adminLocale } = useIntl();

  const locales = React.useMemo(() => [...new Set(lessons.map((l) => l.locale))].sort(), [lessons]);
  const lessonChoices = React.useMemo(() => {
    // A lesson is one document in several languages: one choice per document.
    const byDocument = new Map<string, { title: string; locales: string[] }>();
    for (const l of lessons) {
      if (locale && l.locale !== locale) continue;
      const entry = byDocument.get(l.documentId);
      if (entry) entry.locales.push(l.locale);
      else byDocument.set(l.documentId, { title: l.title, locales: [l.locale] });
    }
    return [...byDocument]
      .map(([documentId, { title, locales: ls }]) => ({
        documentId,
        label: locale || ls.length === 1 ? title : `${title} (${ls.join(', ')})`,
      }))
      .sort((a, b) => a.label.localeCompare(b.label, adminLocale));
  }, [lessons, locale, adminLocale]);

  return (
    <Flex gap={2} wrap="wrap">
      <SingleSelect
        aria-label={t('reports.filters.lesson')}
        placeholder={t('reports.filters.anyLesson')}
        value={lesson ?? null}
        loading={loading}
        size="S"
        onChange={(value) => onChange({ lesson: String(value) })}
        onClear={lesson ? () => onChange({ lesson: undefined }) : undefined}
        clearLabel={t('reports.filters.clear')}
      >
        {lessonChoices.map((l) => (
          <SingleSelectOption key={l.documentId} value={l.documentId}>
            {l.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <SingleSelect
        aria-label={t('reports.filters.locale')}
        placeholder={t('reports.filters.anyLocale')}
        value={locale ?? null}
        loading={loading}
        size="S"
        onChange={(value) => onChange({ locale: String(value) })}
        onClear={locale ? () => onChange({ locale: undefined }) : undefined}
        clearLabel={t('reports.filters.clear')}
      >
        {locales.map((code) => (
          <SingleSelectOption key={code} value={code}>
            {`${languageName(code, adminLocale)} (${code})`}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      {(lesson || locale) && (
        <Button
          variant="tertiary"
          size="S"
          onClick={() => onChange({ lesson: undefined, locale: undefined })}
        >
          {t('reports.filters.clearAll')}
        </Button>
      )}
    </Flex>
  );
}
