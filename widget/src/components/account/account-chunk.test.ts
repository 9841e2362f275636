import '../../define.js';
import { chunkFailureHooks, expectLoginFormAfterRetry } from '../../../test/helpers.js';

// The session's store is a chunk loaded for a stored session or when the reader opens the login
// form (see lazy-chunks.test.ts). A page of its own: the other tests import the store, and a
// module the page already has is never fetched again.

describe("the session's chunk fails to load", () => {
  chunkFailureHooks(() => localStorage.clear());

  it('says so when the reader opens the login form, and "Try again" opens it', async () => {
    await expectLoginFormAfterRetry('controllers/auth-store');
  });
});
