import type { Core } from '@strapi/strapi';
import { LESSON_UID, PLUGIN_ID } from './constants';

/**
 * What editors read beside each lesson field in the Content Manager (its "Configure the view"
 * settings), in English; the admin shows them in the editor's language while they are unchanged
 * (admin/src/contentManager/fieldTexts.tsx, translations `field.*`).
 */
export const LESSON_FIELD_TEXTS: Record<string, { label: string; description: string }> = {
  title: { label: 'Title', description: 'Shown above the video, in lists and in search results.' },
  slug: {
    label: 'Slug (web address)',
    description: "The lesson's part of its address, e.g. regaining-social-connection.",
  },
  summary: { label: 'Summary', description: 'One or two sentences for lists and search results.' },
  video: {
    label: 'Video (uploaded file)',
    description: 'An MP4 or WebM file. Its duration is measured when it is chosen.',
  },
  videoUrl: {
    label: 'Video URL (external MP4, WebM or HLS)',
    description:
      'Used when no file is uploaded; starts with https://. Its duration is measured when it is entered.',
  },
  poster: { label: 'Poster image', description: 'Shown before the video plays.' },
  duration: {
    label: 'Duration (seconds)',
    description: 'Filled in from the video; change it only if the measure is wrong.',
  },
  transcript: {
    label: 'Transcript',
    description: 'Sections and paragraphs with their times; import WebVTT or SRT captions to start.',
  },
  tags: { label: 'Tags', description: 'Readers find other lessons with the same tag.' },
  category: { label: 'Category', description: 'Related lessons are the recent ones of the same category.' },
  course: { label: 'Course', description: "The course's own page sets the order of its lessons." },
};

/** The lesson list's columns (the language and the state are added by Strapi, the position by the admin). */
export const LESSON_LIST = ['title', 'course'];

interface Metadata {
  edit?: { label?: string; description?: string; mainField?: string };
  list?: { label?: string; mainField?: string };
}
interface Configuration {
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: unknown[] };
  settings: Record<string, unknown>;
}
interface ContentTypes {
  findContentType(uid: string): { uid: string } | undefined;
  findConfiguration(contentType: { uid: string }): Promise<Configuration>;
  updateConfiguration(
    contentType: { uid: string },
    configuration: Omit<Configuration, 'uid'>,
  ): Promise<unknown>;
}
/** What this plugin last wrote into the Content Manager's configuration, to tell an editor's change from it. */
interface Written {
  fields: Record<string, { label: string; description: string }>;
  list: string[];
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Gives the lesson's fields their labels and descriptions, and the lesson list its columns, in
 * the Content Manager's configuration, where editors can change them (Configure the view). What an
 * editor changed is kept: a value is written only while it is Strapi's default (a label that is
 * the field's name, no description) or still what this plugin wrote last time.
 */
export async function configureLessonEditing(strapi: Core.Strapi): Promise<void> {
  const contentTypes = strapi.plugin('content-manager')?.service('content-types') as ContentTypes | undefined;
  const contentType = contentTypes?.findContentType(LESSON_UID);
  if (!contentTypes || !contentType) return;
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'content-manager-written' });
  const written = ((await store.get({})) as Written | null) ?? { fields: {}, list: [] };
  const { metadatas, layouts, settings } = await contentTypes.findConfiguration(contentType);

  let changed = false;
  for (const [field, text] of Object.entries(LESSON_FIELD_TEXTS)) {
    const meta = metadatas[field];
    if (!meta?.edit) continue;
    const before = written.fields[field];
    const label = meta.edit.label ?? field;
    if ((label === field || label === before?.label) && label !== text.label) {
      meta.edit.label = text.label;
      if (meta.list) meta.list.label = text.label;
      changed = true;
    }
    const description = meta.edit.description ?? '';
    if ((description === '' || description === before?.description) && description !== text.description) {
      meta.edit.description = text.description;
      changed = true;
    }
  }
  // The course is named by its title, in the form and in the list.
  for (const view of ['edit', 'list'] as const) {
    const course = metadatas.course?.[view];
    if (course && course.mainField !== 'title' && (!course.mainField || course.mainField === 'id')) {
      course.mainField = 'title';
      changed = true;
    }
  }
  if (
    !sameList(layouts.list, LESSON_LIST) &&
    (written.list.length === 0 || sameList(layouts.list, written.list))
  ) {
    layouts.list = [...LESSON_LIST];
    changed = true;
  }
  if (changed) await contentTypes.updateConfiguration(contentType, { metadatas, layouts, settings });
  await store.set({ value: { fields: LESSON_FIELD_TEXTS, list: LESSON_LIST } satisfies Written });
}
