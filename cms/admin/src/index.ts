import type { StrapiApp } from '@strapi/strapi/admin';
import { Message, Paragraph } from '@strapi/icons';
import type { ComponentType } from 'react';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { getTranslation, loadTranslations } from './translations';
import en from './translations/en';

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: en['plugin.name'] });

    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Message,
      intlLabel: { id: getTranslation('menu.reports'), defaultMessage: en['menu.reports'] },
      permissions: PERMISSIONS.readReports,
      Component: () => import('./pages/App'),
    });

    app.customFields.register({
      name: 'transcript',
      pluginId: PLUGIN_ID,
      type: 'json',
      icon: Paragraph,
      intlLabel: { id: getTranslation('transcript.label'), defaultMessage: en['transcript.label'] },
      intlDescription: {
        id: getTranslation('transcript.description'),
        defaultMessage: en['transcript.description'],
      },
      components: {
        // Strapi types the input as taking no props; the Content Manager passes it the field's props.
        Input: () => import('./components/TranscriptInput') as Promise<{ default: ComponentType }>,
      },
    });
  },

  registerTrads({ locales }: { locales: string[] }) {
    return loadTranslations(locales);
  },
};
