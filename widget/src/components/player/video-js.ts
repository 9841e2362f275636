/**
 * The player chunk: video.js (core build, no HLS engine) and its stylesheet. Loaded only when the
 * reader asks to play, or at once for a `#t=` deep link. Our copy of video.js is built never to add
 * `<style>` elements to the page (scripts/build-plugins.mjs): a host page's strict CSP refuses
 * them. All the player's styles are in the shadow root, as constructed stylesheets.
 */
import { unsafeCSS } from 'lit';
import videojs from 'video.js/core.es.js';
import videoJsCss from 'video.js/dist/video-js.min.css?text';
import { baseLanguage } from '@lessons/shared/core';
import { MEDIA_EVENTS } from '../../constants.js';
import { chapterMarkerStyles } from './chapters.styles.js';
import { formatTime, type Translate } from '../../i18n/i18n.js';
import type { MediaHandle, PlayerConfig } from './media-handle.js';
import { readPreferences, savePreferences } from './preferences.js';

/**
 * video.js's stylesheet for the shadow root (its icon font is dropped: we use its SVG icons), with
 * our chapter markers' rules, which only a player needs.
 */
export const videoJsStyles = unsafeCSS(`${videoJsCss}\n${chapterMarkerStyles.cssText}`);

const HLS = 'application/x-mpegURL';

/** video.js's own strings, in the reader's language. */
function playerStrings(t: Translate): Record<string, string> {
  return {
    'Video Player': t('player.controls.player'),
    Play: t('player.controls.play'),
    Pause: t('player.controls.pause'),
    Replay: t('player.controls.replay'),
    'Current Time': t('player.controls.currentTime'),
    Duration: t('player.controls.duration'),
    'Remaining Time': t('player.controls.remainingTime'),
    'Progress Bar': t('player.controls.progressBar'),
    'progress bar timing: currentTime={1} duration={2}': t('player.controls.timing'),
    Mute: t('player.controls.mute'),
    Unmute: t('player.controls.unmute'),
    'Volume Level': t('player.controls.volume'),
    Fullscreen: t('player.controls.fullscreen'),
    'Exit Fullscreen': t('player.controls.exitFullscreen'),
    'Playback Rate': t('player.controls.speed'),
    Captions: t('player.controls.captions'),
    'captions off': t('player.controls.captionsOff'),
    Chapters: t('player.controls.chapters'),
    'Picture-in-Picture': t('player.controls.pictureInPicture'),
    'Exit Picture-in-Picture': t('player.controls.exitPictureInPicture'),
    'The media could not be loaded, either because the server or network failed or because the format is not supported.':
      t('player.controls.mediaError'),
  };
}

type Player = ReturnType<typeof videojs>;

/** A chapter cue's text as a title: WebVTT escapes (`&amp;`) decoded, no markup. */
function decodeCueTitles(track: TextTrack): void {
  for (const cue of track.cues ?? [])
    if (cue instanceof VTTCue) cue.text = cue.getCueAsHTML().textContent ?? cue.text;
}

/**
 * A marker on the progress bar where each chapter after the first starts: a button named after the
 * chapter (its title shown on hover and on keyboard focus) that seeks there. Beside the seek bar,
 * not in it: a slider's content is not read out, and its keys (Space, Enter) would be taken over.
 */
function drawChapterMarkers(player: Player, track: TextTrack, t: Translate): void {
  const control = player.el().querySelector('.vjs-progress-control');
  const duration = player.duration() ?? 0;
  const cues = [...(track.cues ?? [])];
  control?.querySelector('.lesson-chapters')?.remove();
  if (!control || !(duration > 0) || cues.length < 2) return;
  const markers = document.createElement('div');
  markers.className = 'lesson-chapters';
  markers.setAttribute('role', 'group');
  markers.setAttribute('aria-label', t('player.controls.chapters'));
  for (const cue of cues.slice(1)) {
    if (cue.startTime >= duration) continue;
    const title = cue instanceof VTTCue ? cue.text : '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'lesson-chapter-marker';
    button.setAttribute(
      'aria-label',
      t('player.controls.chapterMarker', { title, time: formatTime(cue.startTime) }),
    );
    // Through the CSSOM: a strict style-src allows it, where a style attribute in markup is refused.
    button.style.setProperty('left', `${(cue.startTime / duration) * 100}%`);
    const tip = document.createElement('span');
    tip.className = 'lesson-chapter-title';
    tip.setAttribute('aria-hidden', 'true');
    tip.textContent = title;
    button.append(tip);
    button.addEventListener('click', () => void player.currentTime(cue.startTime));
    // The progress bar would start a drag on press, the player's shortcuts take Space: the button's own.
    for (const type of ['mousedown', 'touchstart', 'keydown'] as const)
      button.addEventListener(type, (e) => e.stopPropagation());
    markers.append(button);
  }
  control.append(markers);
}

const isCaptions = (track: TextTrack) => track.kind === 'captions' || track.kind === 'subtitles';

/**
 * Starts the player with the reader's remembered speed and captions, then remembers what they
 * change. Captions left on come back on: in the remembered language when the lesson has it,
 * otherwise in the lesson's own.
 */
function rememberPreferences(player: Player, origin: string): void {
  const saved = readPreferences(origin);
  const video = player.el().querySelector('video');
  if (saved.rate && video) {
    video.defaultPlaybackRate = saved.rate;
    player.playbackRate(saved.rate);
  }
  const tracks = (): TextTrack[] => {
    const list = player.textTracks() as unknown as TextTrackList;
    return [...Array(list.length).keys()].map((i) => list[i]!).filter(isCaptions);
  };
  if (typeof saved.captions === 'string') {
    const wanted = saved.captions;
    const all = tracks();
    const chosen =
      all.find((t) => t.language === wanted) ??
      all.find((t) => baseLanguage(t.language) === baseLanguage(wanted)) ??
      all[0];
    if (chosen) chosen.mode = 'showing';
  }
  player.on(
    'ratechange',
    () => void (player.isDisposed() || savePreferences(origin, { rate: player.playbackRate() ?? 1 })),
  );
  // The state when the list changes, not the event's track: the chapters track going hidden says nothing.
  (player.textTracks() as unknown as TextTrackList).addEventListener('change', () => {
    if (player.isDisposed()) return;
    const showing = tracks().find((t) => t.mode === 'showing');
    if ((showing?.language ?? null) !== (readPreferences(origin).captions ?? null))
      savePreferences(origin, { captions: showing?.language ?? null });
  });
}

export async function createPlayer(stage: HTMLElement, config: PlayerConfig): Promise<MediaHandle> {
  const video = document.createElement('video');
  if (config.sources.some((s) => s.type === HLS) && !video.canPlayType(HLS)) {
    // The HLS engine is big; only lessons that stream with HLS, in browsers without it, pay for it.
    await import('@videojs/http-streaming');
  }
  video.className = 'video-js';
  video.crossOrigin = 'anonymous';
  video.playsInline = true;
  video.preload = 'auto';
  stage.replaceChildren(video);

  const player = videojs(video, {
    controls: true,
    fill: true,
    preload: 'auto',
    poster: config.poster ?? undefined,
    sources: config.sources,
    playbackRates: [0.75, 1, 1.25, 1.5, 2],
    experimentalSvgIcons: true,
    textTrackSettings: false,
    language: config.language,
    languages: { [config.language]: playerStrings(config.t) },
    userActions: { hotkeys: true },
    // Native text tracks: no vtt.js emulation, which could try to fetch vtt.js from a CDN.
    html5: { nativeTextTracks: true, nativeAudioTracks: true, nativeVideoTracks: true },
  });
  await new Promise<void>((resolve) => player.ready(() => resolve()));
  if (config.captions) {
    player.addRemoteTextTrack({ kind: 'captions', ...config.captions, default: false }, false);
  }
  if (config.chapters) {
    // With native text tracks video.js adds a real <track> element (its types describe its emulation's).
    const chapters = player.addRemoteTextTrack(
      { kind: 'chapters', ...config.chapters, default: false },
      false,
    ) as unknown as globalThis.HTMLTrackElement;
    // A disabled track never loads its cues; hidden loads them without drawing anything.
    chapters.track.mode = 'hidden';
    // Titles as shown (`&amp;` read as `&`) before video.js's chapters menu, listening at the
    // target too, makes its items from them: capture listeners there run first. The track may also
    // load after the player has gone, which video.js's menu does not expect.
    const track = chapters.track;
    chapters.addEventListener(
      'load',
      (event: Event) => (player.isDisposed() ? event.stopImmediatePropagation() : decodeCueTitles(track)),
      { capture: true },
    );
    const draw = () => void (player.isDisposed() || drawChapterMarkers(player, track, config.t));
    chapters.addEventListener('load', draw);
    player.on('durationchange', draw);
  }
  // Before its metadata the media element may ignore a seek or drop a play(); wait for it
  // (or for an error, which video.js shows in the player).
  if ((player.readyState() ?? 0) < 1)
    await new Promise<void>((resolve) => player.one(['loadedmetadata', 'error'], () => resolve()));
  if (config.startAt > 0) player.currentTime(config.startAt);
  rememberPreferences(player, config.preferencesOrigin);
  const tech = player.el().querySelector('video') ?? video;

  return {
    video: tech,
    get currentTime() {
      return player.currentTime() ?? 0;
    },
    get duration() {
      return player.duration() ?? 0;
    },
    get paused() {
      return player.paused();
    },
    get ended() {
      return player.ended();
    },
    async play() {
      await player.play();
    },
    pause: () => player.pause(),
    seek: (time) => void player.currentTime(time),
    on(type, listener) {
      if ((MEDIA_EVENTS as readonly string[]).includes(type)) player.on(type, listener);
    },
    focus: () => (player.el() as HTMLElement).focus(),
    dispose: () => player.dispose(),
  };
}
