import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import {
  describeQuote,
  paragraphsOf,
  reportCreatedResponseSchema,
  reportDetailResponseSchema,
  reportRowSchema,
  type ErrorReportInputRaw,
  type ReportRow,
} from '@lessons/shared';
import {
  adminLogin,
  call,
  expectOk,
  seedLesson,
  startStrapi,
  type Answer,
  type TestStrapi,
} from './helpers.ts';
import { Inbox } from './smtp-inbox.ts';

/**
 * Reporters told by e-mail when their report is closed: a real SMTP server on loopback receives
 * what Strapi's email plugin (nodemailer) sends; then the app again without mail set up, and the
 * purge of old addresses.
 */
const PORT = 1480;
const main = seedLesson('regaining-social-connection');
const applyResponseSchema = z.object({ data: z.object({ report: reportRowSchema }) });

const inbox = new Inbox();
const dir = mkdtempSync(join(tmpdir(), 'lessons-report-mail-'));
const database = join(dir, 'data.db');
let strapi: TestStrapi | undefined;
let editor: string;
let keys = 0;

const api = (path: string, init?: Parameters<typeof call>[1]) => call(`${strapi!.url}${path}`, init);
const admin = (path: string, init: Parameters<typeof call>[1] = {}) =>
  api(`/lessons${path}`, { ...init, token: editor });

async function boot(env: Record<string, string>) {
  strapi = await startStrapi(PORT, {
    DATABASE_FILENAME: database,
    LESSONS_REPORTS_PER_CLIENT: '1000',
    ...env,
  });
  editor = await adminLogin(strapi.url);
}

async function report(slug: string, body: Partial<ErrorReportInputRaw>): Promise<string> {
  const key = `mail-report-${++keys}`;
  const answer = await api(`/api/lessons/${slug}/reports`, {
    method: 'POST',
    json: { locale: 'en', what: 'A mistake.', idempotencyKey: key, ...body },
  });
  return expectOk(answer, reportCreatedResponseSchema, 201).data.id;
}

async function move(id: string, body: Record<string, unknown>): Promise<ReportRow> {
  const answer: Answer = await admin(`/reports/${id}`, { method: 'PUT', json: body });
  return expectOk(answer, z.object({ data: reportRowSchema })).data;
}

const detail = async (id: string) => expectOk(await admin(`/reports/${id}`), reportDetailResponseSchema).data;

/** The report's detail once the mail's outcome is recorded (it is written after the mail leaves). */
async function recorded(id: string) {
  for (;;) {
    const row = await detail(id);
    if (row.notifiedAt || row.notifyError) return row;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const storedEmail = (id: string) =>
  strapi!.query(`SELECT reporter_email FROM lessons_error_reports WHERE document_id = '${id}'`)[0]
    ?.reporter_email ?? null;

/** Moves the report's closing date `days` into the past, behind Strapi's back. */
function closedDaysAgo(id: string, days: number) {
  const [row] = strapi!.query(`SELECT resolved_at FROM lessons_error_reports WHERE document_id = '${id}'`);
  assert.ok(row?.resolved_at, 'the report is closed');
  const at = Date.now() - days * 24 * 60 * 60 * 1000;
  strapi!.execute(
    'UPDATE lessons_error_reports SET resolved_at = ? WHERE document_id = ?',
    typeof row.resolved_at === 'number' ? at : new Date(at).toISOString(),
    id,
  );
}

before(async () => {
  const smtpPort = await inbox.listen();
  await boot({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_SECURE: 'false',
    MAIL_FROM: 'Lessons <lessons@example.org>',
  });
});

after(async () => {
  await strapi?.stop();
  await inbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const closedIds: Record<string, string> = {};

describe('with e-mail set up', () => {
  it('tells a Spanish reporter in Spanish, with the note the editor chose to include', async () => {
    const id = await report(main.es.slug, {
      locale: 'es',
      what: 'Falta una tilde.',
      email: 'ana@example.com',
    });
    assert.equal((await detail(id)).mailEnabled, true);
    await move(id, { state: 'accepted' });
    assert.equal(inbox.mails.length, 0, 'accepting tells nobody');
    await move(id, { state: 'fixed', note: 'Corregido en el segundo párrafo.', includeNote: true });

    const mail = await inbox.mail(0);
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : '', 'ana@example.com');
    assert.equal(mail.from?.text, '"Lessons" <lessons@example.org>');
    assert.equal(mail.subject, `Tu aviso sobre «${main.es.title}» se ha corregido`);
    assert.match(mail.text ?? '', new RegExp(`lección «${main.es.title}»`));
    assert.match(mail.text ?? '', /Un editor lo ha corregido\./);
    assert.match(mail.text ?? '', /La nota del editor:\nCorregido en el segundo párrafo\./);
    assert.equal(mail.html, false, 'plain text only');

    const row = await recorded(id);
    assert.ok(row.notifiedAt);
    assert.equal(row.notifyError, null);
    closedIds.fixedEs = id;
  });

  it('tells an English reporter of a rejection without the note when it is not included', async () => {
    const id = await report(main.en.slug, { what: 'I think this is wrong.', email: 'bob@example.com' });
    await move(id, { state: 'rejected', note: 'Internal: the reader misheard.' });
    const mail = await inbox.mail(1);
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : '', 'bob@example.com');
    assert.equal(mail.subject, `Your report on "${main.en.title}" has been reviewed`);
    assert.match(mail.text ?? '', /decided to leave the lesson as it is/);
    assert.doesNotMatch(mail.text ?? '', /misheard|note/i);
    closedIds.rejectedEn = (await recorded(id)).id;
  });

  it('sends nothing for a report without an address, nor for a note added to a closed report', async () => {
    const silent = await report(main.en.slug, { what: 'No address left.' });
    await move(silent, { state: 'rejected', note: 'Nothing to tell.', includeNote: true });
    await move(closedIds.rejectedEn!, { state: 'rejected', note: 'A second thought.', includeNote: true });
    // The next mail to arrive is the next report's: the two changes above sent none.
    const id = await report(main.en.slug, { what: 'Another one.', email: 'carol@example.com' });
    await move(id, { state: 'rejected' });
    const mail = await inbox.mail(2);
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : '', 'carol@example.com');
    assert.equal((await detail(silent)).notifiedAt, null);
  });

  it('tells the reporter again when a reopened report is closed again (its outcome may differ)', async () => {
    const id = closedIds.fixedEs!;
    await move(id, { state: 'accepted' });
    await move(id, { state: 'rejected' });
    const mail = await inbox.mail(3);
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : '', 'ana@example.com');
    assert.equal(mail.subject, `Tu aviso sobre «${main.es.title}» se ha revisado`);
  });

  it('tells the reporter when their suggestion is applied, after the correction is stored', async () => {
    const lesson = main.en;
    const p = paragraphsOf(lesson.transcript)[0]!;
    const end = p.text.indexOf(' ');
    const position = { paragraphId: p.id, start: 0, end };
    const quote = describeQuote(lesson.transcript, position)!;
    const id = await report(lesson.slug, {
      quote,
      position,
      suggestion: `${quote.exact}!`,
      email: 'dan@example.com',
    });
    const applied = expectOk(
      await admin(`/reports/${id}/apply`, { method: 'POST', json: { note: 'Thanks!', includeNote: true } }),
      applyResponseSchema,
    );
    assert.equal(applied.data.report.state, 'fixed');
    const mail = await inbox.mail(4);
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : '', 'dan@example.com');
    assert.equal(mail.subject, `Your report on "${lesson.title}" has been fixed`);
    assert.match(mail.text ?? '', new RegExp(`You pointed at: "${quote.exact}"`));
    assert.match(mail.text ?? '', /The editor's note:\nThanks!/);
    await recorded(id);
    assert.equal(inbox.mails.length, 5);
  });

  it('records and logs a mail the server refuses, and the report stays closed', async () => {
    const id = await report(main.en.slug, { what: 'Wrong address.', email: 'nobody@example.com' });
    assert.equal((await move(id, { state: 'rejected' })).state, 'rejected');
    const row = await recorded(id);
    assert.equal(row.state, 'rejected');
    assert.equal(row.notifiedAt, null);
    assert.match(row.notifyError ?? '', /No such mailbox here/);
    assert.match(strapi!.output(), /Could not tell the reporter of report .*No such mailbox here/);
    assert.equal(inbox.mails.length, 5);
  });
});

describe('without e-mail set up, and old addresses purged', () => {
  it('deletes the addresses of reports closed longer ago than LESSONS_REPORTER_EMAIL_DAYS, and only those', async () => {
    const open = await report(main.en.slug, { what: 'Still open.', email: 'erin@example.com' });
    closedDaysAgo(closedIds.fixedEs!, 11);
    closedDaysAgo(closedIds.rejectedEn!, 9);
    await strapi!.stop();
    strapi = undefined;
    // The purge runs when the server starts, then daily.
    await boot({ LESSONS_REPORTER_EMAIL_DAYS: '10' });
    assert.equal(storedEmail(closedIds.fixedEs!), null);
    assert.equal(storedEmail(closedIds.rejectedEn!), 'bob@example.com');
    assert.equal(storedEmail(open), 'erin@example.com');
  });

  it('still changes the state, tells the editor mail is off, and sends nothing', async () => {
    const id = await report(main.en.slug, { what: 'Nobody will hear.', email: 'frank@example.com' });
    const before = await detail(id);
    assert.equal(before.mailEnabled, false);
    const row = await move(id, { state: 'rejected', note: 'No.', includeNote: true });
    assert.equal(row.state, 'rejected');
    const after = await detail(id);
    assert.equal(after.notifiedAt, null);
    assert.equal(after.notifyError, null);
    assert.equal(inbox.mails.length, 5);
  });
});
