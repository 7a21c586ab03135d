/** Where the browser keeps the design a person picked ('light' or 'dark'); unset: the system's. */
export const THEME_STORAGE_KEY = 'vs-theme';
