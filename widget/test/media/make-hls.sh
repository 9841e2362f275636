#!/bin/sh
# Makes test/media/hls: the first 6 s of the main demo lesson as a small HLS stream (H.264/AAC in
# fragmented MP4), for the widget's HLS tests. Needs ffmpeg; the output is committed.
set -e
cd "$(dirname "$0")"
mkdir -p hls
ffmpeg -loglevel error -y -t 6 -i ../../../cms/app/seed/media/regaining-social-connection.en.webm \
  -vf scale=320:180 -c:v libx264 -profile:v baseline -preset veryfast -crf 32 -g 30 -keyint_min 30 \
  -c:a aac -b:a 32k -ac 1 \
  -f hls -hls_time 2 -hls_playlist_type vod -hls_segment_type fmp4 \
  -hls_fmp4_init_filename init.mp4 -hls_segment_filename 'hls/part%d.m4s' hls/index.m3u8
