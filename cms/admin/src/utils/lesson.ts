/** The lesson content type, as the Content Manager names it (its edit and list views). */
export const LESSON_UID = 'plugin::lessons.lesson';
