import type { Core } from '@strapi/strapi';
import { PROGRESS_UID, REPORT_UID } from './utils/constants';

/**
 * Strapi checks `unique: true` in the application only, which two simultaneous requests both pass.
 * These indexes make the database itself refuse a second progress row per (reader, lesson,
 * language) and a second report per idempotency key; the services retry on that refusal.
 */
async function ensureUniqueIndexes(strapi: Core.Strapi) {
  const targets = [
    { uid: PROGRESS_UID, attribute: 'progressKey' },
    { uid: REPORT_UID, attribute: 'idempotencyKey' },
  ];
  for (const { uid, attribute } of targets) {
    const meta = strapi.db.metadata.get(uid) as unknown as { tableName: string; attributes: Record<string, { columnName?: string }> };
    const column = meta.attributes[attribute]?.columnName ?? attribute.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const index = `${meta.tableName}_${column}_uq`;
    try {
      await strapi.db.connection.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (??)`, [index, meta.tableName, column]);
    } catch (e) {
      strapi.log.warn(`[lessons] Could not create the unique index ${index}: ${(e as Error).message}`);
    }
  }
}

/** Registers the editors' permissions with Strapi's RBAC (Settings → Roles). */
async function registerActions(strapi: Core.Strapi) {
  const actions = [
    { section: 'plugins', displayName: 'Read error reports', uid: 'reports.read', pluginName: 'lessons' },
    { section: 'plugins', displayName: 'Triage and apply error reports', uid: 'reports.update', pluginName: 'lessons' },
  ];
  const permissions = strapi.service('admin::permission') as unknown as {
    actionProvider: { registerMany(a: typeof actions): Promise<void> };
  };
  await permissions.actionProvider.registerMany(actions);
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi);
  await ensureUniqueIndexes(strapi);
};
