import { html, nothing } from 'lit';
import { consume } from '@lit/context';
import { state } from 'lit/decorators.js';
import { LessonElement } from '../../base/lesson-element.js';
import { lessonHref } from '../../base/link-template.js';
import { sharedStyles } from '../../base/shared.styles.js';
import { watchedContext, widgetContext, type WatchedState, type WidgetState } from '../../context.js';
import { courseListStyles } from './course-list.styles.js';

/**
 * The lessons of the course, each with the logged-in reader's percent in it and linked through
 * the widget's `link-template`; the lesson on show is marked as the current page. Opened from the
 * course progress in the account area, and loaded then (its own chunk).
 *
 * @csspart course-lessons - The list.
 * @csspart course-lesson - One lesson of it.
 */
export class LessonCourseList extends LessonElement {
  static override styles = [sharedStyles, courseListStyles];

  @consume({ context: widgetContext, subscribe: true })
  @state()
  widget: WidgetState | undefined;

  @consume({ context: watchedContext, subscribe: true })
  @state()
  watched: WatchedState | null = null;

  override render() {
    const course = this.watched?.course;
    if (!this.widget || !course) return nothing;
    const { lesson, i18n, linkTemplate } = this.widget;
    const { t } = i18n;
    return html`<ol part="course-lessons" aria-label=${t('links.course', { title: course.title })}>
      ${course.lessons.map((l) => {
        const current = l.slug === lesson.slug;
        const percent = Math.round(l.percent);
        return html`<li part="course-lesson" class=${l.completed ? 'completed' : ''}>
          <a href=${lessonHref(linkTemplate, l.slug, lesson.locale)} aria-current=${current ? 'page' : nothing}>${l.title}</a>
          <span class="percent">${l.completed ? t('account.completed') : t('account.percent', { percent })}</span>
          <progress max="100" .value=${l.completed ? 100 : percent} aria-hidden="true"></progress>
        </li>`;
      })}
    </ol>`;
  }
}
