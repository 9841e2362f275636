/** Helpers for the widget's browser tests. */
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import type { LessonWidget } from '../src/components/lesson-widget/lesson-widget.component.js';

interface Fixture {
  api: string;
  reader: { username: string; email: string; password: string };
}

export const fixture = (window as unknown as { __FIXTURE__: Fixture }).__FIXTURE__;
export const API = fixture.api;
export const READER = fixture.reader;
export const MAIN_LESSON = 'regaining-social-connection';

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  auth: string | null;
  at: number;
}

/** Forgets users, progress, reports, planned failures and the request log of the fixture API. */
export async function resetFixture(): Promise<void> {
  await fetch(`${API}/__fixture/reset`, { method: 'POST' });
}

/** Makes the next `times` requests matching `path` (a regex) fail. */
export async function failNext(rule: {
  path: string;
  method?: string;
  status?: number;
  times?: number;
  retryAfter?: number;
  body?: unknown;
  network?: boolean;
}): Promise<void> {
  await fetch(`${API}/__fixture/fail`, { method: 'POST', body: JSON.stringify(rule) });
}

export async function requestLog(
  filter: (r: LoggedRequest) => boolean = () => true,
): Promise<LoggedRequest[]> {
  return ((await (await fetch(`${API}/__fixture/log`)).json()) as LoggedRequest[]).filter(filter);
}

/** A valid token for the seeded reader. */
export async function readerToken(): Promise<string> {
  return ((await (await fetch(`${API}/__fixture/token`, { method: 'POST' })).json()) as { jwt: string }).jwt;
}

/** Waits until `check` returns something truthy (and returns it), or fails after `timeout` ms. */
export async function until<T>(
  check: () => T | Promise<T>,
  message = 'condition',
  timeout = 10_000,
): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch {
      // not yet
    }
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

const mounted: Element[] = [];

/** Adds HTML to the page (removed by `cleanup()`), returning its first element. */
export function mount<T extends Element = Element>(markup: string, parent: Element = document.body): T {
  const template = document.createElement('template');
  template.innerHTML = markup.trim();
  const element = template.content.firstElementChild as T;
  parent.append(template.content);
  mounted.push(element);
  return element;
}

export function cleanup(): void {
  for (const element of mounted.splice(0)) element.remove();
}

/** Finds an element through nested shadow roots: `deep(el, 'lesson-transcript', 'p')`. */
export function deep<T extends Element = HTMLElement>(
  root: Element | null | undefined,
  ...selectors: string[]
): T | null {
  let current: Element | null | undefined = root;
  for (const selector of selectors) {
    if (!current) return null;
    const scope: ParentNode = current.shadowRoot ?? current;
    current = scope.querySelector(selector);
  }
  return (current as T) ?? null;
}

/** The widget's "part could not be loaded" message, and its Try again button pressed. */
export const partFailure = (widget: LessonWidget) => deep(widget, '.part-failed[role="alert"]');
export const tryAgain = (widget: LessonWidget) =>
  deep<HTMLButtonElement>(widget, '.part-failed button')!.click();

export function deepAll<T extends Element = HTMLElement>(
  root: Element | null | undefined,
  path: string[],
  selector: string,
): T[] {
  const host = path.length ? deep(root, ...path) : root;
  if (!host) return [];
  return [...(host.shadowRoot ?? host).querySelectorAll<T>(selector)];
}

/** Mounts a <lesson-widget> against the fixture API and waits for its lesson to show. */
export async function mountWidget(
  attributes: Record<string, string> = {},
  children = '',
): Promise<LessonWidget> {
  const attrs = { api: API, lesson: MAIN_LESSON, lang: 'en', ...attributes };
  const markup = `<lesson-widget ${Object.entries(attrs)
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ')}>${children}</lesson-widget>`;
  const widget = mount<LessonWidget>(markup);
  await until(() => deep(widget, 'lesson-transcript', 'section'), 'the lesson to show');
  return widget;
}

/** The focused element, through shadow roots. */
export function activeElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Makes the test server answer 503 for every module whose URL contains one of `fragments`, as
 * when a chunk is missing or the reader is offline (test/failing-chunks.mjs); none heals.
 */
export async function failChunks(...fragments: string[]): Promise<void> {
  await executeServerCommand('fail-chunks', { paths: fragments });
}

/**
 * With the chunks whose URLs contain `fragment` failing, "Log in" in the account area says a part
 * could not be loaded and opens nothing; once they load again, "Try again" opens the login form.
 */
export async function expectLoginFormAfterRetry(fragment: string): Promise<void> {
  await failChunks(fragment);
  const widget = await mountWidget();
  const account = deep(widget, 'lesson-account')!.shadowRoot!;
  [...account.querySelectorAll<HTMLButtonElement>('button')]
    .find((b) => b.textContent.trim() === 'Log in')!
    .click();
  await until(() => partFailure(widget), 'the failure message');
  expect(deep(widget, 'lesson-auth-dialog')).to.equal(null);
  await failChunks();
  tryAgain(widget);
  await until(() => deep(widget, 'lesson-auth-dialog', 'dialog[open]'), 'the login form');
  expect(partFailure(widget)).to.equal(null);
}

/** True once a module whose URL contains `fragment` has been served (200) to the page. */
export function moduleLoaded(fragment: string): boolean {
  return performance
    .getEntriesByType('resource')
    .some((e) => e.name.includes(fragment) && (e as PerformanceResourceTiming).responseStatus === 200);
}

/** Scripts (by URL) the page has fetched so far. */
export function fetchedScripts(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => /\.(m?js|ts)(\?|$)/.test(name) || name.includes('__vendor__'));
}

interface AxeResult {
  violations: Array<{
    id: string;
    impact: string;
    help: string;
    nodes: Array<{ target: unknown; failureSummary?: string }>;
  }>;
}

/** Runs axe-core on `element` (its shadow roots included) and fails on any violation. */
export async function expectNoAxeViolations(element: Element, label: string): Promise<void> {
  const win = window as unknown as { axe?: { run(context: Element, options: object): Promise<AxeResult> } };
  if (!win.axe) {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('axe-core could not be loaded'));
      document.head.append(script);
    });
  }
  const result = await win.axe!.run(element, {
    resultTypes: ['violations'],
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    },
  });
  const problems = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`,
  );
  if (problems.length) throw new Error(`axe found problems (${label}):\n${problems.join('\n')}`);
}

/** A short description of a value for a failure message (elements by tag, id and classes). */
function describeValue(value: unknown): unknown {
  if (value instanceof Element) {
    const id = value.id ? `#${value.id}` : '';
    const classes = [...value.classList].map((c) => `.${c}`).join('');
    return `<${value.localName}${id}${classes}>`;
  }
  if (value !== null && typeof value === 'object') return Object.prototype.toString.call(value);
  return value;
}

// A failed assertion on an element (say, the focused one) carries that element as its
// `actual`/`expected`; the test runner serialises them to report the failure, and an element
// inside a live video.js player drags in a graph so large that the report never finishes.
// Keep failure reports to short descriptions.
/**
 * The hooks of a suite whose chunks are made to fail: a fresh fixture (and whatever else `reset`
 * clears) before each test; after it, every chunk served again and no unhandled rejection left.
 */
export function chunkFailureHooks(reset: () => void = () => {}): void {
  const rejections: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);
  beforeEach(async () => {
    await resetFixture();
    reset();
    rejections.length = 0;
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(async () => {
    window.removeEventListener('unhandledrejection', onRejection);
    await failChunks();
    cleanup();
    expect(rejections, 'unhandled rejections').to.deep.equal([]);
  });
}

afterEach(function keepFailureReportsSmall(this: Mocha.Context) {
  const err = this.currentTest?.err;
  if (!err) return;
  if ('actual' in err) err.actual = describeValue(err.actual);
  if ('expected' in err) err.expected = describeValue(err.expected);
});
