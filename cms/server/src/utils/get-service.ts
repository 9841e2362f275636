import type services from '../services';
import type { PluginConfig } from '../config';
import { PLUGIN_ID } from './constants';

type Services = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };

/** Typed lookup of this plugin's services. */
export function getService<K extends keyof Services>(name: K): Services[K] {
  return strapi.plugin(PLUGIN_ID).service<Services[K]>(name);
}

export function getConfig(): PluginConfig {
  return strapi.config.get<PluginConfig>(`plugin::${PLUGIN_ID}`);
}
