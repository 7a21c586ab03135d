/**
 * Deck options live in an optional sidecar `slides/<id>.json` beside the deck, so the Markdown
 * file stays plain remark.js; it takes the options of `remark.create()`. A bad value of a known
 * option is an error; an unknown option, or a remark.js option without effect here, is a warning
 * that names it, and the deck still builds.
 */
import { DEFAULT_OPTIONS, type DeckOptions } from '../shared/deck';
import { codeTheme, DEFAULT_CODE_THEME, unknownStyleMessage } from './code-themes';
import { DeckError, type Diagnostic } from './diagnostics';
import type { ModelSettings } from './model';

export interface DeckSettings extends Omit<ModelSettings, 'countIncrementalSlides'> {
  options: DeckOptions;
  /** remark.js `highlightSpans` (R57): `` `text` `` inside code blocks is highlighted. */
  highlightSpans: boolean;
  /** remark.js `highlightLanguage` (R53): language of code blocks that name none. */
  highlightLanguage: string;
  /** remark.js `highlightStyle` (R58) as a shiki theme; slides may set their own `highlight-style`. */
  codeTheme: string;
  /** Overrides the title read from the title slide. */
  title?: string;
  /** Overrides the chapter read from the title slide. */
  chapter?: string;
}

export const DEFAULT_SETTINGS: DeckSettings = {
  options: DEFAULT_OPTIONS,
  highlightSpans: false,
  highlightLanguage: '',
  codeTheme: DEFAULT_CODE_THEME,
  excludedClasses: [],
  disableIncrementalSlides: false,
  includePresenterNotes: true,
  inheritPresenterNotes: false,
};

type Check = (value: unknown) => string | undefined;

const isBoolean: Check = (value) => (typeof value === 'boolean' ? undefined : 'true oder false');
const isString: Check = (value) => (typeof value === 'string' ? undefined : 'ein Text');
const isMinutes: Check = (value) =>
  typeof value === 'number' && value > 0 && value <= 600 ? undefined : 'eine Zahl von Minuten über 0 (höchstens 600)';
const isRatio: Check = (value) => (value === '16:9' || value === '4:3' ? undefined : '"16:9" oder "4:3"');
const isClassList: Check = (value) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? undefined : 'eine Liste von Klassennamen';
const NAVIGATION_KEYS = ['scroll', 'touch', 'click'] as const;
const isNavigation: Check = (value) =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.entries(value).every(
    ([key, flag]) => (NAVIGATION_KEYS as readonly string[]).includes(key) && typeof flag === 'boolean',
  )
    ? undefined
    : 'ein Objekt wie { "scroll": false, "touch": true, "click": false }';

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
  highlightStyle: isString,
  excludedClasses: isClassList,
  disableIncrementalSlides: isBoolean,
  includePresenterNotes: isBoolean,
  inheritPresenterNotes: isBoolean,
  navigation: isNavigation,
  minutesPerSlide: isMinutes,
  dark: isBoolean,
};

/** remark.js options that have no effect here, and why. */
const WITHOUT_EFFECT: Record<string, string> = {
  highlightInlineCode: 'Code im Text wird nicht hervorgehoben',
  sourceUrl: 'die Folien stehen in der .md-Datei daneben',
  source: 'die Folien stehen in der .md-Datei daneben',
  timer: 'die Referentenansicht hat ihren eigenen Timer',
  container: 'die Folien füllen ihre eigene Seite',
  cloneTarget: 'das Beamer-Fenster öffnet der Viewer selbst',
  controller: 'Tasten, Maus und Touch steuert der Viewer selbst',
};

export interface ParsedSettings {
  settings: DeckSettings;
  /** Options that are ignored, each naming its line in the file. */
  warnings: Diagnostic[];
}

/** Parses and validates a sidecar file's text; `file` names it in errors and warnings. */
export function parseSettings(json: string, file: string): ParsedSettings {
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
  const warnings: Diagnostic[] = [];
  const warn = (key: string, message: string): void => {
    const line = lineOfKey(json, key);
    warnings.push({ severity: 'warning', file, ...(line !== undefined ? { line } : {}), message });
  };
  for (const [key, value] of Object.entries(data)) {
    const check = KEYS[key];
    if (!check) {
      const reason = WITHOUT_EFFECT[key];
      warn(
        key,
        reason
          ? `Option „${key}“ wird nicht beachtet: ${reason}`
          : `Unbekannte Option „${key}“ wird nicht beachtet (bekannt: ${Object.keys(KEYS).join(', ')})`,
      );
      continue;
    }
    const expected = check(value);
    if (expected) problems.push(`„${key}“ muss ${expected} sein, ist aber ${JSON.stringify(value)}`);
  }
  if (problems.length > 0) throw settingsError(file, ...problems);

  const values = data as Partial<DeckOptions> &
    Partial<DeckSettings> & { navigation?: Partial<DeckOptions>; highlightStyle?: string };
  const options = { ...DEFAULT_OPTIONS, ...values.navigation };
  for (const key of Object.keys(DEFAULT_OPTIONS) as (keyof DeckOptions)[]) {
    if (values[key] !== undefined) Object.assign(options, { [key]: values[key] });
  }
  const settings: DeckSettings = { ...DEFAULT_SETTINGS, options };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof DeckSettings)[]) {
    if (key !== 'options' && values[key] !== undefined) Object.assign(settings, { [key]: values[key] });
  }
  if (typeof values.highlightStyle === 'string') {
    const theme = codeTheme(values.highlightStyle);
    if (theme) settings.codeTheme = theme;
    else warn('highlightStyle', unknownStyleMessage(values.highlightStyle));
  }
  return {
    settings: {
      ...settings,
      ...(values.title !== undefined ? { title: values.title } : {}),
      ...(values.chapter !== undefined ? { chapter: values.chapter } : {}),
    },
    warnings,
  };
}

/** The 1-based line of a top-level key, found by its first quoted occurrence. */
function lineOfKey(json: string, key: string): number | undefined {
  const at = json.indexOf(JSON.stringify(key));
  return at === -1 ? undefined : json.slice(0, at).split('\n').length;
}

function settingsError(file: string, ...messages: string[]): DeckError {
  return new DeckError(messages.map((message) => ({ severity: 'error', file, message })));
}
