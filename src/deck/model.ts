/**
 * Model: raw slides → displayed slides, as remark.js's slideshow builds them (R13, R16, R17,
 * R22–R35, R59, R60): exclusion, layouts and templates, continued steps, `{{content}}` and
 * `{{var}}` expansion, numbering.
 */
import type { Slide } from '../shared/deck';
import type { RawSlide } from './lexer';
import { concatParts, mapText, type Part } from './parts';
import { extractProperties, type FoundProperty } from './properties';

export interface ModelSettings {
  countIncrementalSlides: boolean;
  /** remark.js `excludedClasses` (R28). */
  excludedClasses: readonly string[];
  /** remark.js `disableIncrementalSlides` (R13). */
  disableIncrementalSlides: boolean;
  /** remark.js `includePresenterNotes` (R17). */
  includePresenterNotes: boolean;
  /** remark.js `inheritPresenterNotes` (R16): template notes, a blank line, own notes. */
  inheritPresenterNotes: boolean;
}

/** A range of deck lines whose text ended up in a slide (its own and its templates'). */
export interface LineRange {
  line: number;
  endLine: number;
}

/** A displayed slide before conversion: the compiled Slide's fields, with Markdown parts for HTML. */
export interface ModelSlide extends Pick<
  Slide,
  'index' | 'number' | 'name' | 'classes' | 'properties' | 'continued' | 'line'
> {
  /** Content and notes after inheritance and variable expansion. */
  content: Part[];
  notes: Part[];
  /** Own lines first, then the lines it inherited. */
  sources: LineRange[];
}

export interface ModelProblem {
  message: string;
  line: number;
}

export interface DeckModel {
  slides: ModelSlide[];
  /** Number of the last slide (remark.js's `%total%`). */
  total: number;
  /** Plain-form properties of all slides, for the R21 lint. */
  plainProperties: FoundProperty[];
  warnings: ModelProblem[];
}

/** Properties a slide never takes from its template (R34). */
const NOT_INHERITED = new Set(['name', 'layout', 'count']);
const CONTENT_MARKER = /(\\)?\{\{\s*content\s*\}\}/g;
const VARIABLE = /(\\)?\{\{\s*([\w-]+)\s*\}\}/g;

interface Built {
  properties: Record<string, string>;
  /** Content after inheritance, `{{content}}` still in place for slides inheriting from it. */
  content: Part[];
  notes: Part[];
  sources: LineRange[];
}

interface Parsed {
  raw: RawSlide;
  properties: Record<string, string>;
  content: Part[];
}

export function buildModel(rawSlides: readonly RawSlide[], settings: ModelSettings): DeckModel {
  const plainProperties: DeckModel['plainProperties'] = [];
  const warnings: ModelProblem[] = [];
  const parsed: Parsed[] = [];
  const steps = settings.disableIncrementalSlides ? mergeSteps(rawSlides) : rawSlides;
  for (const raw of steps) {
    const { properties, content, plain } = extractProperties(raw.content, raw.line);
    properties.continued = String(raw.continued);
    plainProperties.push(...plain);
    if (!isExcluded(properties, settings.excludedClasses)) parsed.push({ raw, properties, content });
  }

  const byName = new Map<string, Built>();
  const displayed: { built: Built; parsed: Parsed }[] = [];
  let layout: Built | undefined;
  for (const slide of parsed) {
    const { properties } = slide;
    if (slide.raw.continued && !settings.countIncrementalSlides && properties.count === undefined) {
      properties.count = 'false';
    }
    let template: Built | undefined;
    if (slide.raw.continued) {
      template = displayed.at(-1)?.built;
    } else if (properties.template !== undefined && byName.has(properties.template)) {
      template = byName.get(properties.template);
    } else {
      if (properties.template !== undefined) {
        warnings.push({
          message: `Vorlage „${properties.template}“ gibt es nicht (keine frühere Folie mit „name: ${properties.template}“)`,
          line: slide.raw.line,
        });
      }
      if (properties.layout === 'false') layout = undefined;
      else if (properties.layout !== 'true') template = layout;
    }

    const built = inherit(slide, template, settings);
    if (properties.name !== undefined) byName.set(properties.name, built);
    if (properties.layout === 'true') layout = built;
    else displayed.push({ built, parsed: slide });
  }

  let number = 0;
  const slides = displayed.map(({ built, parsed: slide }, index): ModelSlide => {
    const { properties } = built;
    if (properties.count !== 'false') number++;
    const classes = (properties.class ?? '').split(/[\s,]+/).filter(Boolean);
    return {
      index,
      number,
      ...(properties.name !== undefined ? { name: properties.name } : {}),
      classes,
      properties,
      continued: slide.raw.continued,
      content: expandVariables(removeContentMarker(built.content), properties),
      notes: expandVariables(built.notes, properties),
      line: slide.raw.line,
      sources: built.sources,
    };
  });
  return { slides, total: number, plainProperties, warnings };
}

function mergeSteps(rawSlides: readonly RawSlide[]): RawSlide[] {
  const merged: RawSlide[] = [];
  for (const raw of rawSlides) {
    const previous = merged.at(-1);
    if (raw.continued && previous) {
      merged[merged.length - 1] = {
        ...previous,
        endLine: raw.endLine,
        content: concatParts(previous.content, raw.content),
        notes: raw.notes,
      };
    } else {
      merged.push({ ...raw, continued: false });
    }
  }
  return merged;
}

function isExcluded(properties: Record<string, string>, excludedClasses: readonly string[]): boolean {
  if (properties.exclude?.toLowerCase() === 'true') return true;
  const classes = (properties.class ?? '').split(/[\s,]+/);
  return excludedClasses.some((excluded) => classes.includes(excluded));
}

function inherit(slide: Parsed, template: Built | undefined, settings: ModelSettings): Built {
  const own: Built = {
    properties: { ...slide.properties },
    content: slide.content,
    notes: settings.includePresenterNotes ? (slide.raw.notes ?? []) : [],
    sources: [{ line: slide.raw.line, endLine: slide.raw.endLine }],
  };
  if (!template) return own;

  const properties: Record<string, string> = {};
  for (const [key, value] of Object.entries(template.properties)) {
    if (!NOT_INHERITED.has(key)) properties[key] = value;
  }
  for (const [key, value] of Object.entries(slide.properties)) {
    const inherited = properties[key];
    properties[key] = key === 'class' && inherited ? `${inherited}, ${value}` : value;
  }
  return {
    properties,
    content: placeContent(template.content, slide.content),
    notes:
      settings.inheritPresenterNotes && template.notes.length > 0
        ? concatParts(template.notes, ['\n\n'], own.notes)
        : own.notes,
    sources: [...own.sources, ...template.sources],
  };
}

/**
 * The template's content with the slide's content at `{{content}}`, or after it (R34), on a
 * new line (remark.js glues the two, so a template's last line and the slide's first merge).
 */
function placeContent(template: readonly Part[], content: readonly Part[]): Part[] {
  let placed = false;
  const result = mapText(template, (text) => {
    const pieces: Part[] = [];
    let last = 0;
    for (const match of text.matchAll(CONTENT_MARKER)) {
      if (match[1]) continue;
      pieces.push(text.slice(last, match.index), ...content);
      last = match.index + match[0].length;
      placed = true;
    }
    pieces.push(text.slice(last));
    return pieces;
  });
  if (placed) return result;
  const last = template.at(-1);
  const first = content[0];
  const joined =
    (typeof last === 'string' && last.endsWith('\n')) || (typeof first === 'string' && first.startsWith('\n'));
  return concatParts(template, joined || template.length === 0 ? [] : ['\n'], content);
}

function removeContentMarker(parts: readonly Part[]): Part[] {
  return mapText(parts, (text) => [text.replace(CONTENT_MARKER, (match, escaped) => (escaped ? match : ''))]);
}

/** `{{ key }}` → the slide's property; unknown keys and `\{{key}}` stay as written (R35). */
function expandVariables(parts: readonly Part[], properties: Record<string, string>): Part[] {
  return mapText(parts, (text) => [
    text.replace(VARIABLE, (match, escaped: string | undefined, key: string) =>
      !escaped && Object.hasOwn(properties, key) ? properties[key]! : match,
    ),
  ]);
}
