import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import {
  lessonResponseSchema,
  paragraphsOf,
  reportCreatedResponseSchema,
  reportRowSchema,
  reviewClearResponseSchema,
  reviewCountsResponseSchema,
  reviewMarkListResponseSchema,
  revertResponseSchema,
  revisionDetailResponseSchema,
  revisionListResponseSchema,
  type Lesson,
  type RevisionRow,
  type Transcript,
} from '@lessons/shared';
import {
  adminLogin,
  call,
  expectError,
  expectOk,
  seedLesson,
  startStrapi,
  type TestStrapi,
} from './helpers.ts';

/**
 * Transcript history (a revision on every change: save, applied suggestion, revert; pruning) and
 * translations that follow (review marks on the other language), through the admin's own routes
 * and the Content Manager's, on a real Strapi.
 */
const LESSON_UID = 'plugin::lessons.lesson';
const KEEP = 22;

let strapi: TestStrapi;
let editor: string;
const main = seedLesson('regaining-social-connection');
const sleep = seedLesson('sleep-routine-and-mood');
let mainId: string;
let sleepId: string;

const api = (path: string, init: Parameters<typeof call>[1] = {}, token = editor) =>
  call(`${strapi.url}${path}`, { ...init, token });
const cm = (documentId: string, locale: string, json: unknown, action = '') =>
  api(`/content-manager/collection-types/${LESSON_UID}/${documentId}${action}?locale=${locale}`, {
    method: action ? 'POST' : 'PUT',
    json,
  });
const publicLesson = async (slug: string, locale: string): Promise<Lesson> =>
  expectOk(await call(`${strapi.url}/api/lessons/${slug}?locale=${locale}`), lessonResponseSchema).data;
const revisions = async (documentId: string, locale: string, query = '') =>
  expectOk(
    await api(`/lessons/revisions?lesson=${documentId}&locale=${locale}${query}`),
    revisionListResponseSchema,
  );
const marks = async (documentId: string, locale: string) =>
  expectOk(
    await api(`/lessons/review-marks?lesson=${documentId}&locale=${locale}`),
    reviewMarkListResponseSchema,
  ).data;
const draftTranscript = async (documentId: string, locale: string): Promise<Transcript> => {
  const answer = await api(`/content-manager/collection-types/${LESSON_UID}/${documentId}?locale=${locale}`);
  assert.equal(answer.status, 200, answer.text);
  const value = (answer.body as { data: { transcript: unknown } }).data.transcript;
  return (typeof value === 'string' ? JSON.parse(value) : value) as Transcript;
};
const withText = (t: Transcript, id: string, text: string): Transcript => ({
  sections: t.sections.map((s) => ({
    ...s,
    paragraphs: s.paragraphs.map((p) => (p.id === id ? { ...p, text } : p)),
  })),
});
const textOf = (t: Transcript, id: string) => paragraphsOf(t).find((p) => p.id === id)!.text;

before(async () => {
  strapi = await startStrapi(1446, {
    LESSONS_HISTORY_REVISIONS: String(KEEP),
    LESSONS_HISTORY_DAYS: '1',
    LESSONS_REPORTS_PER_CLIENT: '100',
  });
  editor = await adminLogin(strapi.url);
  mainId = (await publicLesson(main.en.slug, 'en')).id;
  sleepId = (await publicLesson(sleep.en.slug, 'en')).id;
});

after(async () => {
  await strapi?.stop();
});

describe('transcript history', () => {
  let saved: RevisionRow;

  it('keeps the seeded transcript as the first revision of each language, by nobody', async () => {
    const list = await revisions(mainId, 'en');
    assert.equal(list.meta.pagination.total, 1);
    assert.deepEqual(
      { ...list.data[0]!, id: '', createdAt: '' },
      {
        id: '',
        createdAt: '',
        kind: 'save',
        author: null,
        report: null,
        revertedTo: null,
        changedParagraphs: paragraphsOf(main.en.transcript).length,
      },
    );
    assert.equal((await revisions(mainId, 'es')).meta.pagination.total, 1);
  });

  it("keeps an editor's save in the Content Manager as a revision: who, when, the whole transcript", async () => {
    const edited = withText(main.en.transcript, 'p2', 'An edited second paragraph.');
    const answer = await cm(mainId, 'en', { transcript: edited });
    assert.equal(answer.status, 200, answer.text);
    const list = await revisions(mainId, 'en');
    assert.equal(list.meta.pagination.total, 2);
    saved = list.data[0]!;
    assert.equal(saved.kind, 'save');
    assert.deepEqual(saved.author?.name, 'Demo Editor');
    assert.equal(saved.changedParagraphs, 1);
    const detail = expectOk(await api(`/lessons/revisions/${saved.id}`), revisionDetailResponseSchema).data;
    assert.deepEqual(detail.transcript, edited);
    assert.deepEqual(detail.previous?.transcript, main.en.transcript);
    assert.equal(detail.previous?.id, list.data[1]!.id);
  });

  it('keeps no revision for a save that leaves the transcript as it was', async () => {
    const transcript = await draftTranscript(mainId, 'en');
    const answer = await cm(mainId, 'en', { title: `${main.en.title} (draft)`, transcript });
    assert.equal(answer.status, 200, answer.text);
    assert.equal((await revisions(mainId, 'en')).meta.pagination.total, 2);
    // A refused save keeps none either.
    const refused = await cm(mainId, 'en', { transcript: withText(transcript, 'p3', '   ') });
    expectError(refused, 400);
    assert.equal((await revisions(mainId, 'en')).meta.pagination.total, 2);
  });

  it('keeps a revision when "Discard changes" puts the published text back into the draft', async () => {
    const help = seedLesson('asking-for-professional-help');
    const id = (await publicLesson(help.en.slug, 'en')).id;
    const edited = withText(help.en.transcript, 'p1', 'A draft nobody will publish.');
    assert.equal((await cm(id, 'en', { transcript: edited })).status, 200);
    const discarded = await cm(id, 'en', {}, '/actions/discard');
    assert.equal(discarded.status, 200, discarded.text);
    const list = (await revisions(id, 'en')).data;
    assert.deepEqual(
      list.map((r) => r.kind),
      ['save', 'save', 'save'],
    );
    const newest = expectOk(
      await api(`/lessons/revisions/${list[0]!.id}`),
      revisionDetailResponseSchema,
    ).data;
    assert.deepEqual(newest.transcript, help.en.transcript);
    assert.deepEqual(newest.previous?.transcript, edited);
  });

  it('marks the Spanish paragraphs spoken over the edited English one, with the new English text beside them', async () => {
    const list = await marks(mainId, 'es');
    const p2 = paragraphsOf(main.en.transcript).find((p) => p.id === 'p2')!;
    const expected = paragraphsOf(main.es.transcript)
      .filter((p) => p.start! < p2.end! && p2.start! < p.end!)
      .map((p) => p.id);
    assert.ok(expected.length > 0);
    assert.deepEqual(list.map((m) => m.paragraphId).sort(), expected.sort());
    for (const m of list) {
      assert.equal(m.sourceLocale, 'en');
      assert.ok(m.sourceParagraphIds.includes('p2'));
      assert.match(m.sourceText, /An edited second paragraph\./);
    }
    assert.deepEqual(await marks(mainId, 'en'), [], 'the language that changed is not marked');
    const counts = expectOk(await api('/lessons/review-marks/counts'), reviewCountsResponseSchema);
    assert.deepEqual(
      counts.data.find((c) => c.documentId === mainId),
      { documentId: mainId, locale: 'es', title: main.es.title, count: expected.length },
    );
  });

  it('clears a mark when the editor edits that paragraph, without marking the English back', async () => {
    const [first, ...rest] = await marks(mainId, 'es');
    const spanish = await draftTranscript(mainId, 'es');
    const answer = await cm(mainId, 'es', {
      transcript: withText(spanish, first!.paragraphId, 'Un párrafo revisado.'),
    });
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(
      (await marks(mainId, 'es')).map((m) => m.paragraphId),
      rest.map((m) => m.paragraphId),
    );
    assert.deepEqual(await marks(mainId, 'en'), []);
    // "Still correct" clears the others.
    for (const m of rest) {
      const cleared = expectOk(
        await api('/lessons/review-marks/clear', {
          method: 'POST',
          json: { lesson: mainId, locale: 'es', paragraphId: m.paragraphId },
        }),
        reviewClearResponseSchema,
      );
      assert.equal(cleared.data.cleared, 1);
    }
    assert.deepEqual(await marks(mainId, 'es'), []);
    const bad = await api('/lessons/review-marks/clear', {
      method: 'POST',
      json: { lesson: mainId, locale: 'es', paragraphId: 'not an id' },
    });
    expectError(bad, 400);
  });

  it('keeps an applied suggestion as a revision naming its report, and marks the other language', async () => {
    const lesson = await publicLesson(sleep.en.slug, 'en');
    const p3 = paragraphsOf(lesson.transcript).find((p) => p.id === 'p3')!;
    const sent = await call(`${strapi.url}/api/lessons/${sleep.en.slug}/reports`, {
      method: 'POST',
      json: {
        locale: 'en',
        quote: { exact: p3.text.slice(0, 20), prefix: '', suffix: p3.text.slice(20, 50) },
        what: 'Reworded.',
        suggestion: 'REWORDED START',
        idempotencyKey: 'history-apply-1',
      },
    });
    const report = expectOk(sent, reportCreatedResponseSchema, 201).data;
    const applied = await api(`/lessons/reports/${report.id}/apply`, { method: 'POST', json: {} });
    expectOk(applied, z.object({ data: z.object({ report: reportRowSchema }) }));
    const [newest] = (await revisions(sleepId, 'en')).data;
    assert.equal(newest!.kind, 'suggestion');
    assert.deepEqual(newest!.report, { id: report.id });
    assert.equal(newest!.author?.name, 'Demo Editor');
    const es = await marks(sleepId, 'es');
    assert.ok(es.length > 0);
    assert.ok(es.every((m) => m.sourceText.includes('REWORDED START')));
  });

  it('reverts to an earlier revision: a new revision, republished when the lesson had no newer draft', async () => {
    const list = (await revisions(sleepId, 'en')).data;
    const seeded = list[list.length - 1]!;
    const answer = await api(`/lessons/revisions/${seeded.id}/revert`, { method: 'POST', json: {} });
    const { data } = expectOk(answer, revertResponseSchema);
    assert.equal(data.published, true);
    assert.equal(data.revision.kind, 'revert');
    assert.deepEqual(data.revision.revertedTo, { id: seeded.id, createdAt: seeded.createdAt });
    assert.deepEqual((await publicLesson(sleep.en.slug, 'en')).transcript, sleep.en.transcript);
    // Reverting to what the transcript already is changes nothing.
    expectError(await api(`/lessons/revisions/${seeded.id}/revert`, { method: 'POST', json: {} }), 400);
    expectError(await api(`/lessons/revisions/nope/revert`, { method: 'POST', json: {} }), 404);
  });

  it('reverts only the draft when it holds unpublished edits, as Apply suggestion does', async () => {
    // The main lesson's draft is ahead of its publication (saved above, never published).
    const list = (await revisions(mainId, 'en')).data;
    const seeded = list[list.length - 1]!;
    const before = await publicLesson(main.en.slug, 'en');
    const { data } = expectOk(
      await api(`/lessons/revisions/${seeded.id}/revert`, { method: 'POST', json: {} }),
      revertResponseSchema,
    );
    assert.equal(data.published, false);
    assert.deepEqual(await draftTranscript(mainId, 'en'), main.en.transcript);
    assert.deepEqual((await publicLesson(main.en.slug, 'en')).transcript, before.transcript);
  });

  it(`prunes past the newest ${KEEP} and older than the configured days, never the newest 20`, async () => {
    let transcript = await draftTranscript(sleepId, 'es');
    const count = async () => (await revisions(sleepId, 'es')).meta.pagination.total;
    const start = await count();
    for (let i = start; i < KEEP + 3; i++) {
      transcript = withText(transcript, 'p4', `Versión ${i}.`);
      assert.equal((await cm(sleepId, 'es', { transcript })).status, 200);
    }
    assert.equal(await count(), KEEP);
    const newest = (await revisions(sleepId, 'es', '&pageSize=1')).data[0]!;
    // Three days old, all of them: past LESSONS_HISTORY_DAYS (1) but the newest 20 stay.
    strapi.execute(
      `UPDATE lessons_transcript_revisions SET created_at = ? WHERE lesson_document_id = ? AND lesson_locale = 'es'`,
      Date.now() - 3 * 24 * 3600 * 1000,
      sleepId,
    );
    assert.equal(
      (await cm(sleepId, 'es', { transcript: withText(transcript, 'p4', 'Última.') })).status,
      200,
    );
    const left = await revisions(sleepId, 'es', '&pageSize=100');
    assert.equal(left.meta.pagination.total, 20);
    assert.equal(left.data[1]!.id, newest.id, 'the newest ones are the ones kept');
    assert.equal(textOf(await draftTranscript(sleepId, 'es'), 'p4'), 'Última.');
  });

  it('answers 400 for a list without a lesson, and 403 to an editor without the history permissions', async () => {
    expectError(await api('/lessons/revisions?locale=en'), 400);
    const role = await api('/admin/roles', {
      method: 'POST',
      json: { name: 'Reports only', description: 'Test' },
    });
    assert.equal(role.status, 201, role.text);
    const roleId = (role.body as { data: { id: number } }).data.id;
    const permissions = [
      { action: 'plugin::lessons.reports.read', subject: null, properties: {}, conditions: [] },
    ];
    assert.equal(
      (await api(`/admin/roles/${roleId}/permissions`, { method: 'PUT', json: { permissions } })).status,
      200,
    );
    const user = await api('/admin/users', {
      method: 'POST',
      json: { firstname: 'Reports', lastname: 'Only', email: 'reports-only@example.com', roles: [roleId] },
    });
    const registrationToken = (user.body as { data: { registrationToken: string } }).data.registrationToken;
    const registered = await call(`${strapi.url}/admin/register`, {
      method: 'POST',
      json: {
        registrationToken,
        userInfo: { firstname: 'Reports', lastname: 'Only', password: 'Test-editor-2026' },
      },
    });
    assert.equal(registered.status, 200, registered.text);
    const limited = await adminLogin(strapi.url, 'reports-only@example.com', 'Test-editor-2026');
    expectError(await api(`/lessons/revisions?lesson=${mainId}&locale=en`, {}, limited), 403);
    expectError(await api(`/lessons/review-marks/counts`, {}, limited), 403);
    const seeded = (await revisions(mainId, 'en')).data.at(-1)!;
    expectError(
      await api(`/lessons/revisions/${seeded.id}/revert`, { method: 'POST', json: {} }, limited),
      403,
    );
  });
});
