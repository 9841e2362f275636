import type { Transcript } from '@lessons/shared';

/**
 * A three-hour-lecture transcript for the tests and the bench: generated, never stored as text.
 * The same options always give the same words, so a test can look up what a paragraph says.
 * Pure (no Node, no DOM, a type-only import), so every suite imports this one file: the e2e tests
 * and the bench as `../support/long-lecture.ts`, the cms tests without the extension, and the
 * widget tests as `../../../../tests/support/long-lecture.js` (their runner serves the repository
 * root and maps `.js` to `.ts`, as it does for widget/test/helpers).
 */
export interface LongLectureOptions {
  sections?: number;
  paragraphsPerSection?: number;
  /** Spoken length of one paragraph; 12.6 s makes 1,000 paragraphs last 3.5 hours. */
  secondsPerParagraph?: number;
  /** Another seed, other words. */
  seed?: number;
}

const WORDS = (
  'light leaf water root cell energy sugar carbon oxygen membrane protein signal pattern model ' +
  'measure river stone cloud heat pressure wave field charge current motion force mass orbit ' +
  'planet season memory habit language number shape balance growth layer surface structure ' +
  'process system network sample record method reason question answer example detail ' +
  'careful early later slowly quickly simply often rarely clearly together between within ' +
  'across under above around through toward during because although therefore however ' +
  'observe compare explain describe notice change follow return gather divide connect ' +
  'the a of and to in is that it for on with as we this be are you what when how'
).split(' ');

const TOPICS = (
  'Foundations Observation Measurement Energy Structure Motion Balance Growth Networks Signals ' +
  'Patterns Models Memory Language Water Carbon Light Pressure Cycles Evidence'
).split(' ');

/** A small, well-known PRNG (mulberry32): the same seed, the same lecture, on every machine. */
function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(random: () => number): string {
  const length = 6 + Math.floor(random() * 9);
  const words = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  const first = words[0]!;
  words[0] = first[0]!.toUpperCase() + first.slice(1);
  return `${words.join(' ')}.`;
}

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;

/**
 * `sections × paragraphsPerSection` timed paragraphs (ids `p1`, `p2`, …) under numbered headings
 * ("Part 7: Energy and models"). The defaults make the 100-section, 1,000-paragraph, 3.5-hour case.
 */
export function longLecture({
  sections = 100,
  paragraphsPerSection = 10,
  secondsPerParagraph = 12.6,
  seed = 2026,
}: LongLectureOptions = {}): Transcript {
  const random = randomFrom(seed);
  let n = 0;
  return {
    sections: Array.from({ length: sections }, (_, s) => {
      const topic = (k: number) => TOPICS[(s * 7 + k) % TOPICS.length]!;
      return {
        heading: `Part ${s + 1}: ${topic(0)} and ${topic(3).toLowerCase()}`,
        paragraphs: Array.from({ length: paragraphsPerSection }, () => {
          const start = n * secondsPerParagraph;
          n++;
          const sentences = 3 + Math.floor(random() * 3);
          return {
            id: `p${n}`,
            text: Array.from({ length: sentences }, () => sentence(random)).join(' '),
            start: round(start),
            // A short pause before the next paragraph, as in speech.
            end: round(start + secondsPerParagraph - 0.4),
          };
        }),
      };
    }),
  };
}

function vttTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (x: number, w = 2) => String(x).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/**
 * The lecture as a captions file of one cue per paragraph, `NOTE Section:` before each heading.
 * Cue ids are `<paragraph id>.1`, as in the plugin's own export, so importing the file gives the
 * lecture's sections, paragraphs and ids back. 1,000 paragraphs make a 1,000-cue file.
 */
export function longLectureVtt(lecture: Transcript): string {
  const blocks = ['WEBVTT'];
  for (const section of lecture.sections) {
    if (section.heading) blocks.push(`NOTE Section: ${section.heading}`);
    for (const p of section.paragraphs) {
      blocks.push(`${p.id}.1\n${vttTime(p.start ?? 0)} --> ${vttTime(p.end ?? 0)}\n${p.text}`);
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

/** Where a paragraph of the lecture is, and what it says; 0-based `section` and `index`. */
export function paragraphOf(lecture: Transcript, id: string) {
  for (const [section, s] of lecture.sections.entries()) {
    const index = s.paragraphs.findIndex((p) => p.id === id);
    if (index >= 0) return { section, index, paragraph: s.paragraphs[index]! };
  }
  throw new Error(`No paragraph ${id} in the lecture.`);
}
