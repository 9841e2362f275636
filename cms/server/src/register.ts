import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldErrors } from '@lessons/shared';
import { LESSON_UID } from './utils/constants';
import { answerUnreadableBodies } from './middlewares/readable-body';
import { checkReaderAccountText } from './middlewares/valid-text';
import { recordRevisionsOnWrites } from './services/history';
import { parseStoredTranscript, transcriptColumns } from './utils/transcript';

type DocumentContext = { uid: string; action: string; params: { data?: Record<string, unknown> } };

/**
 * Lessons are checked wherever they are written (Content Manager, API, seed): an invalid
 * transcript is refused with a message naming the place, and the searchable plain-text copy
 * is kept in step with the transcript.
 */
function guardLessons(strapi: Core.Strapi) {
  const documents = strapi.documents as unknown as {
    use(mw: (c: DocumentContext, next: () => Promise<unknown>) => Promise<unknown>): void;
  };
  documents.use(async (context, next) => {
    const data = context.params?.data;
    if (context.uid !== LESSON_UID || !['create', 'update'].includes(context.action) || !data) return next();
    if ('transcript' in data) {
      const result = parseStoredTranscript(data.transcript);
      if (!result.success) {
        const list = fieldErrors(result.error).map((e) => ({
          path: ['transcript', ...e.path],
          message: e.message,
        }));
        const first = list[0];
        throw new errors.ValidationError(
          `The transcript is not valid: ${describe(first?.path ?? [])}${first?.message ?? ''}`,
          { errors: list },
        );
      }
      Object.assign(data, transcriptColumns(result.data));
    }
    if (typeof data.videoUrl === 'string' && data.videoUrl && !/^https?:\/\/\S+$/i.test(data.videoUrl)) {
      const message = 'The video URL must start with http:// or https://.';
      throw new errors.ValidationError(message, { errors: [{ path: ['videoUrl'], message }] });
    }
    return next();
  });
}

/** "section 2, paragraph 3: " for a path like ['transcript','sections',1,'paragraphs',2,'text']. */
function describe(path: Array<string | number>): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    if (path[i] === 'sections' && typeof path[i + 1] === 'number')
      parts.push(`section ${(path[i + 1] as number) + 1}`);
    if (path[i] === 'paragraphs' && typeof path[i + 1] === 'number')
      parts.push(`paragraph ${(path[i + 1] as number) + 1}`);
  }
  return parts.length ? `${parts.join(', ')}: ` : '';
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.customFields.register({
    name: 'transcript',
    plugin: 'lessons',
    type: 'json',
    inputSize: { default: 12, isResizable: false },
  });
  guardLessons(strapi);
  recordRevisionsOnWrites(strapi);
  answerUnreadableBodies(strapi);
  checkReaderAccountText(strapi);
};
