import type { StrapiApp } from '@strapi/strapi/admin';
import { ChartBubble, Message, Paragraph } from '@strapi/icons';
import type { ComponentType } from 'react';
import { VideoPanel } from './components/VideoPanel';
import { addLessonColumns, translateLessonFields } from './contentManager/lessonFields';
import { registerHistory } from './components/history/register';
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

    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}-analytics`,
      icon: ChartBubble,
      intlLabel: { id: getTranslation('menu.analytics'), defaultMessage: en['menu.analytics'] },
      permissions: PERMISSIONS.readAnalytics,
      Component: () => import('./pages/AnalyticsApp'),
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

  bootstrap(app: StrapiApp) {
    // Lessons in the Content Manager: the "Video" side panel (duration measured from the video,
    // a transcript running past its end), field labels and descriptions in the editor's
    // language, and the lesson's position in its course in the list.
    const contentManager = app.getPlugin('content-manager').apis as {
      addEditViewSidePanel(panels: unknown[]): void;
    };
    contentManager.addEditViewSidePanel([VideoPanel]);
    registerHistory(app);
    app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', translateLessonFields);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addLessonColumns);
  },

  registerTrads({ locales }: { locales: string[] }) {
    return loadTranslations(locales);
  },
};
