/**
 * Links to other lessons and to tags, made from the `link-template` attribute.
 *
 * `{slug}`, `{locale}` and `{tag}` are replaced by their URL-encoded values. A lesson link fills
 * `{slug}` and `{locale}` and leaves `{tag}` empty; a tag link fills `{tag}` and `{locale}` and
 * leaves `{slug}` empty, and when the template has no `{tag}` it gets `tag=<slug>` added to its
 * query. Query parameters left empty are dropped. So with `/lessons/{slug}`, a lesson links to
 * `/lessons/regaining-social-connection` and a tag to `/lessons/?tag=isolation`; with
 * `?lesson={slug}&lang={locale}&topic={tag}`, to `?lesson=regaining-social-connection&lang=en`
 * and `?lang=en&topic=isolation`.
 */
export const DEFAULT_LINK_TEMPLATE = '?lesson={slug}&lang={locale}';

function fill(template: string, values: Record<'slug' | 'locale' | 'tag', string>): string {
  const filled = template.replace(/\{(slug|locale|tag)\}/g, (_, name: keyof typeof values) =>
    encodeURIComponent(values[name]),
  );
  return dropEmptyParams(filled);
}

function dropEmptyParams(href: string): string {
  const hashAt = href.indexOf('#');
  const hash = hashAt >= 0 ? href.slice(hashAt) : '';
  const rest = hashAt >= 0 ? href.slice(0, hashAt) : href;
  const queryAt = rest.indexOf('?');
  if (queryAt < 0) return href;
  const params = rest
    .slice(queryAt + 1)
    .split('&')
    .filter((pair) => pair !== '' && !/^[^=]*=$/.test(pair));
  return `${rest.slice(0, queryAt)}${params.length ? `?${params.join('&')}` : ''}${hash}`;
}

export function lessonHref(template: string, slug: string, locale: string): string {
  return fill(template || DEFAULT_LINK_TEMPLATE, { slug, locale, tag: '' });
}

export function tagHref(template: string, tag: string, locale: string): string {
  const source = template || DEFAULT_LINK_TEMPLATE;
  if (source.includes('{tag}')) return fill(source, { slug: '', locale, tag });
  const base = fill(source, { slug: '', locale, tag: '' });
  const hashAt = base.indexOf('#');
  const [path, hash] = hashAt >= 0 ? [base.slice(0, hashAt), base.slice(hashAt)] : [base, ''];
  return `${path}${path.includes('?') ? '&' : '?'}tag=${encodeURIComponent(tag)}${hash}`;
}
