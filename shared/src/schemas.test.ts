import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import { apiErrorSchema, fieldErrors, type FieldError } from './index.js';
import { lessonListQuerySchema, lessonSchema, localeSchema, slugSchema } from './index.js';
import { progressInputSchema, segmentSchema } from './index.js';
import {
  HONEYPOT_FIELD,
  REPORT_STATES,
  REPORT_TRANSITIONS,
  errorReportInputSchema,
  quotePositionSchema,
  quoteSchema,
  reportStateChangeSchema,
} from './index.js';
import {
  emptyTranscript,
  isTimed,
  paragraphAt,
  paragraphIdSchema,
  paragraphsOf,
  transcriptSchema,
  type Transcript,
} from './index.js';

/** Parses and returns the per-field errors the API would answer with (fails the test if parsing succeeds). */
function errorsOf(schema: z.ZodType, input: unknown): FieldError[] {
  const r = schema.safeParse(input);
  assert.equal(r.success, false, `expected ${JSON.stringify(input)} to be refused`);
  return fieldErrors(r.error);
}

function hasError(errors: FieldError[], path: Array<string | number>, message?: RegExp): void {
  const hit = errors.find((e) => JSON.stringify(e.path) === JSON.stringify(path));
  assert.ok(hit, `no error at ${JSON.stringify(path)}; got ${JSON.stringify(errors)}`);
  if (message) assert.match(hit.message, message);
}

const para = (id: string, extra: Record<string, unknown> = {}) => ({ id, text: `Text of ${id}.`, ...extra });

describe('transcriptSchema', () => {
  it('accepts an empty transcript', () => {
    assert.deepEqual(transcriptSchema.parse({ sections: [] }), emptyTranscript());
  });

  it('accepts an empty heading and untimed paragraphs', () => {
    const t = { sections: [{ heading: '', paragraphs: [para('a'), para('b')] }] };
    assert.deepEqual(transcriptSchema.parse(t), t);
  });

  it('accepts timed paragraphs, including one starting at 0', () => {
    const t = {
      sections: [
        { heading: '', paragraphs: [para('intro', { start: 0, end: 4.5 })] },
        {
          heading: 'Part one',
          paragraphs: [para('p-1', { start: 4.5, end: 9 }), para('p_2', { start: 9, end: 12 })],
        },
      ],
    };
    assert.deepEqual(transcriptSchema.parse(t), t);
  });

  it('trims paragraph text and refuses blank text', () => {
    const out = transcriptSchema.parse({
      sections: [{ heading: '', paragraphs: [{ id: 'a', text: '  Hi.  ' }] }],
    });
    assert.equal(out.sections[0]!.paragraphs[0]!.text, 'Hi.');
    const errors = errorsOf(transcriptSchema, {
      sections: [{ heading: '', paragraphs: [{ id: 'a', text: '   ' }] }],
    });
    hasError(errors, ['sections', 0, 'paragraphs', 0, 'text'], /needs some text/);
  });

  it('refuses duplicate paragraph ids, even across sections, pointing at the second one', () => {
    const errors = errorsOf(transcriptSchema, {
      sections: [
        { heading: '', paragraphs: [para('a'), para('b')] },
        { heading: 'Two', paragraphs: [para('c'), para('a')] },
      ],
    });
    assert.equal(errors.length, 1);
    hasError(errors, ['sections', 1, 'paragraphs', 1, 'id'], /"a" is used twice/);
  });

  it('refuses a start without an end, and an end without a start', () => {
    for (const extra of [{ start: 3 }, { end: 3 }]) {
      const errors = errorsOf(transcriptSchema, {
        sections: [{ heading: '', paragraphs: [para('a', extra)] }],
      });
      assert.ok(
        errors.some((e) => /both a start and an end time, or neither/.test(e.message)),
        JSON.stringify(errors),
      );
    }
  });

  it('refuses an end equal to or before the start', () => {
    for (const [start, end] of [
      [5, 5],
      [5, 4],
    ]) {
      const errors = errorsOf(transcriptSchema, {
        sections: [{ heading: '', paragraphs: [para('a', { start, end })] }],
      });
      hasError(errors, ['sections', 0, 'paragraphs', 0, 'end'], /must end after it starts/);
    }
  });

  it('refuses negative and non-finite times', () => {
    for (const [start, end] of [
      [-1, 5],
      [0, Number.POSITIVE_INFINITY],
      [Number.NaN, 3],
    ]) {
      assert.equal(
        transcriptSchema.safeParse({ sections: [{ heading: '', paragraphs: [para('a', { start, end })] }] })
          .success,
        false,
        `${start}–${end}`,
      );
    }
  });

  it('refuses unknown fields at every level (strict), naming the field', () => {
    const top = errorsOf(transcriptSchema, { sections: [], title: 'x' });
    hasError(top, [], /Unknown field: title\./);
    const section = errorsOf(transcriptSchema, {
      sections: [{ heading: '', paragraphs: [para('a')], color: 'red' }],
    });
    hasError(section, ['sections', 0], /Unknown field: color\./);
    const paragraph = errorsOf(transcriptSchema, {
      sections: [{ heading: '', paragraphs: [para('a', { speaker: 'Ann', mood: 'ok' })] }],
    });
    hasError(paragraph, ['sections', 0, 'paragraphs', 0], /Unknown fields: speaker, mood\./);
  });

  it('refuses a section without paragraphs and a missing heading', () => {
    hasError(
      errorsOf(transcriptSchema, { sections: [{ heading: 'H', paragraphs: [] }] }),
      ['sections', 0, 'paragraphs'],
      /at least one paragraph/,
    );
    hasError(errorsOf(transcriptSchema, { sections: [{ paragraphs: [para('a')] }] }), [
      'sections',
      0,
      'heading',
    ]);
  });

  it('refuses bad paragraph ids', () => {
    for (const id of ['', 'a b', 'p.1', 'x'.repeat(65), 'é']) {
      assert.equal(paragraphIdSchema.safeParse(id).success, false, JSON.stringify(id));
    }
    for (const id of ['p1', 'A-b_9', 'x'.repeat(64)]) {
      assert.equal(paragraphIdSchema.safeParse(id).success, true, id);
    }
    hasError(
      errorsOf(transcriptSchema, { sections: [{ heading: '', paragraphs: [para('a b')] }] }),
      ['sections', 0, 'paragraphs', 0, 'id'],
      /1–64 letters, digits/,
    );
  });
});

describe('transcript helpers', () => {
  const t: Transcript = {
    sections: [
      { heading: '', paragraphs: [{ id: 'a', text: 'A.', start: 0, end: 2 }] },
      {
        heading: 'H',
        paragraphs: [
          { id: 'b', text: 'B.', start: 2, end: 5 },
          { id: 'c', text: 'C.', start: 7, end: 9 },
        ],
      },
    ],
  };

  it('paragraphsOf lists every paragraph in order with its heading and section', () => {
    assert.deepEqual(
      paragraphsOf(t).map((p) => [p.id, p.heading, p.sectionIndex]),
      [
        ['a', '', 0],
        ['b', 'H', 1],
        ['c', 'H', 1],
      ],
    );
  });

  it('isTimed needs every paragraph timed and at least one paragraph', () => {
    assert.equal(isTimed(t), true);
    assert.equal(isTimed(emptyTranscript()), false);
    assert.equal(isTimed({ sections: [{ heading: '', paragraphs: [{ id: 'a', text: 'A.' }] }] }), false);
  });

  it('paragraphAt finds the paragraph being spoken, or the last one before a gap', () => {
    assert.equal(paragraphAt(t, -1), undefined);
    assert.equal(paragraphAt(t, 0)?.id, 'a');
    assert.equal(paragraphAt(t, 3)?.id, 'b');
    assert.equal(paragraphAt(t, 6)?.id, 'b');
    assert.equal(paragraphAt(t, 100)?.id, 'c');
  });
});

describe('errorReportInputSchema', () => {
  const valid = {
    locale: 'en',
    what: 'A typo: "plnats".',
    idempotencyKey: 'abcDEF12-_',
  };

  it('accepts a minimal report and fills defaults', () => {
    const out = errorReportInputSchema.parse(valid);
    assert.equal(out.where, '');
    assert.equal(out.what, valid.what);
  });

  it('accepts a full report', () => {
    const full = {
      ...valid,
      quote: { exact: 'plnats', prefix: 'how ', suffix: ' turn' },
      position: { paragraphId: 'p1', start: 3, end: 9 },
      time: 12.5,
      where: 'Second paragraph',
      suggestion: 'plants',
      email: 'ann@example.org',
      [HONEYPOT_FIELD]: '',
    };
    assert.equal(errorReportInputSchema.safeParse(full).success, true);
  });

  it('fills quote prefix/suffix defaults', () => {
    const out = errorReportInputSchema.parse({ ...valid, quote: { exact: 'word' } });
    assert.deepEqual(out.quote, { exact: 'word', prefix: '', suffix: '' });
  });

  it('requires `what`, with a readable message', () => {
    const { what: _what, ...rest } = valid;
    hasError(errorsOf(errorReportInputSchema, rest), ['what'], /^Say what the error is\.$/);
  });

  it('refuses a `what` that is blank or too short once trimmed', () => {
    hasError(errorsOf(errorReportInputSchema, { ...valid, what: '   ab   ' }), ['what'], /in a few words/);
  });

  it('requires `idempotencyKey`, with a readable message', () => {
    const { idempotencyKey: _k, ...rest } = valid;
    hasError(errorsOf(errorReportInputSchema, rest), ['idempotencyKey'], /needs an idempotency key/);
  });

  it('refuses a malformed idempotencyKey', () => {
    for (const key of ['short', 'has spaces in it', 'x'.repeat(65), 'semi;colon!!']) {
      hasError(
        errorsOf(errorReportInputSchema, { ...valid, idempotencyKey: key }),
        ['idempotencyKey'],
        /8–64 letters/,
      );
    }
  });

  it('refuses unknown fields, naming them', () => {
    const errors = errorsOf(errorReportInputSchema, { ...valid, name: 'Ann' });
    assert.deepEqual(errors, [{ path: [], message: 'Unknown field: name.' }]);
    const two = errorsOf(errorReportInputSchema, { ...valid, name: 'Ann', phone: '1' });
    assert.deepEqual(two, [{ path: [], message: 'Unknown fields: name, phone.' }]);
  });

  it('refuses unknown fields inside quote and position', () => {
    hasError(
      errorsOf(errorReportInputSchema, { ...valid, quote: { exact: 'x', extra: 1 } }),
      ['quote'],
      /Unknown field: extra/,
    );
    hasError(
      errorsOf(errorReportInputSchema, { ...valid, position: { paragraphId: 'p1', start: 0, end: 1, x: 1 } }),
      ['position'],
      /Unknown field: x/,
    );
  });

  it('refuses a bad e-mail with a readable message', () => {
    for (const email of ['not-an-email', 'a@', '@b.org', 'a b@c.org', '']) {
      hasError(errorsOf(errorReportInputSchema, { ...valid, email }), ['email'], /does not look right/);
    }
  });

  it('refuses over-long text with readable messages', () => {
    hasError(
      errorsOf(errorReportInputSchema, { ...valid, what: 'x'.repeat(4001) }),
      ['what'],
      /under 4,000 characters/,
    );
    hasError(
      errorsOf(errorReportInputSchema, { ...valid, where: 'x'.repeat(1001) }),
      ['where'],
      /under 1,000 characters/,
    );
    hasError(
      errorsOf(errorReportInputSchema, { ...valid, suggestion: 'x'.repeat(4001) }),
      ['suggestion'],
      /under 4,000 characters/,
    );
    hasError(
      errorsOf(errorReportInputSchema, { ...valid, quote: { exact: 'x'.repeat(1001) } }),
      ['quote', 'exact'],
      /at most 1,000 characters/,
    );
    // exactly at the limit is fine
    assert.equal(errorReportInputSchema.safeParse({ ...valid, what: 'x'.repeat(4000) }).success, true);
  });

  it('refuses a bad locale, an empty quote, a reversed position and a time out of range', () => {
    hasError(
      errorsOf(errorReportInputSchema, { ...valid, locale: 'English' }),
      ['locale'],
      /code such as "en"/,
    );
    hasError(
      errorsOf(errorReportInputSchema, { ...valid, quote: { exact: '' } }),
      ['quote', 'exact'],
      /quote is empty/,
    );
    hasError(
      errorsOf(errorReportInputSchema, { ...valid, position: { paragraphId: 'p1', start: 5, end: 2 } }),
      ['position', 'end'],
      /must come after its start/,
    );
    assert.equal(errorReportInputSchema.safeParse({ ...valid, time: -1 }).success, false);
    assert.equal(errorReportInputSchema.safeParse({ ...valid, time: 86_401 }).success, false);
  });

  it('reports several problems at once, each with a path and a non-empty message', () => {
    const errors = errorsOf(errorReportInputSchema, { locale: 'en', email: 'nope', extra: true });
    const paths = errors.map((e) => e.path.join('.'));
    assert.ok(paths.includes('what'));
    assert.ok(paths.includes('idempotencyKey'));
    assert.ok(paths.includes('email'));
    assert.ok(paths.includes(''));
    for (const e of errors) {
      assert.ok(e.message.length > 0);
      assert.ok(Array.isArray(e.path));
      for (const p of e.path) assert.ok(typeof p === 'string' || typeof p === 'number');
    }
  });
});

describe('fieldErrors and apiErrorSchema', () => {
  it('builds the details of a Strapi error envelope that apiErrorSchema accepts', () => {
    const r = errorReportInputSchema.safeParse({ locale: 'en', what: 'x' });
    assert.equal(r.success, false);
    const body = {
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: 'Invalid report',
        details: { errors: fieldErrors(r.error) },
      },
    };
    assert.equal(apiErrorSchema.safeParse(body).success, true);
  });

  it('keeps numeric path segments as numbers', () => {
    const errors = errorsOf(transcriptSchema, { sections: [{ heading: 1, paragraphs: [para('a')] }] });
    hasError(errors, ['sections', 0, 'heading']);
    assert.equal(typeof errors[0]!.path[1], 'number');
  });
});

describe('report state machine', () => {
  it('every state has transitions to other known states only', () => {
    for (const s of REPORT_STATES) {
      for (const to of REPORT_TRANSITIONS[s]) {
        assert.ok(REPORT_STATES.includes(to));
        assert.notEqual(to, s);
      }
    }
  });

  it('follows (held →) new → triaged → accepted → fixed, with rejection and reopening, and nothing else', () => {
    // Every pair, pinned: a change here is a change of the editors' workflow.
    const allowed = new Set([
      'held→new',
      'held→rejected',
      'new→triaged',
      'new→accepted',
      'new→rejected',
      'triaged→accepted',
      'triaged→rejected',
      'triaged→new',
      'accepted→fixed',
      'accepted→rejected',
      'accepted→triaged',
      'fixed→accepted',
      'rejected→triaged',
    ]);
    for (const from of REPORT_STATES) {
      for (const to of REPORT_STATES) {
        if (from === to) continue;
        assert.equal(REPORT_TRANSITIONS[from].includes(to), allowed.has(`${from}→${to}`), `${from}→${to}`);
      }
    }
    // A report is fixed only from "accepted" (or by Apply suggestion, from any open state).
    assert.deepEqual(
      REPORT_STATES.filter((s) => REPORT_TRANSITIONS[s].includes('fixed')),
      ['accepted'],
    );
  });

  it('reportStateChangeSchema refuses an unknown state and unknown fields', () => {
    assert.equal(reportStateChangeSchema.safeParse({ state: 'fixed', note: ' ok ' }).success, true);
    assert.equal(reportStateChangeSchema.safeParse({ state: 'done' }).success, false);
    assert.equal(reportStateChangeSchema.safeParse({ state: 'fixed', by: 'me' }).success, false);
  });

  it('quote and position schemas on their own', () => {
    assert.equal(quoteSchema.safeParse({ exact: 'a', prefix: 'x'.repeat(201) }).success, false);
    assert.equal(quotePositionSchema.safeParse({ paragraphId: 'p', start: 0.5, end: 2 }).success, false);
    assert.equal(quotePositionSchema.safeParse({ paragraphId: 'p', start: 0, end: 1 }).success, true);
  });
});

describe('progressInputSchema', () => {
  it('accepts segments and a position', () => {
    const input = {
      segments: [
        [0, 10],
        [20, 25.5],
        [30, 30],
      ],
      position: 25.5,
    };
    assert.deepEqual(progressInputSchema.parse(input), input);
  });

  it('accepts no segments', () => {
    assert.equal(progressInputSchema.safeParse({ segments: [], position: 0 }).success, true);
  });

  it('refuses reversed segments with a readable message', () => {
    hasError(
      errorsOf(progressInputSchema, {
        segments: [
          [0, 1],
          [10, 5],
        ],
        position: 0,
      }),
      ['segments', 1],
      /must end after it starts/,
    );
  });

  it('refuses negative times and a negative position', () => {
    assert.equal(progressInputSchema.safeParse({ segments: [[-1, 5]], position: 0 }).success, false);
    assert.equal(progressInputSchema.safeParse({ segments: [[0, -5]], position: 0 }).success, false);
    hasError(errorsOf(progressInputSchema, { segments: [], position: -1 }), ['position']);
  });

  it('refuses non-finite numbers, non-pairs, too many segments, an over-long position and unknown fields', () => {
    assert.equal(
      progressInputSchema.safeParse({ segments: [[0, Number.POSITIVE_INFINITY]], position: 0 }).success,
      false,
    );
    assert.equal(progressInputSchema.safeParse({ segments: [[Number.NaN, 1]], position: 0 }).success, false);
    assert.equal(progressInputSchema.safeParse({ segments: [[0, 1, 2]], position: 0 }).success, false);
    assert.equal(progressInputSchema.safeParse({ segments: [[0]], position: 0 }).success, false);
    assert.equal(progressInputSchema.safeParse({ segments: [['0', '1']], position: 0 }).success, false);
    assert.equal(progressInputSchema.safeParse({ segments: [], position: 86_401 }).success, false);
    hasError(
      errorsOf(progressInputSchema, { segments: Array.from({ length: 1001 }, () => [0, 1]), position: 0 }),
      ['segments'],
      /at most 1,000 segments/,
    );
    hasError(
      errorsOf(progressInputSchema, { segments: [], position: 0, percent: 100 }),
      [],
      /Unknown field: percent\./,
    );
  });

  it('segmentSchema alone', () => {
    assert.equal(segmentSchema.safeParse([1, 1]).success, true);
    assert.equal(segmentSchema.safeParse([2, 1]).success, false);
  });
});

describe('lessonListQuerySchema', () => {
  it('applies defaults', () => {
    assert.deepEqual(lessonListQuerySchema.parse({}), { page: 1, pageSize: 10 });
  });

  it('coerces page numbers from query strings', () => {
    const out = lessonListQuerySchema.parse({
      page: '3',
      pageSize: '25',
      locale: 'pt-BR',
      tag: 'biology',
      search: '  leaf ',
    });
    assert.deepEqual(out, { page: 3, pageSize: 25, locale: 'pt-BR', tag: 'biology', search: 'leaf' });
    assert.equal(typeof out.page, 'number');
  });

  it('refuses page numbers that are not positive integers or out of range', () => {
    for (const page of ['0', '-1', '1.5', 'abc', '10001']) {
      hasError(errorsOf(lessonListQuerySchema, { page }), ['page']);
    }
    for (const pageSize of ['0', '51', 'ten']) {
      hasError(errorsOf(lessonListQuerySchema, { pageSize }), ['pageSize']);
    }
  });

  it('refuses unknown query parameters and bad slugs', () => {
    hasError(errorsOf(lessonListQuerySchema, { sort: 'title' }), [], /Unknown field: sort\./);
    hasError(errorsOf(lessonListQuerySchema, { tag: 'Not A Slug' }), ['tag'], /lowercase letters/);
  });
});

describe('lesson schemas', () => {
  it('locale and slug patterns', () => {
    for (const ok of ['en', 'pt-BR', 'zh-Hant', 'ast'])
      assert.equal(localeSchema.safeParse(ok).success, true, ok);
    for (const bad of ['EN', 'e', 'en_US', '']) assert.equal(localeSchema.safeParse(bad).success, false, bad);
    for (const ok of ['a', 'intro-to-cells', 'lesson-2'])
      assert.equal(slugSchema.safeParse(ok).success, true, ok);
    for (const bad of ['-a', 'a-', 'a--b', 'A', 'a b', ''])
      assert.equal(slugSchema.safeParse(bad).success, false, bad);
  });

  it('lessonSchema accepts a full lesson and validates its transcript', () => {
    const lesson = {
      id: '1',
      slug: 'photosynthesis',
      locale: 'en',
      title: 'Photosynthesis',
      summary: 'How plants make sugar.',
      video: { sources: [{ src: '/v.mp4', type: 'video/mp4' }], poster: null, duration: 600 },
      transcript: { sections: [{ heading: '', paragraphs: [{ id: 'p1', text: 'Hi.', start: 0, end: 1 }] }] },
      tags: [{ slug: 'biology', name: 'Biology' }],
      category: null,
      course: {
        slug: 'plants',
        title: 'Plants',
        position: 1,
        total: 3,
        previous: null,
        next: { slug: 'roots', title: 'Roots', publishedAt: '2024-01-01T00:00:00.000Z' },
      },
      locales: [{ locale: 'pt-BR', slug: 'fotossintese', title: 'Fotossíntese' }],
      related: [],
      publishedAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-02T00:00:00.000Z',
    };
    assert.equal(lessonSchema.safeParse(lesson).success, true);
    const bad = {
      ...lesson,
      transcript: { sections: [{ heading: '', paragraphs: [{ id: 'p1', text: 'Hi.', start: 2, end: 1 }] }] },
    };
    assert.equal(lessonSchema.safeParse(bad).success, false);
  });
});
