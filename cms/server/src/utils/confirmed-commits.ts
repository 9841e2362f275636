import { AsyncLocalStorage } from 'node:async_hooks';

type TransactionCallback = (params: { trx?: { executionPromise?: Promise<unknown> } }) => unknown;
interface TransactionalDatabase {
  transaction(cb?: TransactionCallback): Promise<unknown>;
}

/**
 * Makes a write acknowledged only once its COMMIT is. Strapi's `db.transaction` awaits knex's
 * `trx.commit()`, which resolves even when the COMMIT itself failed (a connection cut by a
 * database restart): knex reports that failure only on the transaction's own promise
 * (`executionPromise`), which nothing awaits. So a Content Manager save, an applied suggestion or
 * a progress merge could answer 200 for a transaction that never committed, and the change was
 * gone. Wrapped, the outermost transaction also awaits that promise: the failed COMMIT is the
 * request's error (503 on the plugin's routes, an error in the admin), and the client sends again.
 * Nested transactions (the Document Service inside a transaction of ours) are the outer one's.
 */
export function confirmCommits(db: TransactionalDatabase): void {
  const inside = new AsyncLocalStorage<true>();
  const original = db.transaction.bind(db);
  db.transaction = (cb?: TransactionCallback) => {
    if (!cb || inside.getStore()) return original(cb);
    return inside.run(true, async () => {
      let execution: Promise<unknown> | undefined;
      const result = await original((params) => {
        execution = params.trx?.executionPromise;
        return cb(params);
      });
      // Settled by now (knex settles it before commit() resolves): a failed COMMIT rejects here.
      await execution;
      return result;
    });
  };
}
