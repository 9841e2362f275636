import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import { LESSON_UID } from '../server/src/utils/constants.ts';
import {
  configureLessonEditing,
  LESSON_FIELD_TEXTS,
  LESSON_LIST,
} from '../server/src/utils/lesson-editing.ts';

/**
 * The Content Manager's configuration of the lesson as Strapi makes it (labels are field names,
 * no descriptions, the first four fields listed), and the plugin's store, in memory: what the
 * plugin writes at each start, and what it leaves alone.
 */
function fakeStrapi() {
  const names = Object.keys(LESSON_FIELD_TEXTS);
  const configuration = {
    settings: { mainField: 'title' },
    metadatas: Object.fromEntries(
      names.map((name) => [
        name,
        {
          edit: { label: name, description: '', mainField: name === 'course' ? 'id' : undefined },
          list: { label: name },
        },
      ]),
    ) as Record<
      string,
      { edit: { label: string; description: string; mainField?: string }; list: { label: string } }
    >,
    layouts: { list: ['id', 'title', 'slug', 'summary'], edit: [] as unknown[] },
  };
  const stored = new Map<string, unknown>();
  let writes = 0;
  const contentTypes = {
    findContentType: (uid: string) => (uid === LESSON_UID ? { uid } : undefined),
    findConfiguration: async () => structuredClone(configuration),
    updateConfiguration: async (_: unknown, next: typeof configuration) => {
      writes++;
      Object.assign(configuration, structuredClone(next));
    },
  };
  const strapi = {
    plugin: (name: string) => (name === 'content-manager' ? { service: () => contentTypes } : undefined),
    store: ({ key }: { key: string }) => ({
      get: async () => stored.get(key) ?? null,
      set: async ({ value }: { value: unknown }) => void stored.set(key, structuredClone(value)),
    }),
  } as unknown as Core.Strapi;
  return { strapi, configuration, writes: () => writes };
}

describe('lesson fields in the Content Manager', () => {
  it('get their labels and descriptions, and the list its columns, on the first start', async () => {
    const { strapi, configuration } = fakeStrapi();
    await configureLessonEditing(strapi);
    assert.equal(configuration.metadatas.videoUrl!.edit.label, 'Video URL (external MP4, WebM or HLS)');
    assert.equal(configuration.metadatas.videoUrl!.list.label, 'Video URL (external MP4, WebM or HLS)');
    assert.match(configuration.metadatas.duration!.edit.description, /Filled in from the video/);
    assert.equal(configuration.metadatas.course!.edit.mainField, 'title');
    assert.deepEqual(configuration.layouts.list, LESSON_LIST);
  });

  it("keep what an editor changed later, and don't write when nothing changes", async () => {
    const { strapi, configuration, writes } = fakeStrapi();
    await configureLessonEditing(strapi);
    // An editor's own label, description and columns (Configure the view).
    configuration.metadatas.title!.edit.label = 'Headline';
    configuration.metadatas.summary!.edit.description = 'Our house style: one sentence.';
    configuration.layouts.list = ['title', 'duration'];
    const before = writes();
    await configureLessonEditing(strapi);
    assert.equal(writes(), before, 'nothing to write');
    assert.equal(configuration.metadatas.title!.edit.label, 'Headline');
    assert.equal(configuration.metadatas.summary!.edit.description, 'Our house style: one sentence.');
    assert.deepEqual(configuration.layouts.list, ['title', 'duration']);
    assert.equal(configuration.metadatas.videoUrl!.edit.label, LESSON_FIELD_TEXTS.videoUrl!.label);
  });
});
