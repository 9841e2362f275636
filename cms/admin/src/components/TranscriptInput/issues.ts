import {
  fieldErrors,
  paragraphSchema,
  sectionSchema,
  transcriptSchema,
  type Paragraph,
  type Section,
  type Transcript,
} from '@lessons/shared';
import type { z } from 'zod';

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

type Path = ReadonlyArray<string | number>;

/** Places one schema error, given by its path from the transcript's root. */
function issueAt(value: unknown, path: Path, message: string): TranscriptIssue {
  const [root, section, key, paragraph, field] = path;
  const issue: TranscriptIssue = { message };
  const at = path.reduce<unknown>(
    (v, key) => (v as Record<string | number, unknown> | undefined)?.[key],
    value,
  );
  if (typeof at === 'number' && Number.isNaN(at)) issue.unreadableTime = true;
  if (root !== 'sections' || typeof section !== 'number') return issue;
  issue.section = section + 1;
  if (key === 'heading') issue.field = 'heading';
  if (key === 'paragraphs' && typeof paragraph === 'number') {
    issue.paragraph = paragraph + 1;
    if (FIELDS.includes(field as IssueField)) issue.field = field as IssueField;
  }
  return issue;
}

const errorsOf = (result: z.ZodSafeParseResult<unknown>): Array<{ path: Path; message: string }> =>
  result.success ? [] : fieldErrors(result.error);

/** Checks a value with the shared transcript schema, the same one the server saves with. */
export function transcriptIssues(value: unknown): TranscriptIssue[] {
  return errorsOf(transcriptSchema.safeParse(value)).map(({ path, message }) =>
    issueAt(value, path, message),
  );
}

// What the schema says about one paragraph or one heading, kept while that object is unchanged.
const paragraphErrors = new WeakMap<Paragraph, Array<{ path: Path; message: string }>>();
const sectionErrors = new WeakMap<Section, Array<{ path: Path; message: string }>>();

function errorsOfParagraph(p: Paragraph) {
  let errors = paragraphErrors.get(p);
  if (!errors) paragraphErrors.set(p, (errors = errorsOf(paragraphSchema.safeParse(p))));
  return errors;
}

/** A paragraph the schema accepts, standing in for paragraphs that are checked on their own. */
const STAND_IN: Paragraph = { id: 'x', text: 'x' };

/** The section's own errors (its heading, or having no paragraph), without its paragraphs'. */
function errorsOfSection(s: Section) {
  let errors = sectionErrors.get(s);
  if (!errors) {
    const shell = { heading: s.heading, paragraphs: s.paragraphs.length === 0 ? [] : [STAND_IN] };
    sectionErrors.set(s, (errors = errorsOf(sectionSchema.safeParse(shell))));
  }
  return errors;
}

/** Whether the rules over the whole transcript (unique ids, number of sections) hold. */
function wholeTranscriptRulesHold(t: Transcript): boolean {
  const ids = new Set<string>();
  let total = 0;
  for (const s of t.sections) {
    for (const p of s.paragraphs) {
      ids.add(p.id);
      total++;
    }
  }
  if (ids.size !== total) return false;
  const shells = t.sections.map(() => ({ heading: '', paragraphs: [STAND_IN] }));
  return transcriptSchema.shape.sections.safeParse(shells).success;
}

/**
 * The same issues as `transcriptIssues`, found by checking only what changed since the last call:
 * an edit makes new objects for the paragraph and section it touched and keeps all the others, so
 * typing in one paragraph re-checks that paragraph alone. The rules that span the transcript (ids
 * used twice, too many sections) are a cheap pass; when one of them is broken, the whole schema
 * runs, so the messages are always the schema's own.
 */
export function transcriptIssuesOf(t: Transcript): TranscriptIssue[] {
  if (!wholeTranscriptRulesHold(t)) return transcriptIssues(t);
  const issues: TranscriptIssue[] = [];
  t.sections.forEach((s, si) => {
    for (const { path, message } of errorsOfSection(s))
      issues.push(issueAt(t, ['sections', si, ...path], message));
    s.paragraphs.forEach((p, pi) => {
      for (const { path, message } of errorsOfParagraph(p)) {
        issues.push(issueAt(t, ['sections', si, 'paragraphs', pi, ...path], message));
      }
    });
  });
  return issues;
}

/** Issues by place, so each row finds its own without scanning them all. */
export class IssueIndex {
  private readonly byPlace = new Map<string, TranscriptIssue[]>();

  constructor(readonly all: readonly TranscriptIssue[]) {
    for (const issue of all) {
      const key = IssueIndex.key(issue.section, issue.paragraph);
      const list = this.byPlace.get(key);
      if (list) list.push(issue);
      else this.byPlace.set(key, [issue]);
    }
  }

  private static key(section?: number, paragraph?: number) {
    return `${section ?? ''}:${paragraph ?? ''}`;
  }

  /** The messages of the issues at one place (1-based), joined; undefined when there are none. */
  messagesAt(place: {
    section: number;
    paragraph?: number;
    fields: ReadonlyArray<IssueField | undefined>;
  }): string | undefined {
    const found = (this.byPlace.get(IssueIndex.key(place.section, place.paragraph)) ?? []).filter((i) =>
      place.fields.includes(i.field),
    );
    return found.length ? found.map((i) => i.message).join(' ') : undefined;
  }
}
