// @ts-check
/**
 * Demo mode and the production check, shared by the config files and the app's register(). The one
 * place the built-in demo secrets are written down: they are public, so production refuses them.
 *
 * Not in config/: Strapi loads every file there as a config namespace.
 */

/** The secrets `npm start` runs with, by the variable that replaces each. */
const DEMO_SECRETS = Object.freeze({
  APP_KEYS: 'demoKeyOne,demoKeyTwo',
  ADMIN_JWT_SECRET: 'demo-admin-jwt-secret',
  API_TOKEN_SALT: 'demo-api-token-salt',
  TRANSFER_TOKEN_SALT: 'demo-transfer-token-salt',
  JWT_SECRET: 'demo-users-permissions-jwt-secret',
  ENCRYPTION_KEY: 'demo-encryption-key-0123456789abcdef',
});

/** @typedef {keyof typeof DEMO_SECRETS} SecretName */

/** `LESSONS_DEMO=true`: built-in secrets, demo course and demo accounts. Set by `npm start` and the tests. */
const isDemoMode = () => process.env.LESSONS_DEMO === 'true';

/** Production is strict; demo mode and development (`strapi develop`) may run on the demo values. */
const isStrictProduction = () => process.env.NODE_ENV === 'production' && !isDemoMode();

/**
 * A secret's value, or its demo value where that is allowed. In strict production a missing secret
 * stays missing, and `productionRefusal` names it.
 * @param {SecretName} name
 * @returns {string | undefined}
 */
function secret(name) {
  return process.env[name] || (isStrictProduction() ? undefined : DEMO_SECRETS[name]);
}

/** @returns {string[] | undefined} */
function appKeys() {
  return secret('APP_KEYS')
    ?.split(',')
    .map((key) => key.trim())
    .filter(Boolean);
}

/**
 * The server's public URL: `PUBLIC_URL`, else (demo mode and development only) the address it
 * listens on. Media and embed URLs are built from it, never from a request's Host header.
 * @returns {string}
 */
function publicUrl() {
  if (process.env.PUBLIC_URL) return process.env.PUBLIC_URL;
  if (isStrictProduction()) return '';
  const host = process.env.HOST || '127.0.0.1';
  const reachable =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${reachable}:${process.env.PORT || 1337}`;
}

/** Is the demo course asked for? `SEED_DEMO=true|false`, else only in demo mode. */
const seedsDemoCourse = () => (process.env.SEED_DEMO ? process.env.SEED_DEMO === 'true' : isDemoMode());

/** @param {SecretName} name */
function isUnsafe(name) {
  const value = process.env[name]?.trim();
  if (!value) return true;
  if (name === 'APP_KEYS') {
    const demoKeys = DEMO_SECRETS.APP_KEYS.split(',');
    return value.split(',').some((key) => demoKeys.includes(key.trim()));
  }
  return value === DEMO_SECRETS[name];
}

/**
 * The variables that make a strict production start unsafe, each with why; empty when it is safe
 * (or not strict production).
 * @returns {string[]}
 */
function productionProblems() {
  if (!isStrictProduction()) return [];
  /** @type {string[]} */
  const problems = [];
  for (const name of /** @type {SecretName[]} */ (Object.keys(DEMO_SECRETS))) {
    if (isUnsafe(name))
      problems.push(`${name} ${process.env[name]?.trim() ? 'is a built-in demo value' : 'is missing'}`);
  }
  const url = process.env.PUBLIC_URL;
  if (!url)
    problems.push(
      'PUBLIC_URL is missing (the address readers reach this server at, e.g. https://cms.example.org)',
    );
  else if (!/^https?:\/\/[^/\s]+/i.test(url))
    problems.push(`PUBLIC_URL "${url}" is not an http(s) URL such as https://cms.example.org`);
  return problems;
}

/**
 * Why a production start must be refused, as a message for the person starting it; null when it
 * is safe (or not strict production).
 * @returns {string | null}
 */
function productionRefusal() {
  const problems = productionProblems();
  if (problems.length === 0) return null;
  return [
    'Refusing to start in production (NODE_ENV=production):',
    ...problems.map((p) => `  - ${p}`),
    'Make each secret with `openssl rand -base64 32` (APP_KEYS takes several, comma-separated).',
    'For the demo with its built-in secrets and accounts, run `npm start` (it sets LESSONS_DEMO=true).',
  ].join('\n');
}

module.exports = { DEMO_SECRETS, isDemoMode, secret, appKeys, publicUrl, seedsDemoCourse, productionRefusal };
