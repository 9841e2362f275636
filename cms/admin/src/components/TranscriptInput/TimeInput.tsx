import { Field } from '@strapi/design-system';
import * as React from 'react';
import { useT } from '../../translations';
import { formatTime, parseTime } from '../../utils/time';
import { useBufferedValue } from './useBufferedValue';

interface TimeInputProps {
  name: string;
  label: string;
  /** Seconds; undefined when not set, NaN when the editor typed something that is not a time. */
  value: number | undefined;
  onChange: (seconds: number | undefined) => void;
  error?: string;
  disabled?: boolean;
}

const sameTime = (text: string, value: number | undefined): boolean => {
  if (text.trim() === '') return value === undefined;
  const parsed = parseTime(text);
  return parsed === null ? value !== undefined && Number.isNaN(value) : parsed === value;
};

/**
 * A time in the video, typed as `90`, `1:30` or `0:01:30.5` and shown as `m:ss.s`. Text that is
 * not a time is passed on as NaN, so the transcript stays invalid (and unsavable) until fixed.
 * It reaches the form after a pause in typing or on blur, like the paragraph's text.
 */
export function TimeInput({ name, label, value, onChange, error, disabled }: TimeInputProps) {
  const t = useT();
  const [text, setText] = React.useState(() => (value === undefined ? '' : formatTime(value)));
  const buffered = useBufferedValue(value, onChange);

  // Follow changes made elsewhere (an import, an undo) without rewriting what is being typed.
  React.useEffect(() => {
    setText((current) => (sameTime(current, value) ? current : value === undefined ? '' : formatTime(value)));
  }, [value]);

  const unreadable = text.trim() !== '' && parseTime(text) === null;
  return (
    <Field.Root name={name} error={unreadable ? t('transcript.time.invalid') : error} width="8rem">
      <Field.Label>{label}</Field.Label>
      <Field.Input
        value={text}
        placeholder={t('transcript.paragraph.timePlaceholder')}
        disabled={disabled}
        autoComplete="off"
        inputMode="decimal"
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
          const next = e.target.value;
          setText(next);
          buffered.change(next.trim() === '' ? undefined : (parseTime(next) ?? Number.NaN));
        }}
        onBlur={() => {
          buffered.flush();
          const parsed = parseTime(text);
          if (parsed !== null) setText(formatTime(parsed));
        }}
      />
      <Field.Error />
    </Field.Root>
  );
}
