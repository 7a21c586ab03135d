/**
 * Code themes: remark.js names highlight.js styles (`highlightStyle`, the slide property
 * `highlight-style`); we highlight with shiki at build time, so a style is mapped to the shiki
 * theme that looks the same. The default is light, and every token colour reaches WCAG AA
 * contrast (4.5:1) on its white background; in the dark design it takes the colours of its dark
 * twin (also AA). A chosen style keeps its colours in both designs.
 */
export const DEFAULT_CODE_THEME = 'github-light-high-contrast';
/** The default's colours in the dark design, also AA on their own background. */
export const DARK_CODE_THEME = 'github-dark-high-contrast';

const THEMES: Record<string, string> = {
  default: DEFAULT_CODE_THEME,
  github: 'github-light',
  'github-gist': 'github-light',
  monokai: 'monokai',
  'monokai-sublime': 'monokai',
  'solarized-light': 'solarized-light',
  'solarized-dark': 'solarized-dark',
  dracula: 'dracula',
  nord: 'nord',
  'atom-one-dark': 'one-dark-pro',
  'atom-one-light': 'one-light',
  vs: 'light-plus',
  vs2015: 'dark-plus',
  'night-owl': 'night-owl',
  'gruvbox-dark': 'gruvbox-dark-medium',
  'gruvbox-light': 'gruvbox-light-medium',
};

/** The shiki theme for a highlight.js style name, or undefined when there is none like it. */
export function codeTheme(style: string): string | undefined {
  return Object.hasOwn(THEMES, style) ? THEMES[style] : undefined;
}

export function unknownStyleMessage(style: string): string {
  return `Code-Stil „${style}“ gibt es hier nicht; Code bleibt im hellen Standardthema (möglich: ${Object.keys(THEMES).join(', ')})`;
}
