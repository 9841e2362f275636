/**
 * The e-mail a reporter gets when their error report is closed: every string of it, in each
 * language the plugin writes to readers in. A report in another language gets the English one.
 */

type ClosedState = 'fixed' | 'rejected';

interface MailStrings {
  subject: Record<ClosedState, (title: string) => string>;
  body: Record<ClosedState, (title: string) => string>;
  quote: (words: string) => string;
  note: string;
  closing: string;
}

const STRINGS = {
  en: {
    subject: {
      fixed: (title) => `Your report on "${title}" has been fixed`,
      rejected: (title) => `Your report on "${title}" has been reviewed`,
    },
    body: {
      fixed: (title) =>
        `Thank you for reporting a mistake in the lesson "${title}". An editor has corrected it.`,
      rejected: (title) =>
        `Thank you for reporting a possible mistake in the lesson "${title}". An editor has reviewed it and decided to leave the lesson as it is.`,
    },
    quote: (words) => `You pointed at: "${words}"`,
    note: "The editor's note:",
    closing:
      'You get this message once, because you left your e-mail address with the report. It will be deleted soon.',
  },
  es: {
    subject: {
      fixed: (title) => `Tu aviso sobre «${title}» se ha corregido`,
      rejected: (title) => `Tu aviso sobre «${title}» se ha revisado`,
    },
    body: {
      fixed: (title) => `Gracias por avisar de un error en la lección «${title}». Un editor lo ha corregido.`,
      rejected: (title) =>
        `Gracias por avisar de un posible error en la lección «${title}». Un editor lo ha revisado y ha decidido dejar la lección como está.`,
    },
    quote: (words) => `Señalaste: «${words}»`,
    note: 'La nota del editor:',
    closing: 'Recibes este mensaje una sola vez porque dejaste tu correo con el aviso. Lo borraremos pronto.',
  },
} satisfies Record<string, MailStrings>;

export type MailLanguage = keyof typeof STRINGS;

/** The language of the mail for a report on a lesson in `locale` (es-MX → es; unknown → en). */
export function mailLanguage(locale: string): MailLanguage {
  const base = locale.toLowerCase().split('-')[0] ?? '';
  return base in STRINGS ? (base as MailLanguage) : 'en';
}

export interface ReportMailInput {
  state: ClosedState;
  locale: string;
  lessonTitle: string;
  /** The reported words, when the report pointed at some. */
  quote?: string | null;
  /** The editor's note, only when the editor chose to send it. */
  note?: string | null;
}

/** Subject and plain text of the mail telling a reporter their report was closed. */
export function reportMail({ state, locale, lessonTitle, quote, note }: ReportMailInput): {
  subject: string;
  text: string;
} {
  const s: MailStrings = STRINGS[mailLanguage(locale)];
  const parts = [s.body[state](lessonTitle)];
  if (quote) parts.push(s.quote(quote));
  if (note?.trim()) parts.push(`${s.note}\n${note.trim()}`);
  parts.push(s.closing);
  return { subject: s.subject[state](lessonTitle), text: `${parts.join('\n\n')}\n` };
}
