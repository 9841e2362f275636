import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import {
  API,
  READER,
  activeElement,
  cleanup,
  deep,
  mountWidget,
  readerToken,
  requestLog,
  resetFixture,
  until,
} from '../../../test/helpers.js';
import { clearAuthStores } from '../../controllers/auth-store.js';
import type { LessonAuthChangeEvent } from '../../events/lesson-auth-change.js';
import type { LessonWidget } from '../lesson-widget/lesson-widget.component.js';

const STORAGE_KEY = `lessons-widget:auth:${new URL(API).origin}`;
const account = (widget: LessonWidget) => deep(widget, 'lesson-account')!.shadowRoot!;
const dialogOf = (widget: LessonWidget) =>
  deep(widget, 'lesson-auth-dialog')?.shadowRoot?.querySelector('dialog') ?? null;

function button(root: ParentNode, text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent.trim() === text,
  );
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

async function openDialog(widget: LessonWidget, label: 'Log in' | 'Register') {
  button(account(widget), label).click();
  return until(() => (dialogOf(widget)?.open ? dialogOf(widget) : null), 'the dialog');
}

async function fill(dialog: HTMLDialogElement, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const input = dialog.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
    input.focus();
    input.value = '';
    await sendKeys({ type: value });
  }
}

describe('reader account', () => {
  beforeEach(async () => {
    await resetFixture();
    localStorage.clear();
    clearAuthStores();
  });
  afterEach(cleanup);

  it('asks anonymous readers to log in, with both buttons', async () => {
    const widget = await mountWidget();
    const root = account(widget);
    await until(() => root.querySelector('[part="notice"]'), 'the notice');
    expect(root.querySelector('[part="notice"]')!.textContent).to.equal(
      'Please log in to have your progress recorded. Without logging in, you will be able to view the video but your progress in the course will not be increased.',
    );
    expect(button(root, 'Log in')).to.exist;
    expect(button(root, 'Register')).to.exist;
  });

  it('logs in from a modal dialog that keeps focus and gives it back', async () => {
    const widget = await mountWidget();
    const changes: LessonAuthChangeEvent[] = [];
    widget.addEventListener('lesson-auth-change', (e) => changes.push(e));
    const dialog = await openDialog(widget, 'Log in');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(activeElement()?.getAttribute('name')).to.equal('identifier');
    await fill(dialog, { identifier: READER.email, password: READER.password });
    await sendKeys({ press: 'Enter' });
    await until(() => !dialog.open, 'the dialog to close');
    await until(
      () => account(widget).textContent.includes(`Logged in as ${READER.username}`),
      'the signed-in state',
    );
    expect((JSON.parse(localStorage.getItem(STORAGE_KEY)!) as { jwt: unknown }).jwt).to.be.a('string');
    expect(changes.map((e) => e.detail.user?.username)).to.deep.equal([READER.username]);
    // Focus lands on the account area (its first button: Log out), not on the page body.
    await until(() => activeElement()?.textContent?.trim() === 'Log out', 'focus on Log out');
  });

  it('closes with Escape and returns focus to the button that opened it', async () => {
    const widget = await mountWidget();
    const opener = button(account(widget), 'Log in');
    opener.focus();
    const dialog = await openDialog(widget, 'Log in');
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'closed');
    expect(activeElement()).to.equal(opener);
  });

  it('explains wrong credentials at once, in the reader language', async () => {
    const widget = await mountWidget({ lang: 'es' });
    await until(() => account(widget).textContent.includes('Iniciar sesión'), 'Spanish');
    const dialog = await openDialog(widget, 'Iniciar sesión' as 'Log in');
    await fill(dialog, { identifier: READER.email, password: 'wrong-password' });
    await sendKeys({ press: 'Enter' });
    const alert = await until(() => dialog.querySelector('[role="alert"]'), 'the error');
    expect(alert.textContent).to.equal('El correo, el nombre de usuario o la contraseña no son correctos.');
    expect(dialog.open).to.equal(true);
  });

  it('checks required fields before sending', async () => {
    const widget = await mountWidget();
    const dialog = await openDialog(widget, 'Register');
    await fill(dialog, { username: 'ab', email: 'not-an-email', password: '123' });
    await sendKeys({ press: 'Enter' });
    await until(() => dialog.querySelector('[aria-invalid="true"]'), 'field errors');
    const errors = [...dialog.querySelectorAll('.field-error')].map((e) => e.textContent);
    expect(errors).to.deep.equal([
      'Use at least 3 characters.',
      'Enter an e-mail address such as name@example.com.',
      'Use at least 6 characters.',
    ]);
    expect(activeElement()?.getAttribute('name')).to.equal('username');
    expect((await requestLog((r) => r.path.startsWith('/api/auth'))).length).to.equal(0);
  });

  it('says when an e-mail is already registered, then registers a new reader', async () => {
    const widget = await mountWidget();
    const dialog = await openDialog(widget, 'Register');
    await fill(dialog, { username: 'someone', email: READER.email, password: 'long-enough' });
    await sendKeys({ press: 'Enter' });
    const alert = await until(() => dialog.querySelector('[role="alert"]'), 'the error');
    expect(alert.textContent).to.contain('already registered');
    await fill(dialog, { username: 'someone', email: 'someone@example.com', password: 'long-enough' });
    await sendKeys({ press: 'Enter' });
    await until(() => account(widget).textContent.includes('Logged in as someone'), 'registered');
  });

  it('logs out', async () => {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        jwt: await readerToken(),
        user: { id: 1, username: READER.username, email: READER.email },
      }),
    );
    const widget = await mountWidget();
    await until(() => account(widget).textContent.includes('Logged in as'), 'signed in');
    button(account(widget), 'Log out').click();
    await until(() => account(widget).querySelector('[part="notice"]'), 'the notice again');
    expect(localStorage.getItem(STORAGE_KEY)).to.equal(null);
    await until(
      () => deep(widget, '[role="status"]')!.textContent === 'You have logged out.',
      'the announcement',
    );
  });

  it('drops a stored token the server refuses', async () => {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ jwt: 'stale-token', user: { id: 1, username: 'reader', email: READER.email } }),
    );
    const widget = await mountWidget();
    await until(() => account(widget).querySelector('[part="notice"]'), 'anonymous again');
    expect(localStorage.getItem(STORAGE_KEY)).to.equal(null);
  });

  it('uses a token given by the host page, storing nothing and offering no logout', async () => {
    const widget = await mountWidget({ token: await readerToken() });
    await until(() => account(widget).textContent.includes(`Logged in as ${READER.username}`), 'signed in');
    expect(() => button(account(widget), 'Log out')).to.throw();
    expect(localStorage.getItem(STORAGE_KEY)).to.equal(null);
  });

  it('follows a token the host sets, changes or removes after mounting', async () => {
    const widget = await mountWidget();
    await until(() => account(widget).querySelector('[part="notice"]'), 'anonymous at first');
    widget.setAttribute('token', await readerToken());
    await until(
      () => account(widget).textContent.includes(`Logged in as ${READER.username}`),
      'signed in by the host',
    );
    await until(() => account(widget).querySelector('[part="progress"]'), 'the reader progress');
    widget.removeAttribute('token');
    await until(() => account(widget).querySelector('[part="notice"]'), 'anonymous again');
    expect(localStorage.getItem(STORAGE_KEY)).to.equal(null);
  });

  it('stays anonymous when the host gives a token the server refuses', async () => {
    const widget = await mountWidget({ token: 'forged-token' });
    await until(() => account(widget).querySelector('[part="notice"]'), 'the anonymous notice');
    expect(account(widget).textContent).to.not.contain('Logged in');
    expect(localStorage.getItem(STORAGE_KEY)).to.equal(null);
    const puts = await requestLog((r) => r.method === 'PUT' && r.path.endsWith('/progress'));
    expect(puts).to.have.length(0);
  });

  it('shows lesson and course progress for a logged-in reader', async () => {
    const token = await readerToken();
    await fetch(`${API}/api/lessons/regaining-social-connection/progress?locale=en`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ segments: [[0, 50]], position: 50 }),
    });
    await fetch(`${API}/api/lessons/sleep-routine-and-mood/progress?locale=en`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ segments: [[0, 60]], position: 52 }),
    });
    const widget = await mountWidget({ token });
    const progress = await until(() => account(widget).querySelector('[part="progress"]'), 'progress');
    expect(progress.textContent).to.contain('25% watched');
    expect(progress.textContent).to.contain('1 of 4 lessons completed');
    expect(account(widget).querySelector('progress')!.value).to.equal(25);
    // …and the player offers to resume where the reader stopped.
    await until(
      () =>
        deep(widget, 'lesson-player', 'button[part="play-button"]')!.textContent.includes('Resume at 0:50'),
      'resume',
    );
  });
});
