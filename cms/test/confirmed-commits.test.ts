import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { appDir } from '../app/scripts/boot.mjs';
import { confirmCommits } from '../server/src/utils/confirmed-commits.ts';

/**
 * Strapi's own `Database#transaction` over real knex and SQLite, with a COMMIT that fails as it
 * does when PostgreSQL restarts under a request (the connection is cut): knex's `commit()` still
 * resolves, so Strapi acknowledges a write that never committed; confirmCommits makes it fail.
 */
const require = createRequire(join(appDir, 'package.json'));
type Knex = {
  client: object;
  raw(sql: string): Promise<unknown>;
  destroy(): Promise<void>;
};
/** A database of its own for each case: a failed COMMIT leaves its connection inside the transaction. */
const connect = () =>
  (require('knex') as (config: object) => Knex)({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
const opened: Knex[] = [];
const dialect = Object.getPrototypeOf(connect().client) as {
  _query: (this: unknown, connection: unknown, query: { sql: string }) => Promise<unknown>;
};
const runQuery = dialect._query;
let commitFails = false;
dialect._query = function (connection, query) {
  if (commitFails && /^COMMIT/i.test(query.sql))
    return Promise.reject(new Error('Connection terminated unexpectedly'));
  return runQuery.call(this, connection, query);
};
const { Database } = require('@strapi/database') as {
  Database: { prototype: { transaction: (this: unknown, cb?: unknown) => Promise<unknown> } };
};

type Params = { trx: { raw(sql: string): Promise<unknown> } };
const strapiDatabase = () => {
  const knex = connect();
  opened.push(knex);
  return { connection: knex, transaction: Database.prototype.transaction } as unknown as {
    transaction(cb: (params: Params) => unknown): Promise<unknown>;
  };
};
const save = async ({ trx }: Params) => {
  await trx.raw('SELECT 1');
  return 'saved';
};

after(async () => {
  dialect._query = runQuery;
  await Promise.all(opened.map((knex) => knex.destroy()));
});

describe('confirmCommits', () => {
  it('fails the write whose COMMIT failed, which Strapi alone acknowledges', async () => {
    commitFails = true;
    try {
      assert.equal(await strapiDatabase().transaction(save), 'saved', 'Strapi on its own: acknowledged');
      const db = strapiDatabase();
      confirmCommits(db as never);
      await assert.rejects(db.transaction(save), /Connection terminated/);
    } finally {
      commitFails = false;
    }
  });

  it('answers as before when the COMMIT went through, nested transactions included', async () => {
    const db = strapiDatabase();
    confirmCommits(db as never);
    const result = await db.transaction(async (params) => {
      const inner = await db.transaction(save);
      return `${String(await save(params))}+${String(inner)}`;
    });
    assert.equal(result, 'saved+saved');
  });
});
