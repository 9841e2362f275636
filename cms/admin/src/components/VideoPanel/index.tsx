import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useForm } from '@strapi/strapi/admin';
import * as React from 'react';
import { useT } from '../../translations';
import { formatTime } from '../../utils/time';
import { LESSON_UID } from '../../utils/lesson';
import { durationOf, readDuration, transcriptEnd, videoSource, type Measure } from './measure';

/** A field of the form's values (the Content Manager's form holds the document's fields). */
const field = (values: object, name: string): unknown => (values as Record<string, unknown>)[name];

/**
 * Puts a duration in the form as if the editor had typed it: the number input keeps the text
 * typed into it over a value set from outside, so the text is typed too (a native input event).
 */
function putDuration(seconds: number, onChange: (name: string, value: unknown) => void) {
  onChange('duration', seconds);
  const input = document.querySelector<HTMLInputElement>('input[name="duration"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  if (!input || !setValue) return;
  const language = window.localStorage.getItem('strapi-admin-language') ?? 'en';
  setValue.call(
    input,
    new Intl.NumberFormat(language, { maximumFractionDigits: 20, useGrouping: false }).format(seconds),
  );
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** A second's difference is a measure, not a mistake. */
const TOLERANCE = 0.5;

/**
 * The lesson's video, measured in the editor's browser: when a video is uploaded or its URL
 * entered, the duration field is filled in from it (editors can still change it); and a
 * transcript whose last cue ends after the video is flagged.
 */
export function VideoFacts() {
  const t = useT();
  const video = useForm('VideoFacts', (s) => field(s.values, 'video'));
  const videoUrl = useForm('VideoFacts', (s) => field(s.values, 'videoUrl'));
  const duration = durationOf(useForm('VideoFacts', (s) => field(s.values, 'duration')));
  const transcript = useForm('VideoFacts', (s) => field(s.values, 'transcript'));
  const initialSource = useForm('VideoFacts', (s) =>
    videoSource(field(s.initialValues, 'video'), field(s.initialValues, 'videoUrl')),
  );
  const onChange = useForm('VideoFacts', (s) => s.onChange);
  const disabled = useForm('VideoFacts', (s) => s.disabled);

  const src = videoSource(video, videoUrl);
  const [measure, setMeasure] = React.useState<Measure>({ state: 'none' });
  // The duration is filled in once per new video: after that, the editor's number stands.
  const filledFor = React.useRef<string | null>(null);
  const latest = React.useRef({ duration, initialSource, disabled, onChange });
  latest.current = { duration, initialSource, disabled, onChange };

  React.useEffect(() => {
    if (!src) {
      setMeasure({ state: 'none' });
      return;
    }
    setMeasure({ state: 'measuring', src });
    // A duration typed while the video was being read is the editor's: it is not replaced.
    const durationBefore = latest.current.duration;
    // A URL being typed changes at each key: it is read once the typing pauses.
    let stop: (() => void) | undefined;
    const timer = window.setTimeout(() => {
      stop = readDuration(src, (seconds) => {
        if (seconds === null) {
          setMeasure({ state: 'failed', src });
          return;
        }
        setMeasure({ state: 'measured', src, seconds });
        const now = latest.current;
        const newVideo = src !== now.initialSource || now.duration === null;
        if (newVideo && !now.disabled && filledFor.current !== src && now.duration === durationBefore) {
          filledFor.current = src;
          if (now.duration === null || Math.abs(now.duration - seconds) > TOLERANCE)
            now.onChange('duration', seconds);
        }
      });
    }, 400);
    return () => {
      window.clearTimeout(timer);
      stop?.();
    };
  }, [src]);

  const measured = measure.state === 'measured' ? measure.seconds : null;
  const videoEnd = measured ?? duration;
  const lastCue = React.useMemo(() => transcriptEnd(transcript), [transcript]);
  const pastEnd = videoEnd !== null && lastCue !== null && lastCue > videoEnd + TOLERANCE;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      {measure.state === 'none' && (
        <Typography variant="pi" textColor="neutral600">
          {t('video.none')}
        </Typography>
      )}
      {measure.state === 'measuring' && (
        <Typography variant="pi" textColor="neutral600">
          {t('video.measuring')}
        </Typography>
      )}
      {measure.state === 'failed' && (
        <Typography variant="pi" textColor="danger600">
          {t('video.failed')}
        </Typography>
      )}
      {measured !== null && (
        <Box>
          <Typography variant="omega" data-testid="video-measured">
            {t('video.measured', { time: formatTime(measured, 2), seconds: measured })}
          </Typography>
          {duration !== null && Math.abs(duration - measured) > TOLERANCE && (
            <Flex direction="column" alignItems="flex-start" gap={2} paddingTop={2}>
              <Typography variant="pi" textColor="neutral600">
                {t('video.differs', { seconds: duration })}
              </Typography>
              {!disabled && (
                <Button variant="secondary" size="S" onClick={() => putDuration(measured, onChange)}>
                  {t('video.useMeasured', { seconds: measured })}
                </Button>
              )}
            </Flex>
          )}
        </Box>
      )}
      {pastEnd && (
        <Box background="danger100" borderColor="danger200" hasRadius padding={3} role="alert">
          <Typography variant="pi" textColor="danger700">
            {t('video.transcriptPastEnd', { end: formatTime(lastCue, 2), duration: formatTime(videoEnd, 2) })}
          </Typography>
        </Box>
      )}
    </Flex>
  );
}

interface PanelProps {
  model: string;
}

/** The edit view's "Video" side panel, on lessons only (content-manager's addEditViewSidePanel). */
export function VideoPanel({ model }: PanelProps) {
  const t = useT();
  if (model !== LESSON_UID) return null;
  return { title: t('video.panel.title'), content: <VideoFacts /> };
}
