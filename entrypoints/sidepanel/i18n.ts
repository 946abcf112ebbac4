/** The panel's translations (`_locales`); a missing key shows nothing rather than the key. */
type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

export function t(key: string, substitutions?: string[]): string {
  try {
    return browser.i18n.getMessage(key as MessageKey, substitutions);
  } catch {
    return '';
  }
}
