import type { Core } from '@strapi/strapi';
import { PROGRESS_UID, REPORT_UID } from './utils/constants';
import { bumpOnWrites } from './services/lesson-cache';
import { getConfig, getService } from './utils/get-service';
import { surviveDatabaseOutages } from './middlewares/database-unavailable';
import { answerCachedReadsEarly } from './middlewares/cached-answers';
import { confirmCommits } from './utils/confirmed-commits';
import { configureLessonEditing } from './utils/lesson-editing';

/**
 * Strapi checks `unique: true` in the application only, which two simultaneous requests both pass.
 * These indexes make the database itself refuse a second progress row per (reader, lesson,
 * language) and a second report per (lesson, client, idempotency key); the services retry on
 * that refusal. Indexes of earlier versions that no longer hold are dropped.
 */
async function ensureUniqueIndexes(strapi: Core.Strapi) {
  const targets = [
    { uid: PROGRESS_UID, name: 'progress_key', attributes: ['progressKey'] },
    { uid: REPORT_UID, name: 'scope', attributes: ['lessonDocumentId', 'clientHash', 'idempotencyKey'] },
  ];
  // Reports were once unique per idempotency key alone, which let one key block another lesson's report.
  const retired = [{ uid: REPORT_UID, name: 'idempotency_key' }];
  const tableOf = (uid: string) =>
    strapi.db.metadata.get(uid) as unknown as {
      tableName: string;
      attributes: Record<string, { columnName?: string }>;
    };
  const column = (meta: ReturnType<typeof tableOf>, attribute: string) =>
    meta.attributes[attribute]?.columnName ?? attribute.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  for (const { uid, name } of retired) {
    const index = `${tableOf(uid).tableName}_${name}_uq`;
    try {
      await strapi.db.connection.raw(`DROP INDEX IF EXISTS ??`, [index]);
    } catch (e) {
      strapi.log.warn(`[lessons] Could not drop the old unique index ${index}: ${(e as Error).message}`);
    }
  }
  for (const { uid, name, attributes } of targets) {
    const meta = tableOf(uid);
    const columns = attributes.map((a) => column(meta, a));
    const index = `${meta.tableName}_${name}_uq`;
    try {
      await strapi.db.connection.raw(
        `CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (${columns.map(() => '??').join(', ')})`,
        [index, meta.tableName, ...columns],
      );
    } catch (e) {
      strapi.log.warn(`[lessons] Could not create the unique index ${index}: ${(e as Error).message}`);
    }
  }
}

/** Registers the editors' permissions with Strapi's RBAC (Settings → Roles). */
async function registerActions(strapi: Core.Strapi) {
  const actions = [
    { section: 'plugins', displayName: 'Read error reports', uid: 'reports.read', pluginName: 'lessons' },
    {
      section: 'plugins',
      displayName: 'Triage and apply error reports',
      uid: 'reports.update',
      pluginName: 'lessons',
    },
    {
      section: 'plugins',
      displayName: 'Read transcript history',
      uid: 'history.read',
      pluginName: 'lessons',
    },
    {
      section: 'plugins',
      displayName: 'Revert transcripts and clear review marks',
      uid: 'history.revert',
      pluginName: 'lessons',
    },
    {
      section: 'plugins',
      displayName: 'Read lesson analytics',
      uid: 'analytics.read',
      pluginName: 'lessons',
    },
  ];
  const permissions = strapi.service('admin::permission') as unknown as {
    actionProvider: { registerMany(a: typeof actions): Promise<void> };
  };
  await permissions.actionProvider.registerMany(actions);
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi);
  await ensureUniqueIndexes(strapi);
  await getService('analytics').ensureIndex();
  // Before any request: a write is acknowledged only once its COMMIT is (utils/confirmed-commits.ts).
  confirmCommits(strapi.db);
  bumpOnWrites(strapi);
  answerCachedReadsEarly(strapi);
  await getService('redis').connect(getConfig().redisUrl);
  surviveDatabaseOutages(strapi);
  await getService('reporterMail').startPurging(getConfig().reporterEmailDays);
  await getService('history').startPruning();
  await configureLessonEditing(strapi);
};
