import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { videoTypeOf } from './index.js';

describe('videoTypeOf', () => {
  it('takes an uploaded file’s MIME type', () => {
    assert.equal(videoTypeOf('video/webm', '/uploads/a.bin'), 'video/webm');
    assert.equal(videoTypeOf('application/vnd.apple.mpegurl', '/uploads/a'), 'application/x-mpegURL');
    assert.equal(videoTypeOf('application/x-mpegURL', '/uploads/a'), 'application/x-mpegURL');
    assert.equal(videoTypeOf('video/mp4', '/uploads/a.webm'), 'video/webm');
  });

  it('reads an external URL’s extension, ignoring its query and fragment', () => {
    assert.equal(videoTypeOf(undefined, 'https://cdn.example/v/clip.WEBM'), 'video/webm');
    assert.equal(videoTypeOf(null, 'https://cdn.example/live/index.m3u8?token=abc'), 'application/x-mpegURL');
    assert.equal(videoTypeOf(undefined, 'https://cdn.example/v/clip.mp4#t=10'), 'video/mp4');
    // Only the path counts: a query that mentions another format changes nothing.
    assert.equal(videoTypeOf(undefined, 'https://cdn.example/v/clip.mp4?fallback=x.webm'), 'video/mp4');
  });

  it('falls back to MP4 for anything else', () => {
    assert.equal(videoTypeOf(undefined, 'https://cdn.example/watch'), 'video/mp4');
    assert.equal(videoTypeOf('video/quicktime', '/uploads/a.mov'), 'video/mp4');
  });
});
