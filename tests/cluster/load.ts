// Writes sent by many connections at once, each from its own loopback address (so nginx and the
// rate limits see that many clients), each write sent again until acknowledged. Used by the
// cluster tests; not a benchmark.
import { Agent, request } from 'node:http';
import { mergeOnGrid, type Segment } from '@lessons/shared';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Bound on any one request: a request still without an answer by then has hung. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** One HTTP request over `agent`; rejects on a network error or after REQUEST_TIMEOUT_MS. */
export function send(
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: unknown; agent?: Agent },
): Promise<Answer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method,
        agent: options.agent,
        headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(
        Object.assign(new Error(`No answer within ${REQUEST_TIMEOUT_MS / 1000} s`), { code: 'HUNG' }),
      ),
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface ReportWrite {
  kind: 'report';
  slug: string;
  locale: string;
  key: string;
}
export interface ProgressWrite {
  kind: 'progress';
  slug: string;
  locale: string;
  token: string;
  /** Which stored row this lands in: reader id, lesson, language. */
  row: string;
  segment: Segment;
}
export type Write = ReportWrite | ProgressWrite;

export interface LoadOutcome {
  /** Writes the server acknowledged (201 report, 200 progress): all of them, unless some gave up. */
  acknowledged: number;
  /** Requests sent, first sends and re-sends. */
  requests: number;
  /** Answers by status, and network errors by code ('HUNG' for the timeout). */
  answers: Record<string, number>;
  /** 503 answers that came without a Retry-After header. */
  unavailableWithoutRetryAfter: number;
  /** Report idempotency key → the id the server answered. */
  reportIds: Map<string, string>;
  /** Writes still not acknowledged when their attempts ran out. */
  gaveUp: Write[];
}

/**
 * Sends `writes` over `connections` keep-alive connections, connection i from 127.<net>.0.(i+1)
 * sending writes i, i + connections, … (so the same call with the same writes sends each from
 * the same client again: a report's idempotency key is scoped to its client). Each write is
 * re-sent, after Retry-After or a short pause, until acknowledged. `only` picks the writes to
 * send; `onAcknowledged(done, left)` is called after each acknowledgement.
 */
export async function runLoad(
  baseUrl: string,
  writes: Write[],
  options: {
    connections: number;
    net: number;
    only?: (write: Write) => boolean;
    onAcknowledged?: (done: number, left: number) => void;
    maxAttempts?: number;
  },
): Promise<LoadOutcome> {
  const { connections, net, only = () => true, onAcknowledged, maxAttempts = 40 } = options;
  const total = writes.filter(only).length;
  const outcome: LoadOutcome = {
    acknowledged: 0,
    requests: 0,
    answers: {},
    unavailableWithoutRetryAfter: 0,
    reportIds: new Map(),
    gaveUp: [],
  };
  const count = (what: string) => (outcome.answers[what] = (outcome.answers[what] ?? 0) + 1);

  async function worker(index: number) {
    const agent = new Agent({ keepAlive: true, maxSockets: 1, localAddress: `127.${net}.0.${index + 1}` });
    try {
      for (let i = index; i < writes.length; i += connections) {
        const write = writes[i]!;
        if (!only(write)) continue;
        let done = false;
        for (let attempt = 0; attempt < maxAttempts && !done; attempt++) {
          outcome.requests++;
          let wait = 200;
          try {
            const answer =
              write.kind === 'report'
                ? await send(`${baseUrl}/api/lessons/${write.slug}/reports`, {
                    method: 'POST',
                    agent,
                    body: {
                      locale: write.locale,
                      what: `Load report ${write.key}.`,
                      idempotencyKey: write.key,
                    },
                  })
                : await send(`${baseUrl}/api/lessons/${write.slug}/progress?locale=${write.locale}`, {
                    method: 'PUT',
                    agent,
                    headers: { Authorization: `Bearer ${write.token}` },
                    body: { segments: [write.segment], position: write.segment[1] },
                  });
            count(String(answer.status));
            if (write.kind === 'report' && answer.status === 201) {
              outcome.reportIds.set(write.key, (JSON.parse(answer.body) as { data: { id: string } }).data.id);
              done = true;
            } else if (write.kind === 'progress' && answer.status === 200) {
              done = true;
            } else {
              const retryAfter = Number(answer.headers['retry-after']);
              if (answer.status === 503 && !retryAfter) outcome.unavailableWithoutRetryAfter++;
              if (retryAfter) wait = retryAfter * 1000;
            }
          } catch (e) {
            count((e as { code?: string }).code ?? 'network error');
          }
          if (done) {
            outcome.acknowledged++;
            onAcknowledged?.(outcome.acknowledged, total - outcome.acknowledged);
          } else {
            await new Promise((r) => setTimeout(r, wait));
          }
        }
        if (!done) outcome.gaveUp.push(write);
      }
    } finally {
      agent.destroy();
    }
  }

  await Promise.all(Array.from({ length: connections }, (_, i) => worker(i)));
  return outcome;
}

/** What each progress row must hold: the union of every segment sent to it, on the storage grid. */
export function expectedProgress(writes: Write[]): Map<string, Segment[]> {
  const sent = new Map<string, Segment[]>();
  for (const w of writes) if (w.kind === 'progress') sent.set(w.row, [...(sent.get(w.row) ?? []), w.segment]);
  return new Map([...sent].map(([row, segments]) => [row, mergeOnGrid(segments)]));
}

/** Reports and progress PUTs in turns, so both kinds are in flight together. */
export function interleave(reports: Write[], progress: Write[]): Write[] {
  const out: Write[] = [];
  for (let i = 0; i < Math.max(reports.length, progress.length); i++) {
    if (reports[i]) out.push(reports[i]!);
    if (progress[i]) out.push(progress[i]!);
  }
  return out;
}
