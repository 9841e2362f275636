import type services from '../services';
import type { PluginConfig } from '../config';
import { PLUGIN_ID } from './constants';

type Services = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };

/** Typed lookup of this plugin's services. */
export function getService<K extends keyof Services>(name: K): Services[K] {
  return strapi.plugin(PLUGIN_ID).service(name) as Services[K];
}

export function getConfig(): PluginConfig {
  return strapi.config.get(`plugin::${PLUGIN_ID}`) as PluginConfig;
}
