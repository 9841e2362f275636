import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { LESSON_UID } from '../utils/constants';
import { query } from '../utils/documents';
import { getService } from '../utils/get-service';
import { localeParam } from '../utils/http';
import { escapeHtml } from '../utils/embed';
import { PreviewTokenError } from '../utils/preview-token';

/** The page around the widget: nothing but the widget, as a host page would show it. */
function page(lang: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<script src="/api/lessons/widget.js" defer></script>
</head>
<body>
${body}
</body>
</html>
`;
}

/** An error page for an editor who opened a stale or wrong link, in English and Spanish. */
function refusal(ctx: Context, status: number, english: string, spanish: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = page('en', english, `<p>${escapeHtml(english)}</p>\n<p lang="es">${escapeHtml(spanish)}</p>`);
}

export default (_: { strapi: Core.Strapi }) => ({
  /**
   * GET /api/lessons/:documentId/preview?locale=&token=: the page Strapi's preview opens (see
   * services/preview.ts). With a token, the lesson's draft in the real widget, which passes the
   * token on to the API; without one, what readers see now. Never kept by any cache.
   */
  async page(ctx: Context) {
    ctx.set('Cache-Control', 'private, no-store');
    const documentId = String(ctx.params.documentId ?? '');
    const locale = localeParam(ctx);
    const token = typeof ctx.query.token === 'string' ? ctx.query.token : '';
    const previews = getService('preview');
    let row: { slug?: string; title?: string; locale?: string } | null;
    if (token) {
      let claims;
      try {
        claims = previews.verify(token);
      } catch (e) {
        if (!(e instanceof PreviewTokenError)) throw e;
        return e.reason === 'expired'
          ? refusal(
              ctx,
              401,
              e.message,
              'Este enlace de vista previa ha caducado. Vuelve a abrir la vista previa desde el administrador.',
            )
          : refusal(
              ctx,
              401,
              e.message,
              'Este enlace de vista previa no es válido. Vuelve a abrir la vista previa desde el administrador.',
            );
      }
      if (claims.documentId !== documentId || (locale !== undefined && locale !== claims.locale))
        return refusal(
          ctx,
          403,
          'This preview link is for another lesson or language.',
          'Este enlace de vista previa es de otra lección o de otro idioma.',
        );
      row = await previews.draftRow(claims.documentId, claims.locale);
    } else {
      row = await query(strapi, LESSON_UID).findOne({
        where: { documentId, ...(locale ? { locale } : {}), publishedAt: { $notNull: true } },
        select: ['slug', 'title', 'locale'],
      });
    }
    if (!row)
      return refusal(
        ctx,
        404,
        'There is no such lesson to preview.',
        'No existe esa lección para previsualizar.',
      );
    const lang = row.locale ?? locale ?? 'en';
    const attributes = [
      'api="/"',
      `lesson="${escapeHtml(row.slug ?? '')}"`,
      `lang="${escapeHtml(lang)}"`,
      ...(token ? [`preview-token="${escapeHtml(token)}"`] : []),
    ];
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = page(lang, row.title ?? '', `<lesson-widget ${attributes.join(' ')}></lesson-widget>`);
  },
});
