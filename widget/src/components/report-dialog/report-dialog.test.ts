import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import type { ErrorReportInput } from '@lessons/shared/core';
import '../../define.js';
import {
  API,
  activeElement,
  cleanup,
  deep,
  failNext,
  mountWidget,
  requestLog,
  resetFixture,
  until,
} from '../../../test/helpers.js';
import type { LessonReportSubmittedEvent } from '../../events/lesson-report-submitted.js';
import type { LessonWidget } from '../lesson-widget/lesson-widget.component.js';

const DRAFT_KEY = `lessons-widget:report:${new URL(API).origin}:regaining-social-connection:en`;
const dialogOf = (widget: LessonWidget) =>
  deep(widget, 'lesson-report-dialog')?.shadowRoot?.querySelector('dialog') ?? null;
const reports = () => requestLog((r) => r.method === 'POST' && r.path.endsWith('/reports'));

async function openFromLink(widget: LessonWidget) {
  deep<HTMLButtonElement>(widget, 'lesson-transcript', '[part="report-link"]')!.click();
  return until(() => (dialogOf(widget)?.open ? dialogOf(widget) : null), 'the report form');
}

async function type(dialog: HTMLDialogElement, field: string, text: string) {
  const input = dialog.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${field}`)!;
  input.focus();
  await sendKeys({ type: text });
}

const submit = (dialog: HTMLDialogElement) =>
  dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

describe('error reports', () => {
  beforeEach(async () => {
    await resetFixture();
    sessionStorage.clear();
  });
  afterEach(cleanup);

  it('opens from "Are there any errors or improvements?" with the two questions', async () => {
    const widget = await mountWidget();
    expect(deep(widget, 'lesson-transcript', '[part="report-link"]')!.textContent.trim()).to.equal(
      'Are there any errors or improvements?',
    );
    const dialog = await openFromLink(widget);
    expect(dialog.matches(':modal')).to.equal(true);
    const labels = [...dialog.querySelectorAll('label')].map((l) => l.textContent.trim());
    expect(labels).to.include.members(['Where is the error?', 'What is the error?']);
    expect(activeElement()?.id).to.equal('where');
  });

  it('requires "What is the error?" before sending', async () => {
    const widget = await mountWidget();
    const dialog = await openFromLink(widget);
    submit(dialog);
    const error = await until(() => dialog.querySelector('#what-error'), 'the field error');
    expect(error.textContent).to.equal('Say what the error is, in a few words.');
    expect(dialog.querySelector('#what')!.getAttribute('aria-invalid')).to.equal('true');
    expect(activeElement()?.id).to.equal('what');
    expect(await reports()).to.have.length(0);
  });

  it('sends the selected words, anchored, with the video time, and confirms', async () => {
    const widget = await mountWidget();
    const events: LessonReportSubmittedEvent[] = [];
    widget.addEventListener('lesson-report-submitted', (e) => events.push(e));
    const p = deep(widget, 'lesson-transcript', 'p[data-paragraph="p3"]')!;
    const text = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
    document.getSelection()!.setBaseAndExtent(text, 10, text, 30);
    const button = await until(
      () => deep<HTMLButtonElement>(widget, 'lesson-transcript', '[part="report-selection"]'),
      'the button',
    );
    button.click();
    const dialog = await until(() => (dialogOf(widget)?.open ? dialogOf(widget) : null), 'the form');
    const where = dialog.querySelector<HTMLTextAreaElement>('#where')!.value;
    const paragraph = widget
      .currentLesson!.transcript.sections.flatMap((s) => s.paragraphs)
      .find((x) => x.id === 'p3')!;
    // The selection (characters 10–30, "eel low, waiting unt") snaps to whole words.
    const [start, end] = [9, 32];
    expect(paragraph.text.slice(start, end)).to.equal('feel low, waiting until');
    expect(where).to.contain(`“${paragraph.text.slice(start, end)}”`);
    expect(activeElement()?.id).to.equal('what');
    await sendKeys({ type: 'A word is missing here.' });
    submit(dialog);
    await until(() => dialog.querySelector('.form-note[role="status"]'), 'the thanks');
    expect(dialog.textContent).to.contain('Thank you! Your report has been sent.');
    const [sent] = await reports();
    const body = sent!.body as ErrorReportInput;
    expect(body.what).to.equal('A word is missing here.');
    expect(body.position).to.deep.equal({ paragraphId: 'p3', start, end });
    expect(body.quote!.exact).to.equal(paragraph.text.slice(start, end));
    expect(body.quote!.prefix).to.equal(paragraph.text.slice(0, start));
    expect(body.time).to.equal(paragraph.start);
    expect(body.idempotencyKey).to.match(/^[A-Za-z0-9_-]{8,64}$/);
    expect(body.website).to.equal('');
    expect(events).to.have.length(1);
    expect(events[0]!.detail).to.include({
      id: 'report-1',
      state: 'new',
      slug: 'regaining-social-connection',
    });
    expect(sessionStorage.getItem(DRAFT_KEY)).to.equal(null);
  });

  it('shows a server field error at its field, in the reader language', async () => {
    const widget = await mountWidget({ lang: 'es' });
    await until(() => widget.currentLesson?.locale === 'es', 'Spanish');
    await failNext({
      path: '/reports$',
      status: 400,
      body: {
        data: null,
        error: {
          status: 400,
          name: 'ValidationError',
          message: 'Invalid',
          details: { errors: [{ path: ['email'], message: 'That e-mail address does not look right.' }] },
        },
      },
    });
    const dialog = await openFromLink(widget);
    await type(dialog, 'what', 'Falta una palabra.');
    await type(dialog, 'email', 'ana@example.com');
    submit(dialog);
    const error = await until(() => dialog.querySelector('#email-error'), 'the e-mail error');
    expect(error.textContent).to.equal('Escribe un correo como nombre@ejemplo.com.');
    expect(activeElement()?.id).to.equal('email');
  });

  it('says when to try again after a 429, keeps the draft and re-sends it with the same key', async () => {
    const widget = await mountWidget();
    await failNext({ path: '/reports$', status: 429, retryAfter: 30 });
    const dialog = await openFromLink(widget);
    await type(dialog, 'what', 'The date is wrong.');
    submit(dialog);
    const alert = await until(() => dialog.querySelector('.form-error[role="alert"]'), 'the error');
    expect(alert.textContent).to.equal('Too many reports were sent. Please try again in 30 seconds.');
    expect((JSON.parse(sessionStorage.getItem(DRAFT_KEY)!) as { what: string }).what).to.equal(
      'The date is wrong.',
    );
    submit(dialog);
    await until(() => dialog.querySelector('.form-note[role="status"]'), 'the thanks');
    const [first, second] = await reports();
    expect((first!.body as ErrorReportInput).idempotencyKey).to.equal(
      (second!.body as ErrorReportInput).idempotencyKey,
    );
  });

  it('keeps an unsent report across a reload and sends it with the same key', async () => {
    let widget = await mountWidget();
    await failNext({ path: '/reports$', status: 503 });
    let dialog = await openFromLink(widget);
    await type(dialog, 'what', 'A typo in the second paragraph.');
    submit(dialog);
    await until(() => dialog.querySelector('.form-error[role="alert"]'), 'the server error');
    const key = (JSON.parse(sessionStorage.getItem(DRAFT_KEY)!) as { idempotencyKey: string }).idempotencyKey;
    // "Reload": a new widget in the same tab.
    cleanup();
    widget = await mountWidget();
    dialog = await openFromLink(widget);
    expect(dialog.querySelector<HTMLTextAreaElement>('#what')!.value).to.equal(
      'A typo in the second paragraph.',
    );
    expect(dialog.textContent).to.contain('has been restored');
    submit(dialog);
    await until(() => dialog.querySelector('.form-note[role="status"]'), 'the thanks');
    const sent = await reports();
    expect(sent.map((r) => (r.body as ErrorReportInput).idempotencyKey).every((k) => k === key)).to.equal(
      true,
    );
  });

  it('gives focus back when closed', async () => {
    const widget = await mountWidget();
    const link = deep<HTMLButtonElement>(widget, 'lesson-transcript', '[part="report-link"]')!;
    link.focus();
    const dialog = await openFromLink(widget);
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'closed');
    expect(activeElement()).to.equal(link);
  });
});
