import {
  firstUnwatched,
  isTimed,
  mergeSegments,
  paragraphsOf,
  type CourseProgressList,
  type Lesson,
  type ProgressOutput,
  type Segment,
} from '@lessons/shared/core';
import type { WatchedState } from '../context.js';
import type { ProgressTarget } from './progress-controller.js';

/** Segments equal to a tenth of a second: the map does not change for less. */
const sameSegments = (a: readonly Segment[], b: readonly Segment[]) =>
  a.length === b.length &&
  a.every(([x, y], i) => Math.abs(x - b[i]![0]) < 0.1 && Math.abs(y - b[i]![1]) < 0.1);

/**
 * A logged-in reader's map of the lesson on show (part of the progress chunk, which anonymous
 * readers never load): the segments the server stored joined with those still being played or
 * sent, so it moves while the video plays; where the first part not watched yet starts; and the
 * reader's percent in each lesson of the course, fetched once per lesson and again when a lesson
 * is completed.
 */
export class ReaderMap {
  private state: WatchedState | null = null;
  private course: CourseProgressList | null = null;
  private courseKey = '';
  private courseAbort: AbortController | undefined;

  constructor(private readonly changed: () => void) {}

  /** The map for `lesson`, given the server's latest answer and what is not in it yet. */
  stateFor(
    lesson: Lesson,
    output: ProgressOutput,
    target: ProgressTarget,
    unsent: readonly Segment[],
  ): WatchedState {
    this.followCourse(lesson, output, target);
    const segments = unsent.length ? mergeSegments([...output.segments, ...unsent]) : output.segments;
    const previous = this.state;
    if (previous && previous.course === this.course && sameSegments(previous.segments, segments)) {
      return previous;
    }
    const nextUnwatched =
      segments.length && isTimed(lesson.transcript)
        ? firstUnwatched(segments, paragraphsOf(lesson.transcript))
        : null;
    this.state = { segments, nextUnwatched, course: this.course };
    return this.state;
  }

  /** Loads the course list when the lesson, the reader or what they completed has changed. */
  private followCourse(lesson: Lesson, output: ProgressOutput, target: ProgressTarget): void {
    if (!lesson.course) {
      this.courseKey = '';
      this.course = null;
      return;
    }
    const key = [
      target.slug,
      target.locale,
      target.token,
      output.completed,
      output.course?.completed ?? 0,
    ].join('\n');
    if (key === this.courseKey) return;
    const sameLesson = this.courseKey.startsWith(`${target.slug}\n${target.locale}\n${target.token}\n`);
    this.courseKey = key;
    if (!sameLesson) this.course = null;
    this.courseAbort?.abort();
    const abort = (this.courseAbort = new AbortController());
    target.apiClient.getCourseProgress(target.slug, target.locale, target.token, abort.signal).then(
      (course) => {
        if (abort.signal.aborted) return;
        this.course = course;
        this.changed();
      },
      () => {
        // Without the list the map still works; the next lesson completed asks again.
      },
    );
  }

  /** Another lesson, or nobody logged in: forget it all. */
  reset(): void {
    this.courseAbort?.abort();
    this.state = null;
    this.course = null;
    this.courseKey = '';
  }
}
