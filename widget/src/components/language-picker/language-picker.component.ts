import { html, nothing } from 'lit';
import { consume } from '@lit/context';
import { state } from 'lit/decorators.js';
import { LessonElement } from '../../base/lesson-element.js';
import { sharedStyles } from '../../base/shared.styles.js';
import { widgetContext, type WidgetState } from '../../context.js';
import { LessonLocaleRequestEvent } from '../../events/lesson-locale-request.js';
import { nativeLanguageName } from '../../i18n/i18n.js';
import { languagePickerStyles } from './language-picker.styles.js';

/**
 * "Select the language": the languages the lesson exists in, each by its own name ("Español").
 * Choosing one asks the owner to switch (`lesson-locale-request`).
 *
 * @csspart language-select - The `<select>`.
 */
export class LessonLanguagePicker extends LessonElement {
  static override styles = [sharedStyles, languagePickerStyles];

  @consume({ context: widgetContext, subscribe: true })
  @state()
  widget: WidgetState | undefined;

  private onChange(event: Event) {
    const locale = (event.target as HTMLSelectElement).value;
    const target = this.widget?.lesson.locales.find((l) => l.locale === locale);
    if (target) this.emit(new LessonLocaleRequestEvent({ locale: target.locale, slug: target.slug }));
  }

  override render() {
    const lesson = this.widget?.lesson;
    if (!lesson || lesson.locales.length < 2) return nothing;
    const { t } = this.widget!.i18n;
    return html`
      <label>
        ${t('language.label')}
        <select part="language-select" @change=${this.onChange}>
          ${lesson.locales.map(
            (l) =>
              html`<option value=${l.locale} lang=${l.locale} ?selected=${l.locale === lesson.locale}>${nativeLanguageName(l.locale)}</option>`,
          )}
        </select>
      </label>
    `;
  }
}
