// Imports resolved by scripts/build-plugins.mjs (in the bundle and in tests alike).

declare module 'video.js/core.es.js' {
  import videojs from 'video.js';
  export default videojs;
}

declare module '@videojs/http-streaming' {
  const vhs: unknown;
  export default vhs;
}

/** vtt.js (WebVTT parsing and rendering); importing it sets `window.WebVTT`. */
declare module 'videojs-vtt.js' {
  const vttjs: unknown;
  export default vttjs;
}

/** A stylesheet as text, `@font-face` rules removed. */
declare module '*.css?text' {
  const css: string;
  export default css;
}
