import { fieldErrors, transcriptSchema } from '@lessons/shared';

export type IssueField = 'heading' | 'text' | 'start' | 'end' | 'id';

/** One reason the transcript would be refused, placed where the editor can find it (1-based). */
export interface TranscriptIssue {
  section?: number;
  paragraph?: number;
  field?: IssueField;
  /** The schema's words, in English. */
  message: string;
  /** A time the editor typed that is not a time (kept as NaN so the transcript stays unsavable). */
  unreadableTime?: boolean;
}

const FIELDS: readonly IssueField[] = ['heading', 'text', 'start', 'end', 'id'];

/** Checks a value with the shared transcript schema, the same one the server saves with. */
export function transcriptIssues(value: unknown): TranscriptIssue[] {
  const result = transcriptSchema.safeParse(value);
  if (result.success) return [];
  return fieldErrors(result.error).map(({ path, message }) => {
    const [root, section, key, paragraph, field] = path;
    const issue: TranscriptIssue = { message };
    const at = path.reduce<unknown>((v, key) => (v as Record<string | number, unknown> | undefined)?.[key], value);
    if (typeof at === 'number' && Number.isNaN(at)) issue.unreadableTime = true;
    if (root !== 'sections' || typeof section !== 'number') return issue;
    issue.section = section + 1;
    if (key === 'heading') issue.field = 'heading';
    if (key === 'paragraphs' && typeof paragraph === 'number') {
      issue.paragraph = paragraph + 1;
      if (FIELDS.includes(field as IssueField)) issue.field = field as IssueField;
    }
    return issue;
  });
}

/** The messages of the issues at one place, joined; undefined when there are none. */
export function messagesAt(
  issues: readonly TranscriptIssue[],
  place: { section: number; paragraph?: number; fields: ReadonlyArray<IssueField | undefined> },
): string | undefined {
  const found = issues.filter(
    (i) => i.section === place.section && i.paragraph === place.paragraph && place.fields.includes(i.field),
  );
  return found.length ? found.map((i) => i.message).join(' ') : undefined;
}
