import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import {
  API,
  activeElement,
  cleanup,
  deep,
  fetchedScripts,
  mountWidget,
  resetFixture,
  until,
} from '../../../test/helpers.js';

/**
 * Every `<style>` or stylesheet `<link>` added to the page while these tests run. A host page with
 * a strict CSP (`style-src` without 'unsafe-inline') refuses them, so the player must add none.
 */
const addedToPage: string[] = [];
new MutationObserver((records) => {
  for (const node of records.flatMap((r) => [...r.addedNodes])) {
    if (node instanceof HTMLStyleElement || (node instanceof HTMLLinkElement && node.rel === 'stylesheet'))
      addedToPage.push(node.outerHTML);
  }
}).observe(document.documentElement, { childList: true, subtree: true });

describe('<lesson-player>', () => {
  beforeEach(resetFixture);
  afterEach(cleanup);

  it('loads video.js on play and plays the lesson', async () => {
    const widget = await mountWidget();
    expect(fetchedScripts().some((url) => url.includes('video-js'))).to.equal(false);
    deep<HTMLButtonElement>(widget, 'lesson-player', 'button[part="play-button"]')!.click();
    const media = await until(() => widget.media, 'the player');
    expect(fetchedScripts().some((url) => url.includes('video-js'))).to.equal(true);
    await until(() => !media.paused && media.currentTime > 0.3, 'playback');
    expect(deep(widget, 'lesson-player', 'button[part="play-button"]')).to.equal(null);
    expect(media.video.currentSrc).to.contain('regaining-social-connection.en.webm');
    // A WebM lesson never pays for the HLS engine.
    expect(fetchedScripts().some((url) => url.includes('http-streaming'))).to.equal(false);
  });

  it('plays an HLS lesson natively where the browser can, without the HLS engine', async () => {
    expect(document.createElement('video').canPlayType('application/x-mpegURL')).to.not.equal('');
    const widget = await mountWidget({ lesson: 'streamed-lesson' });
    deep<HTMLButtonElement>(widget, 'lesson-player', 'button[part="play-button"]')!.click();
    const media = await until(() => widget.media, 'the player');
    await until(() => !media.paused && media.currentTime > 0.3, 'playback');
    expect(media.video.currentSrc).to.contain('/fixture/hls/index.m3u8');
    expect(fetchedScripts().some((url) => url.includes('http-streaming'))).to.equal(false);
  });

  it('loads the HLS engine for an HLS lesson in a browser without native HLS, and plays', async () => {
    // As in Firefox or an older Chrome: no native HLS.
    const native = HTMLMediaElement.prototype.canPlayType;
    HTMLMediaElement.prototype.canPlayType = function (type: string) {
      return /mpegurl/i.test(type) ? '' : native.call(this, type);
    };
    try {
      const widget = await mountWidget({ lesson: 'streamed-lesson' });
      deep<HTMLButtonElement>(widget, 'lesson-player', 'button[part="play-button"]')!.click();
      const media = await until(() => widget.media, 'the player');
      expect(fetchedScripts().some((url) => url.includes('http-streaming'))).to.equal(true);
      await until(() => !media.paused && media.currentTime > 0.3, 'playback through the HLS engine');
      // Media Source Extensions: the element plays a blob the engine feeds, not the playlist.
      expect(media.video.currentSrc).to.match(/^blob:/);
    } finally {
      HTMLMediaElement.prototype.canPlayType = native;
    }
  });

  it('adds captions from the transcript endpoint in the lesson language', async () => {
    const widget = await mountWidget();
    deep<HTMLButtonElement>(widget, 'lesson-player', 'button[part="play-button"]')!.click();
    const media = await until(() => widget.media, 'the player');
    const track = await until(() => media.video.querySelector('track'), 'the captions track');
    expect(track.kind).to.equal('captions');
    expect(track.srclang).to.equal('en');
    expect(track.label).to.equal('English');
    expect(track.src).to.equal(
      `${API}/api/lessons/regaining-social-connection/transcript?locale=en&format=vtt`,
    );
  });

  it('offers playback speeds and translated controls', async () => {
    const widget = await mountWidget({ lang: 'es' });
    deep<HTMLButtonElement>(widget, 'lesson-player', 'button[part="play-button"]')!.click();
    await until(() => widget.media, 'the player');
    const player = deep(widget, 'lesson-player')!.shadowRoot!;
    const rates = [...player.querySelectorAll('.vjs-playback-rate .vjs-menu-item-text')].map(
      (e) => e.textContent,
    );
    expect(rates).to.include.members(['0.75x', '1x', '1.5x', '2x']);
    const play = player.querySelector('.vjs-play-control .vjs-control-text')!;
    expect(['Reproducir', 'Pausa']).to.include(play.textContent);
  });

  it('is operated from the keyboard', async () => {
    const widget = await mountWidget();
    deep<HTMLButtonElement>(widget, 'lesson-player', 'button[part="play-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    const media = await until(() => widget.media, 'the player');
    await until(() => !media.paused, 'playback');
    // The facade's button is gone: the focus moved to the player, not to the page.
    const playerBox = deep(widget, 'lesson-player', '.video-js')!;
    await until(() => activeElement() === playerBox, 'the focus on the player');
    // Its controls follow in the tab order once video.js shows them.
    const control = deep<HTMLButtonElement>(widget, 'lesson-player', '.vjs-play-control')!;
    await until(
      () => control.classList.contains('vjs-playing') && control.checkVisibility(),
      'the play control to show',
    );
    await sendKeys({ press: 'Tab' });
    await until(() => activeElement() === control, 'Tab to reach the play control');
    await sendKeys({ press: 'Enter' });
    await until(() => media.paused, 'paused from the keyboard');
    // video.js's shortcuts work where the focus is: "k" plays again.
    playerBox.focus();
    await sendKeys({ press: 'k' });
    await until(() => !media.paused, 'playing again with "k"');
  });

  it('styles video.js inside its shadow root only', async () => {
    const widget = await mountWidget();
    const sheetsBefore = document.styleSheets.length;
    deep<HTMLButtonElement>(widget, 'lesson-player', 'button[part="play-button"]')!.click();
    await until(() => widget.media, 'the player');
    expect(document.styleSheets.length).to.equal(sheetsBefore);
    expect(document.adoptedStyleSheets.length).to.equal(0);
    const controlBar = deep(widget, 'lesson-player', '.vjs-control-bar')!;
    expect(getComputedStyle(controlBar).display).to.not.equal('inline');
  });

  it('adds no style element to the page, from loading video.js to playing (a strict CSP host refuses them)', async () => {
    const widget = await mountWidget();
    deep<HTMLButtonElement>(widget, 'lesson-player', 'button[part="play-button"]')!.click();
    const media = await until(() => widget.media, 'the player');
    await until(() => !media.paused && media.currentTime > 0.3, 'playback');
    // Every test of this file loaded or played video.js: none of them added a style to the page.
    expect(addedToPage).to.deep.equal([]);
    expect(document.querySelector('style[class^="vjs-styles"]')).to.equal(null);
    // The player is laid out by video.js's stylesheet in the shadow root, not by the page.
    const player = deep(widget, 'lesson-player', '.video-js')!;
    expect(player.classList.contains('vjs-fill')).to.equal(true);
    const box = deep(widget, 'lesson-player', '.box')!.getBoundingClientRect();
    const rect = player.getBoundingClientRect();
    expect([rect.width, rect.height]).to.deep.equal([box.width, box.height]);
    expect(getComputedStyle(deep(widget, 'lesson-player', '.vjs-control-bar')!).position).to.equal(
      'absolute',
    );
  });
});
