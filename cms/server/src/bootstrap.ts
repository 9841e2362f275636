import type { Core } from '@strapi/strapi';

/** Registers the editors' permissions with Strapi's RBAC (Settings → Roles). */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const actions = [
    { section: 'plugins', displayName: 'Read error reports', uid: 'reports.read', pluginName: 'lessons' },
    { section: 'plugins', displayName: 'Triage and apply error reports', uid: 'reports.update', pluginName: 'lessons' },
  ];
  const permissions = strapi.service('admin::permission') as unknown as {
    actionProvider: { registerMany(a: typeof actions): Promise<void> };
  };
  await permissions.actionProvider.registerMany(actions);
};
