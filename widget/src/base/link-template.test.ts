import { expect } from '@esm-bundle/chai';
import { DEFAULT_LINK_TEMPLATE, lessonHref, tagHref } from './link-template.js';

describe('link templates', () => {
  it('fills {slug} and {locale} for lessons', () => {
    expect(lessonHref('/lessons/{slug}', 'regaining-social-connection', 'en')).to.equal(
      '/lessons/regaining-social-connection',
    );
    expect(lessonHref('/{locale}/lessons/{slug}', 'sueno', 'es')).to.equal('/es/lessons/sueno');
  });

  it('uses the default template when none is given', () => {
    expect(DEFAULT_LINK_TEMPLATE).to.equal('?lesson={slug}&lang={locale}');
    expect(lessonHref('', 'a-lesson', 'en')).to.equal('?lesson=a-lesson&lang=en');
  });

  it('fills {tag} for tags and drops the lesson parameter left empty', () => {
    expect(tagHref('?lesson={slug}&lang={locale}&topic={tag}', 'isolation', 'en')).to.equal(
      '?lang=en&topic=isolation',
    );
    expect(lessonHref('?lesson={slug}&lang={locale}&topic={tag}', 'x', 'en')).to.equal('?lesson=x&lang=en');
  });

  it('adds tag= when the template has no {tag}', () => {
    expect(tagHref('/lessons/{slug}', 'isolation', 'en')).to.equal('/lessons/?tag=isolation');
    expect(tagHref('/lessons/{slug}#top', 'self-care', 'en')).to.equal('/lessons/?tag=self-care#top');
    expect(tagHref('?lesson={slug}&lang={locale}', 'self-care', 'en')).to.equal('?lang=en&tag=self-care');
  });

  it('encodes values', () => {
    expect(tagHref('/t/{tag}', 'a b&c', 'en')).to.equal('/t/a%20b%26c');
  });
});
