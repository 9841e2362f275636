/** The video types the widget's player and the admin's report page can be handed. */
export const VIDEO_TYPES = ['video/mp4', 'video/webm', 'application/x-mpegURL'] as const;
export type VideoType = (typeof VIDEO_TYPES)[number];

/**
 * The `type` of a video source, from the uploaded file's MIME type or, for an external URL
 * (which has none), from the URL's extension. Anything unknown is served as MP4, the one format
 * every browser plays.
 */
export function videoTypeOf(mime: string | null | undefined, url: string): VideoType {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  if (mime === 'video/webm' || /\.webm$/i.test(path)) return 'video/webm';
  if (/^application\/(x-mpegurl|vnd\.apple\.mpegurl)$/i.test(mime ?? '') || /\.m3u8$/i.test(path))
    return 'application/x-mpegURL';
  return 'video/mp4';
}
