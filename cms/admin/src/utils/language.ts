/** A language's name in the admin's language ("es" → "Spanish"), or the code when unknown. */
export function languageName(code: string, displayLocale: string): string {
  try {
    return new Intl.DisplayNames([displayLocale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
