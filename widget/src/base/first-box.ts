/**
 * The box a `<lesson-widget>` keeps from the moment the page lays it out until its lesson has
 * arrived, so that nothing below it moves when it fills in (Cumulative Layout Shift 0): a title
 * line, the 16:9 video and the transcript's scrolling height, with the gaps between them. Below
 * the video, as a CSS length; the video is 56.25% of the widget's width.
 *
 * Used three times, which must agree: by the loader (`widget.js`) for the empty tag before the
 * modules arrive, by the skeleton, and as the lesson's least height once it shows.
 */
export const RESERVED_BELOW_VIDEO =
  '2.2rem + 2 * var(--lesson-gap, 1.25rem) + var(--lesson-transcript-max-height, 28rem)';

/** The light DOM's title (`embed.html`'s `<h1>`), laid out as the widget's own title. */
export const TITLE_RULES = 'margin:0;font-size:clamp(1.5rem, 1.1rem + 2cqi, 2.25rem);line-height:1.2';
/** The light DOM's poster (`embed.html`'s `<img>`), laid out as the player's 16:9 box. */
export const POSTER_RULES =
  'display:block;width:100%;height:auto;aspect-ratio:16/9;object-fit:cover;' +
  'border-radius:var(--lesson-radius, 8px);background:var(--lesson-player-background, #0b1320)';

/** A widget not yet defined, with its server-rendered light DOM (`embed.html`). */
const LIGHT = 'lesson-widget:not(:defined):has(> h1)';

/**
 * The loader's stylesheet for our tags not yet defined: an empty widget's box above, a widget's
 * server-rendered light DOM (embed.html) as the widget lays it out, and the search field's height,
 * which the host page would otherwise lay out as nothing until the modules arrive.
 */
export const UNDEFINED_TAGS_CSS =
  'lesson-search:not(:defined){display:block;min-height:2.5rem}' +
  'lesson-widget:not(:defined):not(:has(*)){display:block}' +
  `lesson-widget:not(:defined):not(:has(*))::before{content:"";display:block;padding-top:calc(56.25% + ${RESERVED_BELOW_VIDEO})}` +
  // The light DOM laid out as the widget will show it (lesson-widget.styles.ts), so its poster,
  // the page's largest paint, keeps its place and size when the widget takes over.
  `${LIGHT}{display:grid;gap:var(--lesson-gap, 1.25rem);container-type:inline-size}` +
  `${LIGHT}>h1{${TITLE_RULES}}${LIGHT}>img{${POSTER_RULES}}${LIGHT}>section{max-width:70ch}`;
