import type { Lesson } from '@lessons/shared/core';
import type { LessonElement } from '../base/lesson-element.js';
import type { AuthMode, LessonAuthDialog } from '../components/auth-dialog/auth-dialog.component.js';
import type { LessonCaptionStyleDialog } from '../components/caption-style-dialog/caption-style-dialog.component.js';
import type { MediaHandle } from '../components/player/media-handle.js';
import type { LessonShortcutsDialog } from '../components/shortcuts-dialog/shortcuts-dialog.component.js';
import type { LessonReportDialog } from '../components/report-dialog/report-dialog.component.js';
import { paragraphById } from '../components/transcript/find.js';
import type { MediaState } from '../context.js';
import type { ReportSelection } from '../events/lesson-report-request.js';
import type { LazyChunks } from './lazy-chunks.js';

export interface DialogHost extends LessonElement {
  readonly mediaState: MediaState;
  readonly currentLesson: Lesson | null;
  readonly media: MediaHandle | null;
}

/**
 * The login, report, keyboard shortcuts and caption style dialogs. Each is its own chunk, loaded
 * (and its tag registered) the first time the reader opens it; until then it is not rendered at
 * all. `auth`, `report`, `shortcuts` and `captionStyle` say which ones the widget renders.
 */
export class LazyDialogs {
  auth = false;
  report = false;
  shortcuts = false;
  captionStyle = false;

  constructor(
    private readonly host: DialogHost,
    private readonly chunks: LazyChunks,
  ) {}

  /** Opens "Report an error" for a selection (or none), at the video's time if it has one. */
  async openReport(selection: ReportSelection | null): Promise<void> {
    const loaded = await this.chunks.load(
      'the report form',
      () => import('../components/report-dialog/report-dialog.js'),
      () => this.openReport(selection),
    );
    if (!loaded) return;
    this.report = true;
    const dialog = await this.rendered<LessonReportDialog>('lesson-report-dialog');
    await dialog?.show(selection, this.reportTime(selection));
  }

  /** Opens the login (or register) form. */
  async openAuth(mode: AuthMode): Promise<void> {
    const loaded = await this.chunks.load(
      'the login form',
      () => import('../components/auth-dialog/auth-dialog.js'),
      () => this.openAuth(mode),
    );
    if (!loaded) return;
    this.auth = true;
    const dialog = await this.rendered<LessonAuthDialog>('lesson-auth-dialog');
    await dialog?.show(mode);
  }

  /** Opens "Keyboard shortcuts". */
  async openShortcuts(): Promise<void> {
    const loaded = await this.chunks.load(
      'the keyboard shortcuts',
      () => import('../components/shortcuts-dialog/shortcuts-dialog.js'),
      () => this.openShortcuts(),
    );
    if (!loaded) return;
    this.shortcuts = true;
    const dialog = await this.rendered<LessonShortcutsDialog>('lesson-shortcuts-dialog');
    await dialog?.show();
  }

  /** Opens "Caption style" for the player's captions. */
  async openCaptionStyle(): Promise<void> {
    const loaded = await this.chunks.load(
      'the caption style',
      () => import('../components/caption-style-dialog/caption-style-dialog.js'),
      () => this.openCaptionStyle(),
    );
    const media = this.host.media;
    if (!loaded || !media) return;
    this.captionStyle = true;
    const dialog = await this.rendered<LessonCaptionStyleDialog>('lesson-caption-style-dialog');
    await dialog?.show(media.captionStyle, (style) => media.setCaptionStyle(style));
  }

  private async rendered<T extends LessonElement>(tag: string): Promise<T | null> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.host.renderRoot.querySelector<T>(tag);
    await dialog?.updateComplete;
    return dialog;
  }

  /** The moment the report is about: the video's time, else the selected paragraph's start. */
  private reportTime(selection: ReportSelection | null): number | null {
    const media = this.host.mediaState;
    if (media.attached) return media.time;
    const lesson = this.host.currentLesson;
    if (!selection || !lesson) return null;
    return paragraphById(lesson.transcript, selection.position.paragraphId)?.start ?? null;
  }
}
