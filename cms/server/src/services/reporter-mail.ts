import type { Core } from '@strapi/strapi';
import { REPORT_UID } from '../utils/constants';
import { query, type Doc } from '../utils/documents';
import { reportMail } from '../utils/report-mail';

const DAY_MS = 24 * 60 * 60 * 1000;

interface EmailService {
  send(options: { to: string; subject: string; text: string; html?: false }): Promise<unknown>;
}

export interface ClosedReport {
  report: Doc;
  lessonTitle: string | null;
  includeNote: boolean;
}

/**
 * Telling reporters their report was closed, through Strapi's email plugin, and forgetting their
 * address some days later. Sending is never part of the state change: it runs after the change is
 * stored, and its outcome is recorded on the report (notifiedAt or notifyError) and logged.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let purgeTimer: NodeJS.Timeout | undefined;

  const email = () => strapi.plugin('email')?.service('email') as EmailService | undefined;

  async function record(documentId: string, data: Doc) {
    try {
      await query(strapi, REPORT_UID).update({ where: { documentId }, data });
    } catch (e) {
      strapi.log.error(
        `[lessons] Could not record the e-mail outcome of report ${documentId}: ${(e as Error).message}`,
      );
    }
  }

  const service = {
    /**
     * Whether mail can go out: an email provider is configured (config/plugins.js does so when
     * SMTP_HOST is set). Strapi's default, sendmail, counts as none: a server without a local
     * mail transfer agent would drop every message.
     */
    enabled(): boolean {
      const provider = strapi.config.get<string | undefined>('plugin::email.provider');
      return Boolean(email()) && typeof provider === 'string' && provider.toLowerCase() !== 'sendmail';
    },

    /** Sends the one mail for a report that has just been closed; never throws. */
    async notifyClosed({ report, lessonTitle, includeNote }: ClosedReport): Promise<void> {
      const to = report.reporterEmail as string | null | undefined;
      const state = report.reviewState as string;
      if (!to || (state !== 'fixed' && state !== 'rejected') || !service.enabled()) return;
      const quote = (report.quote as { exact?: unknown } | null)?.exact;
      const mail = reportMail({
        state,
        locale: String(report.lessonLocale),
        lessonTitle: lessonTitle ?? '',
        quote: typeof quote === 'string' ? quote : null,
        note: includeNote ? (report.resolutionNote as string | null) : null,
      });
      try {
        // html: false keeps it plain text (the provider would otherwise send the text as HTML too).
        await email()!.send({ to, subject: mail.subject, text: mail.text, html: false });
        await record(report.documentId as string, { notifiedAt: new Date(), notifyError: null });
      } catch (e) {
        const message = (e as Error).message || String(e);
        strapi.log.error(
          `[lessons] Could not tell the reporter of report ${String(report.documentId)}: ${message}`,
        );
        await record(report.documentId as string, { notifyError: message.slice(0, 1000) });
      }
    },

    /** Deletes the reporter's address of reports closed more than `days` ago; answers how many. */
    async purgeAddresses(days: number, now = new Date()): Promise<number> {
      const { count } = await query(strapi, REPORT_UID).updateMany({
        where: {
          reviewState: { $in: ['fixed', 'rejected'] },
          resolvedAt: { $lt: new Date(now.getTime() - days * DAY_MS) },
          reporterEmail: { $notNull: true },
        },
        data: { reporterEmail: null },
      });
      return count;
    },

    /** Purges now and then once a day; each instance may do so, the purge is idempotent. */
    startPurging(days: number) {
      const run = () =>
        service.purgeAddresses(days).then(
          (count) => {
            if (count > 0)
              strapi.log.info(
                `[lessons] Deleted the e-mail address of ${count} report(s) closed over ${days} days ago.`,
              );
          },
          (e: unknown) =>
            strapi.log.error(`[lessons] Could not delete old reporters' addresses: ${(e as Error).message}`),
        );
      purgeTimer = setInterval(() => void run(), DAY_MS);
      purgeTimer.unref();
      return run();
    },

    stopPurging() {
      clearInterval(purgeTimer);
      purgeTimer = undefined;
    },
  };
  return service;
};
