/** The plugin's id: the prefix of its routes, permissions, translations and custom field uid. */
export const PLUGIN_ID = 'lessons';
