import { errors } from '@strapi/utils';
import { storedTranscriptData, toPlainText, transcriptSchema, type Transcript } from '@lessons/shared';

/** A lesson's transcript with the searchable plain-text copy that is always stored beside it. */
export function transcriptColumns(transcript: Transcript): {
  transcript: Transcript;
  transcriptText: string;
} {
  return { transcript, transcriptText: toPlainText(transcript) };
}

/** A transcript field's value (stored, or about to be) checked against the contract. */
export function parseStoredTranscript(value: unknown) {
  return transcriptSchema.safeParse(storedTranscriptData(value));
}

/**
 * A stored transcript that no longer parses. Every write through Strapi is validated
 * (register.ts), so this means the database was changed behind Strapi's back (a hand edit, a bad
 * migration). There is no second copy to fall back on, and serving it as an empty transcript would
 * show readers a lesson without words, and let "Apply suggestion" save that emptiness over it. So
 * the lesson answers 503 with a message until an editor repairs it, and the log names the lesson.
 */
export class TranscriptUnreadableError extends Error {
  override name = 'ServiceUnavailableError';
  readonly status = 503;
  readonly expose = true;
  constructor() {
    super(
      "This lesson's transcript is damaged and cannot be shown until an editor repairs it. Please try again later.",
    );
  }
}
// Strapi answers an http-errors HttpError with its own status and message, and anything else with
// a bare 500. http-errors' classes can only be made by its factory, so this one joins their chain.
Object.setPrototypeOf(TranscriptUnreadableError.prototype, errors.HttpError.prototype);

/** A lesson's stored transcript, parsed; throws TranscriptUnreadableError (503) when it is not a transcript. */
export function readTranscript(value: unknown, lesson: { documentId: string; locale: string }): Transcript {
  const parsed = parseStoredTranscript(value);
  if (parsed.success) return parsed.data;
  strapi.log.error(
    `[lessons] The stored transcript of lesson ${lesson.documentId} (${lesson.locale}) is not valid and was not served: ${parsed.error.message}`,
  );
  throw new TranscriptUnreadableError();
}
