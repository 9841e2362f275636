import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { CATEGORY_UID, COURSE_UID, LESSON_UID, TAG_UID } from '../utils/constants';
import { getConfig, getService } from '../utils/get-service';
import type { PreparedBody } from '../utils/http';

/** A public answer as it is sent: the body with its content hash, its type, and headers of its own. */
export interface CachedAnswer extends PreparedBody {
  type: string;
  headers?: Record<string, string>;
}

/** Where the version of cached answers comes from: see services/cache-version.ts. */
export interface VersionSource {
  current(): unknown;
}

export interface AnswerCacheLimits {
  /** Most answers kept. */
  entries: number;
  /** Most body bytes kept (UTF-8), over all answers. */
  bytes: number;
}

/**
 * The public answers (a lesson, the list, embed.html, a transcript) as they were last assembled,
 * so that reading one again costs neither the database nor JSON: the 304 path compares ETags with
 * no query at all. Keys are what the request asked for (the slug and locale as sent, the list's
 * parsed query), so finding an answer never needs the slug resolved first.
 *
 * Every entry belongs to one version (VersionSource): when the version has moved, by an edit here
 * or on another instance, everything is dropped at once. Edits are rare next to reads, so a whole
 * flush costs less than tracking which answers each row appears in (a lesson shows its course, its
 * neighbours' titles, related lessons, tags, the category, media), and can't miss one.
 *
 * The least recently used answers go first when either bound is reached; one larger than the byte
 * bound is served but not kept.
 */
export class AnswerCache {
  private readonly answers: LRUCache<string, CachedAnswer>;
  /**
   * The answer each request led to, when requests differ but the answer is the same: a lesson's
   * slug in another language, `locale=en-GB` answered in `en`. They share one copy, and a client
   * cycling through variants costs the lookup, not a copy each.
   */
  private readonly aliases: LRUCache<string, string>;
  /** Assemblies under way, so that simultaneous first requests for one answer do the work once. */
  private readonly pending = new Map<string, Promise<CachedAnswer>>();
  private version: unknown = undefined;

  constructor(
    limits: AnswerCacheLimits,
    private readonly source: VersionSource,
  ) {
    this.answers = new LRUCache<string, CachedAnswer>({
      max: limits.entries,
      maxSize: limits.bytes,
      sizeCalculation: (answer) => Math.max(1, answer.bytes),
    });
    this.aliases = new LRUCache<string, string>({ max: limits.entries });
  }

  /** Drops everything when the version has moved; answers the version now current. */
  private async currentVersion(): Promise<unknown> {
    const version = await this.source.current();
    if (version !== this.version) {
      this.answers.clear();
      this.aliases.clear();
      this.pending.clear();
      this.version = version;
    }
    return version;
  }

  /**
   * The answer for `key`: the kept one, or `assemble()`'s, kept under the version read before it
   * started. An edit committed while it ran moves the version on, so that answer is never served
   * again (it may hold what the edit replaced).
   */
  async answer(
    key: string,
    assemble: () => Promise<CachedAnswer>,
  ): Promise<{ answer: CachedAnswer; hit: boolean }> {
    const version = await this.currentVersion();
    const kept = this.answers.get(key);
    if (kept) return { answer: kept, hit: true };
    let work = this.pending.get(key);
    if (!work) {
      work = assemble();
      const started = work;
      this.pending.set(key, started);
      const forget = () => {
        if (this.pending.get(key) === started) this.pending.delete(key);
      };
      started.then((answer) => {
        forget();
        if (this.version === version) this.answers.set(key, answer);
      }, forget);
    }
    return { answer: await work, hit: false };
  }

  /**
   * The answer for a request whose answer is found in two steps: `locate()` (cheap: which lesson,
   * which language) names the answer's own key and how to assemble it. The request is remembered
   * as leading there, so next time neither step runs.
   */
  async answerVia(
    request: string,
    locate: () => Promise<{ key: string; assemble: () => Promise<CachedAnswer> }>,
  ): Promise<{ answer: CachedAnswer; hit: boolean }> {
    const version = await this.currentVersion();
    const known = this.aliases.get(request);
    const kept = known === undefined ? undefined : this.answers.get(known);
    if (kept) return { answer: kept, hit: true };
    const { key, assemble } = await locate();
    if (this.version === version) this.aliases.set(request, key);
    return this.answer(key, assemble);
  }

  /**
   * The answer kept for `request`, or undefined, without assembling anything: for answering before
   * Strapi's router (middlewares/cached-answers.ts). `shared` asks by the request's alias, as
   * answerVia keeps it. The version is checked as on every read, so an edit anywhere is never
   * answered with the copy it replaced.
   */
  async kept(request: string, shared: boolean): Promise<CachedAnswer | undefined> {
    await this.currentVersion();
    const key = shared ? this.aliases.get(request) : request;
    return key === undefined ? undefined : this.answers.get(key);
  }

  /** What is kept now: for tests and the debug header. */
  stats(): { entries: number; bytes: number } {
    return { entries: this.answers.size, bytes: this.answers.calculatedSize };
  }
}

/** Every kind of row a public answer shows: a write to any of them makes every cached answer stale. */
export const ANSWER_SOURCES = [
  LESSON_UID,
  COURSE_UID,
  TAG_UID,
  CATEGORY_UID,
  // The lesson's video and poster (a file replaced or renamed keeps its id, so its URL changes under the lesson).
  'plugin::upload.file',
  // Which languages exist, and which is the default (a core store entry, DEFAULT_LOCALE_KEY),
  // decide the language a lesson is answered in.
  'plugin::i18n.locale',
  'strapi::core-store',
];

/** The one core store entry answers depend on; the store's other settings change for other reasons. */
const DEFAULT_LOCALE_KEY = 'plugin_i18n_default_locale';

type WriteEvent = {
  model: { uid: string };
  result?: { key?: unknown };
  params?: { data?: { key?: unknown } };
};
const changesAnswers = (event: WriteEvent) =>
  event.model.uid !== 'strapi::core-store' ||
  (event.result?.key ?? event.params?.data?.key) === DEFAULT_LOCALE_KEY;

const WRITES = [
  'afterCreate',
  'afterCreateMany',
  'afterUpdate',
  'afterUpdateMany',
  'afterDelete',
  'afterDeleteMany',
] as const;

/**
 * Bumps the cache version after every write to a row an answer shows, through the Document Service,
 * the Query Engine (Apply suggestion, the upload plugin) or the admin. Database lifecycles see them
 * all. The bump waits for the transaction to commit: a reader assembling an answer inside that
 * window reads the old rows, and must not have them kept as new. (Outside a transaction, Strapi's
 * `transaction` runs the callback at once; Strapi's own document events use the same idiom.)
 */
export function bumpOnWrites(strapi: Core.Strapi): void {
  const bumpAfterCommit = (event: WriteEvent) => {
    if (!changesAnswers(event)) return;
    return strapi.db.transaction(({ onCommit }) => {
      onCommit(() => {
        Promise.resolve(getService('cacheVersion').bump()).catch((e: unknown) =>
          strapi.log.error(`[lessons] Could not invalidate cached lessons: ${(e as Error).message}`),
        );
      });
    });
  };
  const subscriber: Record<string, unknown> = { models: ANSWER_SOURCES };
  for (const action of WRITES) subscriber[action] = bumpAfterCommit;
  strapi.db.lifecycles.subscribe(subscriber);
}

export default (_: { strapi: Core.Strapi }) =>
  new AnswerCache(getConfig().cache, {
    current: () => getService('cacheVersion').current(),
  });
