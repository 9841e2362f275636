import type { Messages } from '../i18n.js';

export default {
  widget: {
    loading: 'Die Lektion wird geladen …',
    loadFailed: 'Die Lektion konnte nicht geladen werden.',
    partFailed:
      'Ein Teil der Lektion konnte nicht geladen werden. Prüfe dein Netzwerk und versuche es erneut.',
    notFound: 'Diese Lektion gibt es nicht oder sie ist nicht mehr veröffentlicht.',
    retry: 'Erneut versuchen',
    shownIn: 'Diese Lektion ist in deiner Sprache nicht verfügbar. Sie wird auf {{language}} angezeigt.',
  },
  player: {
    region: 'Video: {{title}}',
    play: 'Video abspielen',
    resumeAt: 'Bei {{time}} fortsetzen',
    loading: 'Das Video wird geladen …',
    failed: 'Das Video konnte nicht abgespielt werden.',
    noVideo: 'Diese Lektion hat kein Video.',
  },
  language: {
    label: 'Sprache auswählen',
    switched: 'Jetzt wird „{{title}}“ auf {{language}} angezeigt.',
  },
  account: {
    nextUnwatched: 'Mit dem Verpassten weitermachen',
    notice:
      'Bitte melde dich an, damit dein Fortschritt gespeichert wird. Ohne Anmeldung kannst du das Video ansehen, aber dein Fortschritt im Kurs wird nicht erhöht.',
    login: 'Anmelden',
    register: 'Registrieren',
    logout: 'Abmelden',
    signedIn: 'Angemeldet als {{name}}',
    lessonProgress: 'Fortschritt der Lektion',
    percent: '{{percent}} % angesehen',
    completed: 'Lektion abgeschlossen',
    courseProgress_one: '{{completed}} von {{count}} Lektion abgeschlossen',
    courseProgress_other: '{{completed}} von {{count}} Lektionen abgeschlossen',
    sessionExpired: 'Deine Sitzung ist abgelaufen. Bitte melde dich erneut an.',
    loggedIn: 'Du bist als {{name}} angemeldet.',
    loggedOut: 'Du hast dich abgemeldet.',
  },
  transcript: {
    /** Screen readers hear it beside a paragraph the reader has watched. */
    watched: 'angesehen',
    heading: 'Transkription',
    search: 'In der Transkription suchen',
    previousMatch: 'Vorheriger Treffer',
    nextMatch: 'Nächster Treffer',
    download: 'Transkription herunterladen',
    formats: {
      txt: 'Text',
      vtt: 'Untertitel (WebVTT)',
      srt: 'Untertitel (SubRip)',
    },
    seekHint:
      'Drücke die Eingabetaste, um das Video ab hier abzuspielen. Mit den Pfeiltasten nach oben und unten wechselst du den Absatz.',
    shortcuts: 'Tastenkürzel',
    improvements: 'Gibt es Fehler oder Verbesserungen?',
    empty: 'Für diese Lektion gibt es noch keine Transkription.',
  },
  links: {
    completed: 'Abgeschlossen',
    tags: 'Themen',
    related: 'Neueste Beiträge',
    course: 'Kurs: {{title}}',
    position: 'Lektion {{position}} von {{total}}',
    previous: 'Vorherige Lektion',
    next: 'Nächste Lektion',
  },
  search: {
    label: 'Lektionen suchen',
    results_one: '{{count}} Lektion gefunden',
    results_other: '{{count}} Lektionen gefunden',
    noResults: 'Keine Lektionen gefunden',
    failed: 'Die Suche ist fehlgeschlagen. Bitte versuche es erneut.',
    searching: 'Suche läuft …',
    hint: 'Wähle ein Ergebnis mit den Pfeiltasten und öffne es mit der Eingabetaste.',
  },
} satisfies Messages;
