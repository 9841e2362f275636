import type { ReactiveControllerHost } from 'lit';

/**
 * The parts loaded on first use (the dialogs, the player and video.js, progress recording, a
 * language's strings…) are separate chunks, and a chunk can fail to load: the reader went
 * offline, or a deploy replaced the files. This remembers what failed and how to try it again,
 * so that the widget can say so and offer "Try again" instead of silently doing nothing.
 */
export class LazyChunks {
  private readonly failures = new Map<string, () => unknown>();

  constructor(private readonly host: ReactiveControllerHost) {}

  get failed(): boolean {
    return this.failures.size > 0;
  }

  /**
   * Loads a chunk (`load` is its `import()`). When it fails, `retry` (which repeats what the
   * reader asked for) is kept for `retry()`, and the answer is undefined.
   */
  async load<T>(name: string, load: () => Promise<T>, retry: () => unknown): Promise<T | undefined> {
    try {
      const chunk = await load();
      if (this.failures.delete(name)) this.host.requestUpdate();
      return chunk;
    } catch (error) {
      this.fail(name, retry, error);
      return undefined;
    }
  }

  /** Something (`name`) could not be loaded; `retry` repeats it. */
  fail(name: string, retry: () => unknown, error?: unknown): void {
    // For the site owner's console: which part, and the browser's reason.
    console.warn(`lesson-widget: could not load ${name}`, error);
    this.failures.set(name, retry);
    this.host.requestUpdate();
  }

  /** `fail` for one part, for code that reports its failures through a callback. */
  failureOf(name: string): (retry: () => unknown, error: unknown) => void {
    return (retry, error) => this.fail(name, retry, error);
  }

  /** The reader pressed "Try again": everything that failed is tried again. */
  retry(): void {
    const retries = [...this.failures.values()];
    this.failures.clear();
    this.host.requestUpdate();
    for (const retry of retries) retry();
  }
}
