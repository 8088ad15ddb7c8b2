/** The theme the user picked: always light, always dark, or whatever the system prefers. */
export type ThemeChoice = 'light' | 'dark' | 'system';

/** The theme the page shows. */
export type Theme = 'light' | 'dark';

/** Where the choice is kept; index.html reads the same key before the first paint. */
export const THEME_STORAGE_KEY = 'llm-rx-demo-theme';

/** The choices, in the order the header's toggle shows them. */
export const THEME_CHOICES: readonly ThemeChoice[] = ['light', 'dark', 'system'];

/**
 * The choice a stored value stands for; anything else (nothing stored, an old or foreign value) is `system`.
 * @param stored The value under {@link THEME_STORAGE_KEY}, or `null`.
 * @returns The choice.
 */
export function parseThemeChoice(stored: string | null): ThemeChoice {
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/**
 * The theme a choice shows.
 * @param choice The user's choice.
 * @param prefersDark Whether the system prefers dark (`prefers-color-scheme: dark`).
 * @returns The theme.
 */
export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): Theme {
  if (choice !== 'system') return choice;
  return prefersDark ? 'dark' : 'light';
}
