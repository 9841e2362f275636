import * as React from 'react';

export interface ApiQuery<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  refetch: () => void;
}

/**
 * Runs `load` when `key` changes (or on `refetch`) and aborts the previous request. The last
 * data stays while a new request runs, so lists don't flash empty between pages.
 */
export function useApiQuery<T>(load: (signal: AbortSignal) => Promise<T>, key: string): ApiQuery<T> {
  const [state, setState] = React.useState<{ data?: T; error?: unknown; isLoading: boolean }>({
    isLoading: true,
  });
  const [version, setVersion] = React.useState(0);
  const latestLoad = React.useRef(load);
  latestLoad.current = load;

  React.useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ data: s.data, isLoading: true }));
    latestLoad.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, isLoading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ data: s.data, error, isLoading: false }));
      },
    );
    return () => controller.abort();
  }, [key, version]);

  const refetch = React.useCallback(() => setVersion((v) => v + 1), []);
  return { data: state.data, error: state.error, isLoading: state.isLoading, refetch };
}
