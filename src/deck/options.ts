/**
 * Deck options live in an optional sidecar `slides/<id>.json` beside the deck, so the Markdown
 * file stays plain remark.js. Every key is checked; an unknown key or a bad value is an error.
 */
import { DEFAULT_OPTIONS, type DeckOptions } from '../shared/deck';
import { DeckError } from './diagnostics';
import type { ModelSettings } from './model';

export interface DeckSettings extends Omit<ModelSettings, 'countIncrementalSlides'> {
  options: DeckOptions;
  /** remark.js `highlightSpans` (R57): `` `text` `` inside code blocks is highlighted. */
  highlightSpans: boolean;
  /** remark.js `highlightLanguage` (R53): language of code blocks that name none. */
  highlightLanguage: string;
  /** Overrides the title read from the title slide. */
  title?: string;
  /** Overrides the chapter read from the title slide. */
  chapter?: string;
}

export const DEFAULT_SETTINGS: DeckSettings = {
  options: DEFAULT_OPTIONS,
  highlightSpans: false,
  highlightLanguage: '',
  excludedClasses: [],
  disableIncrementalSlides: false,
  includePresenterNotes: true,
  inheritPresenterNotes: false,
};

type Check = (value: unknown) => string | undefined;

const isBoolean: Check = (value) => (typeof value === 'boolean' ? undefined : 'true oder false');
const isString: Check = (value) => (typeof value === 'string' ? undefined : 'ein Text');
const isRatio: Check = (value) => (value === '16:9' || value === '4:3' ? undefined : '"16:9" oder "4:3"');
const isClassList: Check = (value) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? undefined : 'eine Liste von Klassennamen';

/** Each allowed key with its check, in the order the README documents them. */
const KEYS: Record<string, Check> = {
  title: isString,
  chapter: isString,
  ratio: isRatio,
  highlightLines: isBoolean,
  countIncrementalSlides: isBoolean,
  slideNumberFormat: isString,
  scroll: isBoolean,
  touch: isBoolean,
  click: isBoolean,
  highlightSpans: isBoolean,
  highlightLanguage: isString,
  excludedClasses: isClassList,
  disableIncrementalSlides: isBoolean,
  includePresenterNotes: isBoolean,
  inheritPresenterNotes: isBoolean,
};

/** Parses and validates a sidecar file's text; `file` names it in errors. */
export function parseSettings(json: string, file: string): DeckSettings {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw settingsError(file, `kein gültiges JSON: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw settingsError(file, 'erwartet ein JSON-Objekt wie { "ratio": "4:3" }');
  }
  const problems: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    const check = KEYS[key];
    if (!check) {
      problems.push(`unbekannte Option „${key}“ (erlaubt: ${Object.keys(KEYS).join(', ')})`);
      continue;
    }
    const expected = check(value);
    if (expected) problems.push(`„${key}“ muss ${expected} sein, ist aber ${JSON.stringify(value)}`);
  }
  if (problems.length > 0) throw settingsError(file, ...problems);

  const values = data as Partial<DeckOptions> & Partial<DeckSettings>;
  const options = { ...DEFAULT_OPTIONS };
  for (const key of Object.keys(DEFAULT_OPTIONS) as (keyof DeckOptions)[]) {
    if (values[key] !== undefined) Object.assign(options, { [key]: values[key] });
  }
  const settings: DeckSettings = { ...DEFAULT_SETTINGS, options };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof DeckSettings)[]) {
    if (key !== 'options' && values[key] !== undefined) Object.assign(settings, { [key]: values[key] });
  }
  return {
    ...settings,
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(values.chapter !== undefined ? { chapter: values.chapter } : {}),
  };
}

function settingsError(file: string, ...messages: string[]): DeckError {
  return new DeckError(messages.map((message) => ({ severity: 'error', file, message })));
}
