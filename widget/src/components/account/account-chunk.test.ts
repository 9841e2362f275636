import { expect } from '@esm-bundle/chai';
import '../../define.js';
import {
  chunkFailureHooks,
  deep,
  failChunks,
  mountWidget,
  partFailure as failure,
  tryAgain,
  until,
} from '../../../test/helpers.js';

// The session's store is a chunk loaded for a stored session or when the reader opens the login
// form (see lazy-chunks.test.ts). A page of its own: the other tests import the store, and a
// module the page already has is never fetched again.

describe("the session's chunk fails to load", () => {
  chunkFailureHooks(() => localStorage.clear());

  it('says so when the reader opens the login form, and "Try again" opens it', async () => {
    await failChunks('controllers/auth-store');
    const widget = await mountWidget();
    const account = deep(widget, 'lesson-account')!.shadowRoot!;
    [...account.querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => b.textContent.trim() === 'Log in')!
      .click();
    await until(() => failure(widget), 'the failure message');
    expect(deep(widget, 'lesson-auth-dialog')).to.equal(null);
    await failChunks();
    tryAgain(widget);
    await until(() => deep(widget, 'lesson-auth-dialog', 'dialog[open]'), 'the login form');
    expect(failure(widget)).to.equal(null);
  });
});
