import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Play } from '@strapi/icons';
import * as React from 'react';
import { styled } from 'styled-components';
import type { ReportDetail } from '../../api/reports';
import { useT } from '../../translations';
import { formatTime } from '../../utils/time';

interface VideoAtTimeProps {
  video: NonNullable<ReportDetail['video']>;
  time: number | null;
}

const Player = styled.video`
  width: 100%;
  max-width: 32rem;
  border-radius: ${({ theme }) => theme.borderRadius};
  background: ${({ theme }) => theme.colors.neutral1000};
`;

/** The origin a video is loaded from; an editor's URL may not parse, and the page must still show. */
function originOf(src: string): string {
  try {
    return new URL(src, window.location.href).origin;
  } catch {
    return src;
  }
}

/** A small player of the lesson's video, cued to the moment the report is about. */
export function VideoAtTime({ video, time }: VideoAtTimeProps) {
  const t = useT();
  const player = React.useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = React.useState(false);
  const origin = originOf(video.src);
  const [blocked, setBlocked] = React.useState(false);

  // The admin's Content-Security-Policy refuses videos from hosts not in LESSONS_MEDIA_HOSTS: say
  // which host and how to allow it, not only that the video failed. A layout effect: it listens
  // before the browser starts loading the source.
  React.useLayoutEffect(() => {
    setBlocked(false);
    const onViolation = (e: SecurityPolicyViolationEvent) => {
      if (e.effectiveDirective === 'media-src' && e.blockedURI.startsWith(origin)) setBlocked(true);
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    return () => document.removeEventListener('securitypolicyviolation', onViolation);
  }, [origin]);

  const seek = (play: boolean) => {
    const el = player.current;
    if (!el || time === null) return;
    el.currentTime = time;
    if (play) void el.play().catch(() => undefined);
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Player ref={player} controls preload="metadata" onLoadedMetadata={() => seek(false)}>
        {/* A source that fails reports on the <source>, not on the <video>. */}
        <source src={video.src} type={video.type} onError={() => setFailed(true)} />
      </Player>
      {(failed || blocked) && (
        <Typography variant="pi" textColor="danger600">
          {blocked ? t('report.video.blocked', { origin }) : t('report.video.failed')}
        </Typography>
      )}
      {time !== null && (
        <Box>
          <Button variant="secondary" size="S" startIcon={<Play />} onClick={() => seek(true)}>
            {t('report.video.playFrom', { time: formatTime(time, 0) })}
          </Button>
        </Box>
      )}
    </Flex>
  );
}
