import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { replyError } from '../utils/http';

/** Seconds a client is asked to wait: a database restart or failover takes about that long. */
export const RETRY_AFTER_SECONDS = 5;

// What node-postgres, knex and the sockets under them raise when the database can't be reached
// or is going away: the class 08 (connection) and 57P (operator intervention) SQLSTATEs, socket
// errors, and the messages of errors that carry no code. "Transaction query already complete" is
// knex refusing the next query of a transaction whose connection was just cut (seen while
// PostgreSQL restarts under load); the plugin never reuses a finished transaction itself.
const CODES =
  /^(08\d{3}|57P0[1-4]|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN)$/;
const MESSAGES =
  /Connection terminated|Connection ended unexpectedly|connection error|timeout exceeded when trying to connect|Timeout acquiring a connection|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|terminating connection|Client was closed and is not queryable|connect ECONNREFUSED|Transaction query already complete/i;

/** Thrown by the plugin when the database did not confirm a write it was asked for. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** Whether `error`, or an error it wraps, says the database is unreachable rather than that the request was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  for (
    let e = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string' && CODES.test(code)) return true;
    if (name === 'KnexTimeoutError') return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
  }
  return false;
}

/**
 * A database that is restarting or unreachable is a 503 with Retry-After, not a 500: the client
 * (the widget, a load balancer, a script) may send the same request again. Nothing is half-written
 * by then: each write of the plugin is one statement or one transaction, and sending it again is
 * safe (a report's idempotency key, progress merged into what is stored).
 */
export default () => async (ctx: Context, next: Next) => {
  try {
    await next();
  } catch (e) {
    if (!isDatabaseUnavailable(e)) throw e;
    ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
    replyError(
      ctx,
      503,
      'ServiceUnavailableError',
      `The lessons database is not reachable just now. Please try again in ${RETRY_AFTER_SECONDS} seconds.`,
      {
        retryAfter: RETRY_AFTER_SECONDS,
      },
    );
  }
};

/**
 * A database restart must not take the server down with it. Under load, the error of a query
 * whose connection PostgreSQL cut (seen: Strapi's read-back of a created report) surfaced outside
 * any request, unhandled, and Node exited: both instances of the cluster test died that way.
 * Those errors are logged; anything else still ends the process, as Node would.
 */
export function surviveDatabaseOutages(strapi: Core.Strapi): void {
  const onRejection = (reason: unknown) => {
    if (!isDatabaseUnavailable(reason)) throw reason;
    strapi.log.warn(
      `[lessons] A database query failed outside any request while the database was away: ${(reason as Error).message}`,
    );
  };
  const onException = (error: Error) => {
    if (!isDatabaseUnavailable(error)) throw error;
    strapi.log.warn(`[lessons] A database connection failed outside any request: ${error.message}`);
  };
  stopSurvivingDatabaseOutages();
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  removeHandlers = () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}

let removeHandlers = () => {};

/** Strapi stopping (destroy): Node's own handling again. */
export function stopSurvivingDatabaseOutages(): void {
  removeHandlers();
  removeHandlers = () => {};
}
