import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface ParseResult {
  cues: Array<{ id: string; startTime: number; endTime: number; text: string }>;
  errors: Array<{ message: string; line: number }>;
}
const { WebVTTParser } = require('webvtt-parser') as {
  WebVTTParser: new (entities?: unknown) => { parse(text: string, mode?: string): ParseResult };
};
const entities = require('webvtt-parser/html-entities.json') as unknown;

/** The W3C WebVTT validator's parser: errors are the validator's complaints. */
export function validateWebVTT(text: string): ParseResult {
  return new WebVTTParser(entities).parse(text, 'subtitles');
}
