/**
 * English: the reference language. Every other language has exactly these keys (tests check),
 * with the plural forms its `Intl.PluralRules` needs (`_one`, `_few`, `_many`, `_other`…).
 */
import type { Messages } from '../i18n.js';

export default {
  widget: {
    loading: 'Loading the lesson…',
    loadFailed: 'The lesson could not be loaded.',
    partFailed: 'Part of the lesson could not be loaded. Check your network and try again.',
    notFound: 'This lesson does not exist or is no longer published.',
    retry: 'Try again',
    shownIn: 'This lesson is not available in your language. It is shown in {{language}}.',
  },
  player: {
    region: 'Video: {{title}}',
    play: 'Play the video',
    resumeAt: 'Resume at {{time}}',
    loading: 'Loading the video…',
    failed: 'The video could not be played.',
    noVideo: 'This lesson has no video.',
  },
  language: {
    label: 'Select the language',
    switched: 'Now showing “{{title}}” in {{language}}.',
  },
  account: {
    nextUnwatched: 'Continue with what you missed',
    notice:
      'Please log in to have your progress recorded. Without logging in, you will be able to view the video but your progress in the course will not be increased.',
    login: 'Log in',
    register: 'Register',
    logout: 'Log out',
    signedIn: 'Logged in as {{name}}',
    lessonProgress: 'Lesson progress',
    percent: '{{percent}}% watched',
    completed: 'Lesson completed',
    courseProgress_one: '{{completed}} of {{count}} lesson completed',
    courseProgress_other: '{{completed}} of {{count}} lessons completed',
    sessionExpired: 'Your session has expired. Please log in again.',
    loggedIn: 'You are logged in as {{name}}.',
    loggedOut: 'You have logged out.',
  },
  transcript: {
    /** Screen readers hear it beside a paragraph the reader has watched. */
    watched: 'watched',
    heading: 'Transcription',
    search: 'Search the transcription',
    previousMatch: 'Previous match',
    nextMatch: 'Next match',
    download: 'Download the transcription',
    formats: {
      txt: 'Text',
      vtt: 'Subtitles (WebVTT)',
      srt: 'Subtitles (SubRip)',
    },
    seekHint: 'Press Enter to play the video from here. The up and down arrows move between paragraphs.',
    shortcuts: 'Keyboard shortcuts',
    improvements: 'Are there any errors or improvements?',
    empty: 'This lesson has no transcription yet.',
  },
  links: {
    completed: 'Completed',
    tags: 'Topics',
    related: 'Recent publications',
    course: 'Course: {{title}}',
    position: 'Lesson {{position}} of {{total}}',
    previous: 'Previous lesson',
    next: 'Next lesson',
  },
  search: {
    label: 'Search lessons',
    results_one: '{{count}} lesson found',
    results_other: '{{count}} lessons found',
    noResults: 'No lessons found',
    failed: 'The search failed. Please try again.',
    searching: 'Searching…',
    hint: 'Use the arrow keys to choose a result and Enter to open it.',
  },
} satisfies Messages;
