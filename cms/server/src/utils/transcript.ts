import { toPlainText, type Transcript } from '@lessons/shared';

/** A lesson's transcript with the searchable plain-text copy that is always stored beside it. */
export function transcriptColumns(transcript: Transcript): { transcript: Transcript; transcriptText: string } {
  return { transcript, transcriptText: toPlainText(transcript) };
}
