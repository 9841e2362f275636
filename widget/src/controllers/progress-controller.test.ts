import { expect } from '@esm-bundle/chai';
import type { ProgressInput, ProgressOutput } from '@lessons/shared/core';
import '../define.js';
import {
  API,
  cleanup,
  deep,
  mountWidget,
  readerToken,
  requestLog,
  resetFixture,
  failNext,
  until,
} from '../../test/helpers.js';
import type { LessonsApi } from '../api/client.js';
import { LessonsApiError } from '../api/errors.js';
import type { LessonProgressEvent } from '../events/lesson-progress.js';
import { LessonSeekRequestEvent } from '../events/lesson-seek-request.js';
import { ProgressController, type ProgressTarget } from './progress-controller.js';

const OUTPUT: ProgressOutput = { percent: 1, completed: false, position: 0, segments: [] };

/** An API whose progress calls are recorded, failing when told to. */
function fakeApi() {
  const sent: ProgressInput[] = [];
  const keepalive: boolean[] = [];
  const failures: LessonsApiError[] = [];
  const api = {
    getProgress() {
      return Promise.resolve(OUTPUT);
    },
    putProgress(
      _slug: string,
      _locale: string,
      _token: string,
      body: ProgressInput,
      options: { keepalive?: boolean } = {},
    ) {
      sent.push(structuredClone(body));
      keepalive.push(options.keepalive ?? false);
      const failure = failures.shift();
      return failure ? Promise.reject(failure) : Promise.resolve({ ...OUTPUT, position: body.position });
    },
  };
  return { api: api as unknown as LessonsApi, sent, keepalive, failures };
}

function controller(api: LessonsApi, unauthorized: string[] = []) {
  const host = {
    addController() {},
    removeController() {},
    requestUpdate() {},
    updateComplete: Promise.resolve(true),
  };
  const progress = new ProgressController(host, { progress() {}, unauthorized: (t) => unauthorized.push(t) });
  const target: ProgressTarget = { apiClient: api, slug: 'a-lesson', locale: 'en', token: 'token' };
  progress.setTarget(target);
  return progress;
}

/** Controllers listening to the page (visibility, pagehide, online); disconnected after each test. */
const listening: ProgressController[] = [];
function connected(api: LessonsApi) {
  const progress = controller(api);
  progress.hostConnected();
  listening.push(progress);
  return progress;
}
afterEach(() => {
  for (const progress of listening.splice(0)) progress.hostDisconnected();
});

function play(progress: ProgressController, from: number, to: number) {
  for (let t = from; t <= to + 1e-9; t += 0.25) progress.played(t);
}

describe('progress', () => {
  describe('ProgressController', () => {
    it('sends only what was played: seek to 60, play 5 s → 60–65', async () => {
      const { api, sent } = fakeApi();
      const progress = controller(api);
      progress.played(0);
      progress.sought(60);
      play(progress, 60, 65);
      progress.stopped(65);
      await progress.settled();
      expect(sent).to.deep.equal([{ segments: [[60, 65]], position: 65 }]);
    });

    it('sends every 15 s of playback', async () => {
      const { api, sent } = fakeApi();
      const progress = controller(api);
      play(progress, 0, 16);
      await progress.settled();
      expect(sent).to.have.length(1);
      expect(sent[0]!.segments[0]![1]).to.be.within(15, 16);
    });

    it('keeps what failed to send and sends it again with what follows', async () => {
      const { api, sent, failures } = fakeApi();
      const progress = controller(api);
      failures.push(new LessonsApiError('network', 'offline'));
      play(progress, 10, 12);
      progress.stopped(12);
      await progress.settled();
      expect(progress.pendingSegments).to.deep.equal([[10, 12]]);
      play(progress, 30, 31);
      progress.stopped(31);
      await progress.settled();
      expect(sent.at(-1)!.segments).to.deep.equal([
        [10, 12],
        [30, 31],
      ]);
      expect(progress.pendingSegments).to.deep.equal([]);
    });

    it('retries by itself after a server error', async () => {
      const { api, sent, failures } = fakeApi();
      const progress = controller(api);
      failures.push(new LessonsApiError('server', 'boom', 503));
      play(progress, 0, 2);
      progress.stopped(2);
      await until(() => sent.length === 2, 'the retry', 5000);
      expect(sent[1]!.segments).to.deep.equal([[0, 2]]);
      progress.hostDisconnected();
    });

    it('sends with keepalive when the page is hidden or goes away, and not otherwise', async () => {
      const { api, sent, keepalive } = fakeApi();
      const progress = connected(api);
      try {
        play(progress, 0, 3);
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
        await until(() => sent.length === 1, 'the send on hiding');
        delete (document as { visibilityState?: string }).visibilityState;
        play(progress, 3, 5);
        window.dispatchEvent(new PageTransitionEvent('pagehide'));
        await until(() => sent.length === 2, 'the send on pagehide');
        play(progress, 5, 7);
        progress.stopped(7);
        await progress.settled();
        expect(keepalive).to.deep.equal([true, true, false]);
        expect(sent.map((s) => s.segments)).to.deep.equal([[[0, 3]], [[3, 5]], [[5, 7]]]);
      } finally {
        delete (document as { visibilityState?: string }).visibilityState;
      }
    });

    it('sends the queue again as soon as the browser is back online', async () => {
      const { api, sent, failures } = fakeApi();
      const progress = connected(api);
      failures.push(new LessonsApiError('network', 'offline'));
      play(progress, 0, 2);
      progress.stopped(2);
      await progress.settled();
      expect(progress.pendingSegments).to.deep.equal([[0, 2]]);
      window.dispatchEvent(new Event('online'));
      await until(() => sent.length === 2, 'the send when online');
      expect(sent[1]!.segments).to.deep.equal([[0, 2]]);
    });

    it('reports a refused token and drops the queue', async () => {
      const { api, failures } = fakeApi();
      const refused: string[] = [];
      const progress = controller(api, refused);
      failures.push(new LessonsApiError('unauthorized', 'no', 401));
      play(progress, 0, 2);
      progress.stopped(2);
      await progress.settled();
      expect(refused).to.deep.equal(['token']);
      expect(progress.pendingSegments).to.deep.equal([]);
    });

    it('sends nothing for an anonymous reader', async () => {
      const { api, sent } = fakeApi();
      const progress = controller(api);
      progress.setTarget(null);
      play(progress, 0, 20);
      progress.stopped(20);
      await progress.settled();
      expect(sent).to.deep.equal([]);
    });
  });

  describe('in the widget, against the API', () => {
    beforeEach(resetFixture);
    afterEach(cleanup);

    const puts = () => requestLog((r) => r.method === 'PUT' && r.path.endsWith('/progress'));
    const segmentsOf = async () => (await puts()).flatMap((r) => (r.body as ProgressInput).segments);

    it('records 60–65 after a seek to 60 and 5 s of play, and nothing before', async () => {
      const widget = await mountWidget({ token: await readerToken() });
      await until(() => deep(widget, 'lesson-account', '[part="progress"]'), 'the progress');
      deep(widget, 'lesson-transcript')!.dispatchEvent(new LessonSeekRequestEvent({ time: 60, play: true }));
      const media = await until(() => widget.media, 'the player');
      await until(() => media.currentTime >= 65, 'five seconds of playback', 15_000);
      media.pause();
      await until(async () => (await puts()).length > 0, 'progress to be sent');
      const segments = await segmentsOf();
      expect(segments.length).to.be.greaterThan(0);
      for (const [start, end] of segments) {
        expect(start, 'no time before 60').to.be.at.least(59);
        expect(end).to.be.at.most(66.5);
      }
      const covered = segments.reduce((n, [a, b]) => n + (b - a), 0);
      expect(covered).to.be.within(4, 6.5);
      const progress = (await (
        await fetch(`${API}/api/lessons/regaining-social-connection/progress?locale=en`, {
          headers: { Authorization: (await puts())[0]!.auth! },
        })
      ).json()) as { data: ProgressOutput };
      expect(progress.data.segments[0]?.[0]).to.be.at.least(59);
    });

    it('sends when the page is hidden, and retries after a failure', async () => {
      const widget = await mountWidget({ token: await readerToken() });
      await until(() => deep(widget, 'lesson-account', '[part="progress"]'), 'the progress');
      await failNext({ path: '/progress$', method: 'PUT', status: 503 });
      deep<HTMLButtonElement>(widget, 'lesson-player', 'button')!.click();
      const media = await until(() => widget.media, 'the player');
      await until(() => media.currentTime >= 2, 'playback');
      // What leaves on pagehide is sent with keepalive, so that it outlives the page.
      const realFetch = window.fetch;
      const flags: Array<boolean | undefined> = [];
      window.fetch = (input, init) => {
        if (
          String(input instanceof Request ? input.url : input).includes('/progress') &&
          init?.method === 'PUT'
        )
          flags.push(init.keepalive);
        return realFetch(input, init);
      };
      try {
        window.dispatchEvent(new PageTransitionEvent('pagehide'));
        await until(() => flags.length >= 1, 'the send on pagehide');
      } finally {
        window.fetch = realFetch;
      }
      expect(flags).to.deep.equal([true]);
      await until(async () => (await puts()).length >= 1, 'the first (failing) send');
      media.pause();
      await until(async () => (await puts()).length >= 2, 'the retry', 8000);
      const [first, ...rest] = await puts();
      const firstSegments = (first!.body as ProgressInput).segments;
      const later = rest.flatMap((r) => (r.body as ProgressInput).segments);
      // What failed is in what was sent again.
      for (const [a, b] of firstSegments)
        expect(later.some(([c, d]) => c <= a + 0.01 && d >= b - 0.01)).to.equal(true);
    });

    it('resumes where the reader stopped', async () => {
      const token = await readerToken();
      await fetch(`${API}/api/lessons/regaining-social-connection/progress?locale=en`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ segments: [[0, 40]], position: 40 }),
      });
      const widget = await mountWidget({ token });
      await until(
        () => deep(widget, 'lesson-player', 'button')!.textContent.includes('Resume at 0:40'),
        'the resume button',
      );
      deep<HTMLButtonElement>(widget, 'lesson-player', 'button')!.click();
      const media = await until(() => widget.media, 'the player');
      await until(() => media.currentTime >= 40 && !media.paused, 'playback from 40 s');
    });

    it('emits lesson-progress with the server answer', async () => {
      const widget = await mountWidget({ token: await readerToken() });
      const events: LessonProgressEvent[] = [];
      widget.addEventListener('lesson-progress', (e) => events.push(e));
      await until(() => deep(widget, 'lesson-account', '[part="progress"]'), 'the progress');
      deep(widget, 'lesson-transcript')!.dispatchEvent(new LessonSeekRequestEvent({ time: 10, play: true }));
      const media = await until(() => widget.media, 'the player');
      await until(() => media.currentTime >= 12, 'playback');
      media.pause();
      await until(() => events.some((e) => e.detail.segments.length > 0), 'the event');
      const detail = events.at(-1)!.detail;
      expect(detail.slug).to.equal('regaining-social-connection');
      expect(detail.course?.total).to.equal(4);
    });
  });
});
