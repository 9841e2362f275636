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

/**
 * The loader's stylesheet for our tags not yet defined (no light DOM inside: a server-rendered
 * first paint such as embed.html lays itself out): the widget's box above, and the search field's
 * height, which the host page would otherwise lay out as nothing until the modules arrive.
 */
export const UNDEFINED_TAGS_CSS =
  'lesson-search:not(:defined){display:block;min-height:2.5rem}' +
  'lesson-widget:not(:defined):not(:has(*)){display:block}' +
  `lesson-widget:not(:defined):not(:has(*))::before{content:"";display:block;padding-top:calc(56.25% + ${RESERVED_BELOW_VIDEO})}`;
