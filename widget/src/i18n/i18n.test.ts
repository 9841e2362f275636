import { expect } from '@esm-bundle/chai';
import i18next from 'i18next';
import {
  UI_LANGUAGES,
  directionOf,
  formatTime,
  loadLaterStrings,
  loadMessages,
  loadTranslator,
  nativeLanguageName,
  preferredLanguage,
  supportedLanguage,
  translatorFor,
  type MessageKey,
  type Messages,
} from './i18n.js';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf as `a.b.c` → value. */
function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** Keys without their plural suffix, and the plural keys' bases. */
function shape(flat: Map<string, string>) {
  const keys = new Set<string>();
  const plurals = new Set<string>();
  for (const key of flat.keys()) {
    keys.add(key.replace(PLURAL, ''));
    if (PLURAL.test(key)) plurals.add(key.replace(PLURAL, ''));
  }
  return { keys, plurals };
}

/**
 * Values allowed to equal the English one: words that are the same in that language, product
 * names and format labels.
 */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  fr: ['transcript.heading', 'player.controls.pause'],
  de: ['player.region', 'transcript.formats.txt'],
  it: ['player.region', 'auth.password', 'player.controls.pictureInPicture'],
  pt: ['player.controls.pictureInPicture'],
  es: [],
  ar: [],
  ru: [],
  zh: [],
  ja: [],
};

describe('i18n', () => {
  let english: Map<string, string>;
  before(async () => {
    english = flatten(await loadMessages('en'));
  });

  it('speaks at least ten languages, Arabic among them', () => {
    expect(UI_LANGUAGES.length).to.be.at.least(10);
    expect(UI_LANGUAGES).to.include('ar');
  });

  for (const lang of UI_LANGUAGES) {
    describe(lang, () => {
      let flat: Map<string, string>;
      before(async () => {
        flat = flatten(await loadMessages(lang));
      });

      it('has every key English has, and no other', () => {
        const mine = shape(flat);
        const reference = shape(english);
        expect([...mine.keys].sort()).to.deep.equal([...reference.keys].sort());
        expect([...mine.plurals].sort()).to.deep.equal([...reference.plurals].sort());
      });

      it('has each plural form its language needs', () => {
        const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
        for (const base of shape(english).plurals) {
          for (const category of categories) {
            expect(flat.has(`${base}_${category}`), `${lang}: ${base}_${category}`).to.equal(true);
          }
        }
      });

      it('says every message as i18next would (plural forms, placeholders, unknown keys)', async () => {
        const messages = await loadMessages(lang);
        const reference = i18next.createInstance();
        await reference.init({
          lng: lang,
          resources: { [lang]: { translation: messages } },
          fallbackLng: false,
          initAsync: false,
          interpolation: { escapeValue: false },
          returnNull: false,
        });
        const ours = translatorFor(lang, messages);
        const bases = [...new Set([...flat.keys()].map((key) => key.replace(PLURAL, '')))];
        for (const key of [...bases, 'widget.noSuchKey']) {
          // Every placeholder a form of the message has, with `count` left to the loop below.
          const values = {
            ...{ title: '<b>A & B</b>', name: 'Ana', time: '1:05', language: 'Español', quote: '“x”' },
            ...{ percent: 40, position: 2, total: 7 },
          };
          for (const count of [undefined, 0, 1, 2, 3, 5, 11, 22, 101, 1.5]) {
            const options = count === undefined ? values : { ...values, count, current: 1, completed: 1 };
            expect(ours.t(key as MessageKey, options), `${lang}: ${key} ${count}`).to.equal(
              reference.t(key, options),
            );
          }
          // A placeholder given no value stays as written, as i18next leaves it.
          expect(ours.t(key as MessageKey), `${lang}: ${key} without values`).to.equal(reference.t(key));
        }
      });

      it('keeps the placeholders of the English text', () => {
        for (const [key, value] of flat) {
          const base = key.replace(PLURAL, '');
          const reference = english.get(`${base}_other`) ?? english.get(base) ?? '';
          const names = (s: string) =>
            [...s.matchAll(/\{\{(\w+)\}\}/g)]
              .map((m) => m[1])
              .filter((n) => n !== 'count')
              .sort();
          expect(names(value), `${lang}: ${key}`).to.deep.equal(names(reference));
        }
      });

      if (lang !== 'en') {
        it('is translated (no value equals the English one, except the allowed few)', () => {
          const same = [...flat].filter(([key, value]) => english.get(key) === value).map(([key]) => key);
          expect(same.filter((key) => !SAME_AS_ENGLISH[lang]!.includes(key))).to.deep.equal([]);
          // …and the allow-list names only values that really are the same.
          expect(SAME_AS_ENGLISH[lang]!.filter((key) => !same.includes(key))).to.deep.equal([]);
        });
      }
    });
  }

  it('picks plural forms by Intl.PluralRules', async () => {
    const en = await loadTranslator('en');
    expect(en.t('account.courseProgress', { completed: 2, count: 4 })).to.equal('2 of 4 lessons completed');
    expect(en.t('account.courseProgress', { completed: 1, count: 1 })).to.equal('1 of 1 lesson completed');
    // The report form's strings come with the first dialog (a chunk of later strings).
    await loadLaterStrings('ru');
    const ru = await loadTranslator('ru');
    expect(ru.t('report.retryIn', { count: 5 })).to.contain('5 секунд.');
    expect(ru.t('report.retryIn', { count: 2 })).to.contain('2 секунды');
    const ar = await loadTranslator('ar');
    expect(ar.t('search.results', { count: 2 })).to.equal('تم العثور على درسين');
    expect(ar.dir).to.equal('rtl');
  });

  it('falls back xx-YY → xx → en', () => {
    expect(supportedLanguage('pt-BR')).to.equal('pt');
    expect(supportedLanguage('es_MX')).to.equal('es');
    expect(supportedLanguage('zh-Hant-TW')).to.equal('zh');
    expect(supportedLanguage('sw')).to.equal(undefined);
    expect(preferredLanguage('sw-KE').ui).to.equal('en');
    expect(preferredLanguage('de-AT')).to.deep.equal({ requested: 'de-AT', ui: 'de' });
  });

  it('follows the element, then <html lang>, then the browser', () => {
    const html = document.documentElement;
    const before = html.lang;
    try {
      html.lang = 'fr-CA';
      expect(preferredLanguage('ja').ui).to.equal('ja');
      expect(preferredLanguage(null).ui).to.equal('fr');
      html.removeAttribute('lang');
      expect(preferredLanguage('').requested).to.equal(navigator.language);
    } finally {
      html.lang = before;
    }
  });

  it('names languages in their own language', () => {
    expect(nativeLanguageName('es')).to.equal('Español');
    expect(nativeLanguageName('en')).to.equal('English');
    expect(nativeLanguageName('de')).to.equal('Deutsch');
    // Other languages (and regional variants) are asked of Intl.
    expect(nativeLanguageName('nl')).to.equal('Nederlands');
    expect(nativeLanguageName('pt-BR')).to.equal('Português (Brasil)');
  });

  it('names every UI language without Intl (its first use costs a first paint ≈ 50 ms), as Intl would', () => {
    for (const lang of UI_LANGUAGES) {
      const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang)!;
      expect(nativeLanguageName(lang), lang).to.equal(name.charAt(0).toLocaleUpperCase(lang) + name.slice(1));
    }
  });

  it('knows the direction of a language', () => {
    expect(directionOf('ar')).to.equal('rtl');
    expect(directionOf('he-IL')).to.equal('rtl');
    expect(directionOf('en')).to.equal('ltr');
  });

  it('formats video times', () => {
    expect(formatTime(0)).to.equal('0:00');
    expect(formatTime(83.4)).to.equal('1:23');
    expect(formatTime(3725)).to.equal('1:02:05');
  });
});
