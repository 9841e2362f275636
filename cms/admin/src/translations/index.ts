import * as React from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import en from './en';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

/** The admin's id for one of our messages: keys are prefixed with the plugin id. */
export const getTranslation = (key: MessageKey): string => `${PLUGIN_ID}.${key}`;

const loaders: Record<string, () => Promise<{ default: Messages }>> = {
  en: () => Promise.resolve({ default: en }),
  es: () => import('./es'),
};

/** The admin's `registerTrads`: our messages for each admin language we have them in. */
export async function loadTranslations(
  locales: string[],
): Promise<Array<{ data: Record<string, string>; locale: string }>> {
  return Promise.all(
    locales.map(async (locale) => {
      const load = loaders[locale];
      if (!load) return { data: {}, locale };
      const { default: messages } = await load();
      const data = Object.fromEntries(
        Object.entries(messages).map(([key, text]) => [getTranslation(key as MessageKey), text]),
      );
      return { data, locale };
    }),
  );
}

/** `t(key, values)`: a message in the admin's language, English when it has no translation. */
export function useT(): (key: MessageKey, values?: MessageValues) => string {
  const { formatMessage } = useIntl();
  return React.useCallback(
    (key, values) => formatMessage({ id: getTranslation(key), defaultMessage: en[key] }, values),
    [formatMessage],
  );
}
