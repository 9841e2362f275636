import { baseLanguage } from '@lessons/shared/core';
import type en from './locales/en.js';
import type enLater from './locales/en.later.js';

/** The languages the widget speaks. Each one is a separate chunk, loaded only when used. */
export const UI_LANGUAGES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'ar', 'ru', 'zh', 'ja'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const loaders: Record<UiLanguage, () => Promise<{ default: Messages }>> = {
  en: () => import('./locales/en.js'),
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  it: () => import('./locales/it.js'),
  pt: () => import('./locales/pt.js'),
  ar: () => import('./locales/ar.js'),
  ru: () => import('./locales/ru.js'),
  zh: () => import('./locales/zh.js'),
  ja: () => import('./locales/ja.js'),
};

/**
 * Each language's strings needed only after an interaction (the player's controls, the dialogs):
 * a second chunk per language, loaded with the player or the first dialog (`loadLaterStrings`),
 * kept out of the first paint.
 */
const laterLoaders: Record<UiLanguage, () => Promise<{ default: Messages }>> = {
  en: () => import('./locales/en.later.js'),
  es: () => import('./locales/es.later.js'),
  fr: () => import('./locales/fr.later.js'),
  de: () => import('./locales/de.later.js'),
  it: () => import('./locales/it.later.js'),
  pt: () => import('./locales/pt.later.js'),
  ar: () => import('./locales/ar.later.js'),
  ru: () => import('./locales/ru.later.js'),
  zh: () => import('./locales/zh.later.js'),
  ja: () => import('./locales/ja.later.js'),
};

/** The shape every language file has: English's keys, any plural suffixes, string values. */
export type Messages = { [key: string]: string | Messages };

type PluralSuffix = '_zero' | '_one' | '_two' | '_few' | '_many' | '_other';
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type WithoutPlural<K extends string> = K extends `${infer Base}${PluralSuffix}` ? Base : K;

/** Every key `t()` accepts, derived from the English files. */
export type MessageKey = WithoutPlural<Leaves<typeof en> | Leaves<typeof enLater>>;
/** Values for a message's `{{name}}` placeholders; `count` also picks its plural form. */
export type TranslateOptions = { count?: number } & Record<string, string | number | undefined>;
export type Translate = (key: MessageKey, options?: TranslateOptions) => string;

export interface Translator {
  readonly lang: UiLanguage;
  readonly dir: 'ltr' | 'rtl';
  readonly t: Translate;
}

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

// The language's own subtag, `pt` for `pt-BR`: the rule the server's language fallback uses too.
export { baseLanguage };

/** Writing direction of a language tag, for content in languages the UI may not speak. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  return RTL.has(baseLanguage(tag)) ? 'rtl' : 'ltr';
}

/** `pt-BR` → `pt-BR` if spoken, else `pt`, else `en`. */
export function supportedLanguage(tag: string | null | undefined): UiLanguage | undefined {
  if (!tag) return undefined;
  const parts = tag.trim().replace(/_/g, '-').toLowerCase().split('-');
  for (let i = parts.length; i > 0; i--) {
    const candidate = parts.slice(0, i).join('-');
    if ((UI_LANGUAGES as readonly string[]).includes(candidate)) return candidate as UiLanguage;
  }
  return undefined;
}

/**
 * The reader's language: the element's `lang`, then the host page's `<html lang>`, then the
 * browser's; the first one given decides, falling back `xx-YY` → `xx` → English.
 */
export function preferredLanguage(explicit?: string | null): { requested: string; ui: UiLanguage } {
  const requested =
    [explicit, document.documentElement.lang, navigator.language].find(
      (x): x is string => !!x && x.trim() !== '',
    ) ?? 'en';
  return { requested, ui: supportedLanguage(requested) ?? 'en' };
}

const translators = new Map<UiLanguage, Promise<Translator>>();

/** The message at a dotted key (`account.loggedIn`), if there is one. */
function lookup(messages: Messages, key: string): string | undefined {
  let found: string | Messages | undefined = messages;
  for (const part of key.split('.')) found = typeof found === 'object' ? found[part] : undefined;
  return typeof found === 'string' ? found : undefined;
}

/**
 * `t` for one language's messages, read as i18next reads them (its JSON v4 format, which the
 * language files keep): dotted keys; `count` picks the `_zero` form for 0 when there is one, else
 * the form `Intl.PluralRules` names (`_one`, `_few`…), else the bare key; `{{name}}` takes the
 * option's value as it is (no HTML escaping: Lit escapes), and stays as written when not given; an
 * unknown key is answered with the key. i18n.test.ts checks this against i18next itself, for
 * every message of every language: the widget no longer ships i18next (≈ 13 KB gzip before first
 * paint) for the three things it used of it.
 */
export function translatorFor(lang: UiLanguage, messages: Messages): Translator {
  const plurals = new Intl.PluralRules(lang);
  const t: Translate = (key, options = {}) => {
    const { count } = options;
    const plural =
      typeof count === 'number'
        ? ((count === 0 ? lookup(messages, `${key}_zero`) : undefined) ??
          lookup(messages, `${key}_${plurals.select(count)}`))
        : undefined;
    const message = plural ?? lookup(messages, key);
    if (message === undefined) return key;
    return message.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (placeholder, name: string) => {
      const value = options[name];
      return value === undefined ? placeholder : String(value);
    });
  };
  return { lang, dir: directionOf(lang), t };
}

/** Each loaded language's messages, which its later strings join (see `loadLaterStrings`). */
const loadedMessages = new Map<UiLanguage, Messages>();
const laterStrings = new Map<UiLanguage, Promise<void>>();
/** The player or a dialog has come on this page: every language loaded from now on brings them. */
let laterWanted = false;

/** `more`'s messages into `messages`, the groups both have (`player`) merged. */
function merge(messages: Messages, more: Messages): Messages {
  for (const [key, value] of Object.entries(more)) {
    const own = messages[key];
    messages[key] = typeof own === 'object' && typeof value === 'object' ? merge({ ...own }, value) : value;
  }
  return messages;
}

function addLaterStrings(lang: UiLanguage, messages: Messages): Promise<void> {
  let pending = laterStrings.get(lang);
  if (!pending) {
    pending = laterLoaders[lang]().then(({ default: more }) => void merge(messages, more));
    pending.catch(() => laterStrings.delete(lang));
    laterStrings.set(lang, pending);
  }
  return pending;
}

/** One translator per language, shared by every widget on the page that speaks it. */
export function loadTranslator(lang: UiLanguage): Promise<Translator> {
  let pending = translators.get(lang);
  if (!pending) {
    pending = loaders[lang]().then(async ({ default: first }) => {
      const messages: Messages = { ...first };
      if (laterWanted) await addLaterStrings(lang, messages);
      loadedMessages.set(lang, messages);
      return translatorFor(lang, messages);
    });
    pending.catch(() => translators.delete(lang));
    translators.set(lang, pending);
  }
  return pending;
}

/**
 * Adds the later strings (the player's controls, the dialogs') to `lang`'s translator, and from
 * now on to every language loaded: called when the player or a dialog is loaded. Rejects when
 * their chunk could not be loaded.
 */
export async function loadLaterStrings(lang: UiLanguage): Promise<void> {
  laterWanted = true;
  await loadTranslator(lang);
  await addLaterStrings(lang, loadedMessages.get(lang)!);
}

/** The messages of one language (its later ones too), for tests that compare languages. */
export async function loadMessages(lang: UiLanguage): Promise<Messages> {
  const [first, later] = await Promise.all([loaders[lang](), laterLoaders[lang]()]);
  return merge({ ...first.default }, later.default);
}

/**
 * The UI languages' own names. Asked of `Intl.DisplayNames`, the first name costs Chromium ≈ 50 ms
 * of main thread (200 ms on a slow phone) while it loads its language data: too much for a first
 * paint, whose language picker names every language of the lesson.
 */
const OWN_NAMES: Readonly<Record<UiLanguage, string>> = {
  ar: 'العربية',
  de: 'Deutsch',
  en: 'English',
  es: 'Español',
  fr: 'Français',
  it: 'Italiano',
  ja: '日本語',
  pt: 'Português',
  ru: 'Русский',
  zh: '中文',
};

/** A language's own name for itself, e.g. "Español" for `es`. */
export function nativeLanguageName(tag: string): string {
  const known = (OWN_NAMES as Record<string, string>)[tag.toLowerCase()];
  if (known) return known;
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    return tag;
  }
}

/** `83.4` → `1:23`, `3725` → `1:02:05`. */
export function formatTime(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}
