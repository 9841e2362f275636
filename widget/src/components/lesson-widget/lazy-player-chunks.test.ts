import { expect } from '@esm-bundle/chai';
import '../../define.js';
import {
  chunkFailureHooks,
  deep,
  failChunks,
  moduleLoaded,
  mountWidget,
  partFailure as failure,
  tryAgain,
  until,
} from '../../../test/helpers.js';
import type { LessonWidget } from './lesson-widget.component.js';

// The player's chunks fail to load, as when the reader is offline (see lazy-chunks.test.ts). The
// player controller, video.js and the follow-along come one after the other on the first play,
// so one test walks through them in turn; the HLS engine comes later, for an HLS lesson only.

const playButton = (widget: LessonWidget) =>
  deep<HTMLButtonElement>(widget, 'lesson-player', 'button[part="play-button"]');

describe("the player's chunks fail to load", () => {
  chunkFailureHooks();

  it('the player controller, video.js, the follow-along: each says so, and "Try again" goes on', async () => {
    await failChunks(
      'controllers/player-controller',
      'components/player/video-js',
      'controllers/follow-along-controller',
    );
    const widget = await mountWidget();
    playButton(widget)!.click();
    await until(() => failure(widget), 'the message about the player controller');
    expect(failure(widget)!.textContent).to.contain('Part of the lesson could not be loaded.');
    expect(widget.media).to.equal(null);

    await failChunks('components/player/video-js', 'controllers/follow-along-controller');
    tryAgain(widget);
    await until(
      () => moduleLoaded('controllers/player-controller') && failure(widget),
      'the message about video.js',
    );
    expect(widget.media).to.equal(null);
    // The play button is not left "Loading the video…": it can be pressed again.
    expect(playButton(widget)!.disabled).to.equal(false);

    await failChunks('controllers/follow-along-controller');
    tryAgain(widget);
    const media = await until(() => widget.media, 'the player');
    await until(() => failure(widget), 'the message about the follow-along');

    await failChunks();
    tryAgain(widget);
    await until(() => moduleLoaded('controllers/follow-along-controller'), 'the follow-along');
    await until(() => !media.paused && media.currentTime > 0.3, 'playback');
    expect(failure(widget)).to.equal(null);
  });

  it('a page\'s #t= link: says so, and "Try again" loads the player there', async () => {
    await failChunks('controllers/deep-link');
    history.replaceState(null, '', '#t=3');
    try {
      const widget = await mountWidget();
      await until(() => failure(widget), 'the failure message');
      expect(widget.media).to.equal(null);
      await failChunks();
      tryAgain(widget);
      const media = await until(() => widget.media, 'the player');
      await until(() => Math.abs(media.currentTime - 3) < 0.5, 'the player at 3 s');
      expect(failure(widget)).to.equal(null);
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('the HLS engine: says so, and "Try again" plays the stream', async () => {
    // As in Firefox or an older Chrome: no native HLS, so the engine is needed.
    const native = HTMLMediaElement.prototype.canPlayType;
    HTMLMediaElement.prototype.canPlayType = function (type: string) {
      return /mpegurl/i.test(type) ? '' : native.call(this, type);
    };
    try {
      await failChunks('http-streaming');
      const widget = await mountWidget({ lesson: 'streamed-lesson' });
      playButton(widget)!.click();
      await until(() => failure(widget), 'the message about the HLS engine');
      expect(widget.media).to.equal(null);
      await failChunks();
      tryAgain(widget);
      const media = await until(() => widget.media, 'the player');
      await until(() => !media.paused && media.currentTime > 0.3, 'playback through the HLS engine');
      expect(media.video.currentSrc).to.match(/^blob:/);
      expect(failure(widget)).to.equal(null);
    } finally {
      HTMLMediaElement.prototype.canPlayType = native;
    }
  });
});
