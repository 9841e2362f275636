/**
 * The player chunk: video.js (core build, no HLS engine) and its stylesheet. Loaded only when the
 * reader asks to play, or at once for a `#t=` deep link. Our copy of video.js is built never to add
 * `<style>` elements to the page (scripts/build-plugins.mjs): a host page's strict CSP refuses
 * them. All the player's styles are in the shadow root, as constructed stylesheets.
 */
import { unsafeCSS } from 'lit';
import videojs from 'video.js/core.es.js';
import videoJsCss from 'video.js/dist/video-js.min.css?text';
import { baseLanguage, isTimed } from '@lessons/shared/core';
import type { WidgetState } from '../../context.js';
import { MEDIA_EVENTS } from '../../constants.js';
import { chapterMarkerStyles } from './chapters.styles.js';
import { formatTime, nativeLanguageName, type Translate } from '../../i18n/i18n.js';
import type { PlayerCommand } from '../../controllers/keyboard-shortcuts.js';
import { captionCss, DEFAULT_CAPTION_STYLE, type CaptionStyle } from './caption-style.js';
import type { MediaHandle, PlayerConfig } from './media-handle.js';
import { readPreferences, savePreferences } from './preferences.js';

/**
 * video.js's stylesheet for the shadow root (its icon font is dropped: we use its SVG icons), with
 * our chapter markers' rules, which only a player needs.
 */
export const videoJsStyles = unsafeCSS(`${videoJsCss}\n${chapterMarkerStyles.cssText}`);

const HLS = 'application/x-mpegURL';
/** The speeds of the control bar's menu, which the slower/faster shortcuts step through. */
const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 2];
/** Seconds the back/forward shortcuts move. */
const SKIP_SECONDS = 10;

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

/**
 * The player for the widget's lesson, starting at `startAt` seconds: its sources and poster, and,
 * for a timed transcript, its captions and chapters tracks (the sections' times are the chapters').
 */
export function playerConfig(
  { lesson, apiClient: api, i18n }: WidgetState,
  startAt: number,
  openCaptionStyle: () => void,
): PlayerConfig {
  const timed = isTimed(lesson.transcript);
  const track = (format: 'vtt' | 'chapters', label: string) =>
    timed
      ? { src: api.transcriptUrl(lesson.slug, lesson.locale, format), srclang: lesson.locale, label }
      : null;
  return {
    sources: lesson.video?.sources ?? [],
    poster: lesson.video?.poster ?? null,
    captions: track('vtt', nativeLanguageName(lesson.locale)),
    chapters: track('chapters', i18n.t('player.controls.chapters')),
    language: i18n.lang,
    t: i18n.t,
    startAt,
    preferencesOrigin: api.origin,
    openCaptionStyle,
  };
}

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

/** The player's captions and subtitles tracks (not its chapters). */
function captionTracks(player: Player): TextTrack[] {
  const list = player.textTracks() as unknown as TextTrackList;
  return [...Array(list.length).keys()].map((i) => list[i]!).filter(isCaptions);
}

/** The track to show for captions wanted in `language`: that one, else the same base language, else the first. */
function chooseCaptions(tracks: TextTrack[], language: string | null | undefined): TextTrack | undefined {
  return (
    tracks.find((t) => t.language === language) ??
    tracks.find((t) => !!language && baseLanguage(t.language) === baseLanguage(language)) ??
    tracks[0]
  );
}

/** What a keyboard shortcut asks of the player; returns what a screen reader should hear. */
function command(player: Player, action: PlayerCommand, config: PlayerConfig): string {
  const { t } = config;
  switch (action) {
    case 'playPause':
      if (player.paused()) void player.play()?.catch(() => undefined);
      else player.pause();
      return '';
    case 'back':
    case 'forward': {
      const to = (player.currentTime() ?? 0) + (action === 'back' ? -SKIP_SECONDS : SKIP_SECONDS);
      const duration = player.duration() ?? 0;
      player.currentTime(Math.max(0, duration > 0 ? Math.min(duration, to) : to));
      return '';
    }
    case 'slower':
    case 'faster': {
      const rate = player.playbackRate() ?? 1;
      const next =
        (action === 'faster'
          ? PLAYBACK_RATES.find((r) => r > rate + 0.01)
          : PLAYBACK_RATES.findLast((r) => r < rate - 0.01)) ?? rate;
      player.playbackRate(next);
      return `${t('player.controls.speed')}: ${new Intl.NumberFormat(config.language).format(next)}×`;
    }
    case 'captions': {
      const tracks = captionTracks(player);
      const showing = tracks.find((track) => track.mode === 'showing');
      if (showing) {
        showing.mode = 'disabled';
        return t('player.controls.captionsOff');
      }
      const chosen = chooseCaptions(tracks, readPreferences(config.preferencesOrigin).captions ?? null);
      if (!chosen) return '';
      chosen.mode = 'showing';
      return `${t('player.controls.captions')}: ${chosen.label}`;
    }
    case 'mute':
      player.muted(!player.muted());
      return t(player.muted() ? 'player.controls.soundOff' : 'player.controls.soundOn');
    case 'fullscreen':
      void (player.isFullscreen() ? player.exitFullscreen() : player.requestFullscreen())?.catch?.(
        () => undefined,
      );
      return '';
  }
}

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
  const tracks = () => captionTracks(player);
  if (typeof saved.captions === 'string') {
    const chosen = chooseCaptions(tracks(), saved.captions);
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

/**
 * The reader's caption style, applied to the player's captions (a `video::cue` rule in the
 * player's shadow root: the browser draws the captions) and remembered for the next lesson.
 */
function captionStyler(stage: HTMLElement, origin: string) {
  const root = stage.getRootNode() as ShadowRoot | Document;
  const sheet = new CSSStyleSheet();
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  let current = readPreferences(origin).captionStyle ?? DEFAULT_CAPTION_STYLE;
  const apply = (style: CaptionStyle) => {
    current = style;
    sheet.replaceSync(captionCss('video::cue', style));
  };
  apply(current);
  return {
    get style() {
      return current;
    },
    set(style: CaptionStyle) {
      apply(style);
      savePreferences(origin, { captionStyle: style });
    },
    dispose: () => (root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet)),
  };
}

/** A control bar button, "Caption style", that asks for the caption style dialog. */
function addCaptionStyleButton(player: Player, config: PlayerConfig): void {
  // getComponent is typed as returning a plain Component class; this one is video.js's Button.
  const Button = videojs.getComponent('Button') as unknown as new (
    player: Player,
  ) => InstanceType<ReturnType<typeof videojs.getComponent>> & { controlText(text: string): void };
  const button = new Button(player);
  button.controlText(config.t('player.controls.captionStyle'));
  button.addClass('lesson-caption-style');
  button.setIcon('cog');
  button.on('click', () => config.openCaptionStyle?.());
  const bar = player.getChild('ControlBar');
  const captions = bar?.getChild('SubsCapsButton');
  bar?.addChild(button, {}, captions ? bar.children().indexOf(captions) + 1 : undefined);
}

export async function createPlayer(stage: HTMLElement, config: PlayerConfig): Promise<MediaHandle> {
  const video = document.createElement('video');
  if (config.sources.some((s) => s.type === HLS) && !video.canPlayType(HLS)) {
    // The HLS engine is big; only lessons that stream with HLS, in browsers without it, pay for it.
    // With it, vtt.js, which our video.js leaves out: the engine parses a stream's subtitles with it.
    await Promise.all([import('@videojs/http-streaming'), import('videojs-vtt.js')]);
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
    playbackRates: PLAYBACK_RATES,
    experimentalSvgIcons: true,
    textTrackSettings: false,
    language: config.language,
    languages: { [config.language]: playerStrings(config.t) },
    // The widget's shortcuts (controllers/keyboard-shortcuts.ts) act inside the player too.
    userActions: { hotkeys: false },
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
  const captionStyle = captionStyler(stage, config.preferencesOrigin);
  if (config.captions && config.openCaptionStyle) addCaptionStyleButton(player, config);
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
    command: (action) => command(player, action, config),
    get captionStyle() {
      return captionStyle.style;
    },
    setCaptionStyle: (style) => captionStyle.set(style),
    on(type, listener) {
      if ((MEDIA_EVENTS as readonly string[]).includes(type)) player.on(type, listener);
    },
    focus: () => (player.el() as HTMLElement).focus(),
    dispose: () => {
      captionStyle.dispose();
      player.dispose();
    },
  };
}
