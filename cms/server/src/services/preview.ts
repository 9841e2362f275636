import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LESSON_UID } from '../utils/constants';
import { query } from '../utils/documents';
import { publicOrigin } from '../utils/http';
import { getConfig, getService } from '../utils/get-service';
import { previewKey, signPreviewToken, verifyPreviewToken, type PreviewClaims } from '../utils/preview-token';
import type { LessonPlace } from './lesson';

/** What Strapi's preview handler is given (config/admin.js → preview.config.handler). */
export interface PreviewRequest {
  documentId?: string;
  locale?: string | null;
  status?: 'draft' | 'published' | null;
}

/** A request with a token for another lesson or language: the token is good, the request is not. */
export class PreviewScopeError extends Error {}

/**
 * Previews of drafts. Strapi's Content Manager asks `url()` for the page that shows a lesson
 * (its Preview panel, "Open preview"); for a draft the page carries a token (utils/preview-token.ts)
 * that lets the public API answer that draft, in that language, for a limited time, and nothing else.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let key: Buffer | undefined;
  const signingKey = () =>
    (key ??= previewKey(
      getConfig().preview.secret
        ? [getConfig().preview.secret!]
        : (strapi.config.get<string[] | undefined>('server.app.keys') ?? []),
    ));

  const draftRow = (documentId: string, locale: string) =>
    query(strapi, LESSON_UID).findOne({
      where: { documentId, locale, publishedAt: { $null: true } },
      select: ['documentId', 'locale', 'slug', 'title'],
    });

  return {
    /** A token for the draft of `documentId` in `locale`, valid for the configured time. */
    tokenFor(documentId: string, locale: string, now = Date.now()): string {
      const expires = Math.floor(now / 1000) + getConfig().preview.seconds;
      return signPreviewToken({ documentId, locale, expires }, signingKey());
    },

    /** The claims of a token this server signed and that has not expired; throws PreviewTokenError. */
    verify(token: string): PreviewClaims {
      return verifyPreviewToken(token, signingKey());
    },

    /**
     * The page Strapi's preview opens for a lesson (null for other content types, which then have
     * no preview): the configured host page, else the plugin's own. A draft's page carries a token.
     */
    async url(uid: string, request: PreviewRequest): Promise<string | null> {
      if (uid !== LESSON_UID || !request.documentId) return null;
      const locale = request.locale || (await getService('lesson').defaultLocale());
      const draft = request.status !== 'published';
      const row = draft
        ? await draftRow(request.documentId, locale)
        : await query(strapi, LESSON_UID).findOne({
            where: { documentId: request.documentId, locale, publishedAt: { $notNull: true } },
            select: ['slug'],
          });
      if (!row) return null;
      const token = draft ? this.tokenFor(request.documentId, locale) : '';
      const { url } = getConfig().preview;
      const values: Record<string, string> = {
        token,
        slug: String(row.slug),
        locale,
        documentId: request.documentId,
      };
      if (url)
        return url.replace(/\{(token|slug|locale|documentId)\}/g, (_, name: string) =>
          encodeURIComponent(values[name] ?? ''),
        );
      const page = new URL(
        `${publicOrigin(getConfig().publicUrl)}/api/lessons/${encodeURIComponent(request.documentId)}/preview`,
      );
      page.searchParams.set('locale', locale);
      if (token) page.searchParams.set('token', token);
      return page.href;
    },

    /**
     * Where a preview request leads: the draft the token is for, when the request asks for that
     * lesson (its draft's slug) and language. Throws PreviewScopeError for any other.
     */
    async draftFor(claims: PreviewClaims, slug: string, locale: string | undefined): Promise<LessonPlace> {
      if (locale !== undefined && locale !== claims.locale)
        throw new PreviewScopeError('This preview link is for another language of the lesson.');
      const row = await draftRow(claims.documentId, claims.locale);
      if (!row) throw new errors.NotFoundError('This draft does not exist any more.');
      if (row.slug !== slug) throw new PreviewScopeError('This preview link is for another lesson.');
      return { documentId: claims.documentId, locale: claims.locale, locales: [row] };
    },

    /** The draft's row of a token (for the preview page), or null when it is gone. */
    draftRow,
  };
};
