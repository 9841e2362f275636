import * as React from 'react';

/** How long typing may pause before what was typed goes to the form. */
export const COMMIT_DELAY_MS = 300;

/**
 * A value an input holds on its own while the editor types, handed to `commit` when the input
 * loses focus, after a pause in typing, or when the input unmounts (a row scrolled out of view):
 * a keystroke re-renders this input alone, not the whole form of a 1,000-paragraph transcript.
 * A change from outside (an import, a move) replaces it unless the editor is typing.
 */
export function useBufferedValue<T>(value: T, commit: (value: T) => void) {
  const [draft, setDraft] = React.useState(value);
  const pending = React.useRef<{ value: T } | null>(null);
  const timer = React.useRef<ReturnType<typeof setTimeout>>();
  const commitRef = React.useRef(commit);
  commitRef.current = commit;

  React.useEffect(() => {
    if (!pending.current) setDraft(value);
  }, [value]);

  const flush = React.useCallback(() => {
    clearTimeout(timer.current);
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    commitRef.current(next.value);
  }, []);

  React.useEffect(() => flush, [flush]);

  const change = React.useCallback(
    (next: T) => {
      setDraft(next);
      pending.current = { value: next };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, COMMIT_DELAY_MS);
    },
    [flush],
  );

  return { draft, change, flush };
}
