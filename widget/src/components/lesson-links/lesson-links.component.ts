import { html, nothing } from 'lit';
import { consume } from '@lit/context';
import { state } from 'lit/decorators.js';
import { LessonElement } from '../../base/lesson-element.js';
import { lessonHref, tagHref } from '../../base/link-template.js';
import { sharedStyles } from '../../base/shared.styles.js';
import { watchedContext, widgetContext, type WatchedState, type WidgetState } from '../../context.js';
import { lessonLinksStyles } from './lesson-links.styles.js';

/**
 * Around the lesson: its place in the course ("Lesson 2 of 4", previous and next), its tags and
 * "Recent publications", all linked through the widget's `link-template`. For a logged-in reader,
 * the previous and next lessons they have completed say so.
 *
 * @csspart course - The course navigation.
 * @csspart lesson-completed - "Completed" beside a previous or next lesson the reader completed.
 * @csspart tags - The tag list.
 * @csspart related - The "Recent publications" list.
 */
export class LessonLinks extends LessonElement {
  static override renderFirstInOwnTask = true;
  static override styles = [sharedStyles, lessonLinksStyles];

  @consume({ context: widgetContext, subscribe: true })
  @state()
  widget: WidgetState | undefined;

  @consume({ context: watchedContext, subscribe: true })
  @state()
  watched: WatchedState | null = null;

  /** "Completed" after a course lesson's title, when the logged-in reader has completed it. */
  private completed(slug: string) {
    const done = this.watched?.course?.lessons.some((l) => l.slug === slug && l.completed);
    if (!done || !this.widget) return nothing;
    return html`<span class="completed" part="lesson-completed"
      ><span aria-hidden="true">✓ </span>${this.widget.i18n.t('links.completed')}</span
    >`;
  }

  override render() {
    if (!this.widget) return nothing;
    const { lesson, i18n, linkTemplate } = this.widget;
    const { t } = i18n;
    const { course, tags, related, locale } = lesson;
    return html`
      ${
        course
          ? html`<nav class="course" part="course" aria-label=${t('links.course', { title: course.title })}>
            <p>
              <strong>${t('links.course', { title: course.title })}</strong> ·
              ${t('links.position', { position: course.position, total: course.total })}
            </p>
            <ul>
              ${
                course.previous
                  ? html`<li>
                    <a rel="prev" href=${lessonHref(linkTemplate, course.previous.slug, locale)}>
                      <span class="direction">${t('links.previous')}</span>${course.previous.title}${this.completed(course.previous.slug)}
                    </a>
                  </li>`
                  : nothing
              }
              ${
                course.next
                  ? html`<li class="next">
                    <a rel="next" href=${lessonHref(linkTemplate, course.next.slug, locale)}>
                      <span class="direction">${t('links.next')}</span>${course.next.title}${this.completed(course.next.slug)}
                    </a>
                  </li>`
                  : nothing
              }
            </ul>
          </nav>`
          : nothing
      }
      ${
        tags.length
          ? html`<section class="tags" part="tags" aria-labelledby="tags-heading">
            <h2 id="tags-heading">${t('links.tags')}</h2>
            <ul>
              ${tags.map((tag) => html`<li><a rel="tag" href=${tagHref(linkTemplate, tag.slug, locale)}>${tag.name}</a></li>`)}
            </ul>
          </section>`
          : nothing
      }
      ${
        related.length
          ? html`<section class="related" part="related" aria-labelledby="related-heading">
            <h2 id="related-heading">${t('links.related')}</h2>
            <ul>
              ${related.map((r) => html`<li><a href=${lessonHref(linkTemplate, r.slug, locale)}>${r.title}</a></li>`)}
            </ul>
          </section>`
          : nothing
      }
    `;
  }
}
