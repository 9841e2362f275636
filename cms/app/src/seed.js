// @ts-check
/**
 * Seeds the demo: the Spanish locale, the course "Understanding depression" with its lessons,
 * media, tags and category in English and Spanish, and (demo mode only) a demo editor (super admin)
 * and a demo reader with known passwords.
 * Each part is seeded once per database (remembered in Strapi's core store), so what editors
 * change or delete stays that way on later starts.
 */
const fs = require('fs');
const path = require('path');

// The app's root, whether this runs from src/ or compiled into dist/src/.
const SEED_DIR = path.join(process.cwd(), 'seed');
/** @param {string} name */
const L = (name) => `plugin::lessons.${name}`;

const demoAccounts = () => ({
  admin: {
    email: process.env.DEMO_ADMIN_EMAIL || 'editor@example.com',
    password: process.env.DEMO_ADMIN_PASSWORD || 'Editor-demo-2026',
  },
  reader: {
    username: process.env.DEMO_READER_USERNAME || 'reader',
    email: process.env.DEMO_READER_EMAIL || 'reader@example.com',
    password: process.env.DEMO_READER_PASSWORD || 'Reader-demo-2026',
  },
});

/** @param {any} strapi @param {string[]} codes */
async function ensureLocales(strapi, codes) {
  const locales = strapi.plugin('i18n').service('locales');
  for (const code of codes) {
    if (!(await locales.findByCode(code))) {
      const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code) || code;
      await locales.create({ code, name: `${name} (${code})` });
    }
  }
}

/** @param {any} strapi @param {{ email: string, password: string }} account */
async function ensureAdmin(strapi, account) {
  const users = strapi.service('admin::user');
  if ((await strapi.db.query('admin::user').count()) > 0) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({
    email: account.email,
    firstname: 'Demo',
    lastname: 'Editor',
    password: account.password,
    registrationToken: null,
    isActive: true,
    roles: superAdmin ? [superAdmin.id] : [],
  });
}

/** @param {any} strapi @param {{ username: string, email: string, password: string }} account */
async function ensureReader(strapi, account) {
  const existing = await strapi.db
    .query('plugin::users-permissions.user')
    .findOne({ where: { email: account.email } });
  if (existing) return;
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' } });
  await strapi.plugin('users-permissions').service('user').add({
    username: account.username,
    email: account.email,
    password: account.password,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role?.id,
  });
}

/** @param {any} strapi @param {string} relative @param {string} mime @returns {Promise<number>} */
async function upload(strapi, relative, mime) {
  const file = path.join(SEED_DIR, relative);
  const name = path.basename(file);
  const existing = await strapi.db.query('plugin::upload.file').findOne({ where: { name } });
  if (existing) return existing.id;
  const [uploaded] = await strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { name, alternativeText: '' } },
      files: { filepath: file, originalFilename: name, mimetype: mime, size: fs.statSync(file).size },
    });
  return uploaded.id;
}

/**
 * Creates one localized entry in every locale (the first creates the document, the others are
 * added to it) and returns its documentId. `make(locale)` gives the data for one locale.
 * @param {any} strapi
 * @param {string} uid
 * @param {string[]} locales
 * @param {(locale: string) => Record<string, any> | Promise<Record<string, any>>} make
 * @returns {Promise<string>}
 */
async function localized(strapi, uid, locales, make) {
  const docs = strapi.documents(uid);
  /** @type {string | undefined} */
  let documentId;
  for (const locale of locales) {
    const data = await make(locale);
    const found = await docs.findFirst({ locale, filters: { slug: data.slug } });
    if (found) {
      documentId = found.documentId;
      continue;
    }
    documentId = documentId
      ? (await docs.update({ documentId, locale, data })).documentId
      : (await docs.create({ locale, data })).documentId;
  }
  if (!documentId) throw new Error(`No locales to seed ${uid} in.`);
  return documentId;
}

/** @param {any} strapi */
async function seedCourse(strapi) {
  /** @type {any} */
  const demo = JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'demo-course.json'), 'utf8'));
  /** @type {string[]} */
  const locales = demo.locales;
  await ensureLocales(strapi, locales);

  const firstLesson = demo.lessons[0][demo.defaultLocale];
  if (
    await strapi
      .documents(L('lesson'))
      .findFirst({ locale: demo.defaultLocale, filters: { slug: firstLesson.slug } })
  ) {
    return false;
  }

  const categoryId = await localized(strapi, L('category'), locales, (l) => demo.category[l]);
  /** @type {Record<string, string>} */
  const tagIds = {};
  for (const tag of demo.tags) tagIds[tag.key] = await localized(strapi, L('tag'), locales, (l) => tag[l]);

  /** @type {Record<string, string>} */
  const lessonIds = {};
  for (const lesson of demo.lessons) {
    lessonIds[lesson.key] = await localized(strapi, L('lesson'), locales, async (l) => {
      const x = lesson[l];
      return {
        title: x.title,
        slug: x.slug,
        summary: x.summary,
        video: await upload(strapi, x.video.file, x.video.type),
        poster: await upload(strapi, x.video.poster, 'image/jpeg'),
        duration: x.video.duration,
        transcript: x.transcript,
        tags: lesson.tags.map((/** @type {string} */ k) => tagIds[k]),
        category: categoryId,
      };
    });
  }
  await localized(strapi, L('course'), locales, (l) => ({
    ...demo.course[l],
    lessons: demo.course.lessons.map((/** @type {string} */ k) => lessonIds[k]),
  }));
  // Published one after another, so "Recent publications" has an order.
  for (const lesson of demo.lessons) {
    for (const locale of locales)
      await strapi.documents(L('lesson')).publish({ documentId: lessonIds[lesson.key], locale });
  }
  return true;
}

/** Where the database remembers what was seeded once. @param {string} key */
const seededMark = (key) => ({ type: 'core', name: 'lessons-demo', key });

/**
 * Runs `step` unless this database already had it, so a deleted demo account or lesson is not
 * brought back; answers what `step` answered, or false when it was skipped.
 * @template T @param {any} strapi @param {string} key @param {() => Promise<T>} step
 * @returns {Promise<T | false>}
 */
async function once(strapi, key, step) {
  if (await strapi.store.get(seededMark(key))) return false;
  const result = await step();
  await strapi.store.set({ ...seededMark(key), value: { at: new Date().toISOString() } });
  return result;
}

/** @param {any} strapi @param {{ accounts: boolean }} options */
async function seed(strapi, { accounts }) {
  if (accounts) {
    const demo = demoAccounts();
    await once(strapi, 'accounts', async () => {
      await ensureAdmin(strapi, demo.admin);
      await ensureReader(strapi, demo.reader);
    });
  }
  const created = await once(strapi, 'course', () => seedCourse(strapi));
  strapi.log.info(created ? '[lessons] Demo course seeded.' : '[lessons] Demo course already present.');
}

module.exports = { seed, demoAccounts };
