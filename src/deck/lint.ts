/**
 * remark.js's silent trap R21: a slide whose first line is prose like `Note: …` or a bare URL
 * loses that line into a property. We read it the same way, but warn unless the key is a
 * property remark.js knows or a variable the deck uses as `{{key}}`.
 */
import type { FoundProperty } from './properties';

const KNOWN_PROPERTIES = new Set([
  'name',
  'class',
  'layout',
  'template',
  'count',
  'exclude',
  'continued',
  'highlight-style',
  'background-image',
  'background-color',
  'background-size',
  'background-position',
  // Ours (docs/authoring.md): the bank questions a slide offers as live polls.
  'poll',
  // Pacing (src/shared/pacing.ts).
  'minutes',
  'section-minutes',
]);
const VARIABLE = /\{\{\s*([\w-]+)\s*\}\}/g;
/** Keys that, with a value starting `//`, are a bare URL rather than a property. */
const URL_SCHEME = /^(?:https?|ftps?|sftp|file|wss?|ssh|git|rtsp|irc)$/i;

export interface Lint {
  line: number;
  message: string;
}

export function swallowedProse(found: readonly FoundProperty[], deckText: string): Lint[] {
  const variables = new Set(Array.from(deckText.matchAll(VARIABLE), (match) => match[1]!));
  const lints: Lint[] = [];
  for (const { key, value, line, source } of found) {
    if (KNOWN_PROPERTIES.has(key) || variables.has(key)) continue;
    if (value.startsWith('//') && URL_SCHEME.test(key)) {
      lints.push({
        line,
        message: `„${source.trim()}“ wird als Folien-Eigenschaft „${key}“ gelesen und nicht angezeigt; als Link schreiben: <${key}:${value}>`,
      });
    } else {
      lints.push({
        line,
        message: `„${source.trim()}“ wird als Folien-Eigenschaft „${key}“ gelesen und nicht angezeigt; als Text schreiben: „${key}\\:${source.slice(key.length + 1)}“`,
      });
    }
  }
  return lints;
}
