/**
 * The slide compiler: deck Markdown → the Deck model of src/shared/deck.ts.
 * Stages: normalize → lex → model (properties, inheritance, numbering) → convert (unified).
 */
import type { Deck, Slide } from '../shared/deck';
import { codeTheme, unknownStyleMessage } from './code-themes';
import { newStats, type ConvertSettings, type ConvertStats, type Heading } from './context';
import { convertParts } from './convert';
import { ContentProblem, DeckError, Diagnostics, SourceProblem, type Diagnostic } from './diagnostics';
import { lex, type LexWarning, type RawSlide } from './lexer';
import { classCount, formatCount, formulaCount, LIMITS, partsLength } from './limits';
import { swallowedProse } from './lint';
import { BUILTIN_MACROS, type MacroRegistry } from './macros';
import { buildModel, type ModelSlide } from './model';
import { DEFAULT_SETTINGS, type DeckSettings } from './options';
import type { Part } from './parts';
import { normalizeSource } from './source';

export interface DeckInput {
  /** File name without `.md`. */
  id: string;
  /** The deck file as errors should name it. */
  file: string;
  source: string;
  settings?: DeckSettings;
  /** The course's macros, added to the built-in ones. */
  macros?: MacroRegistry;
  /** Maps a local image URL to the URL the page uses; throws when the file is missing. */
  resolveAsset?: (url: string) => string;
}

export interface CompiledDeck {
  deck: Deck;
  warnings: Diagnostic[];
  /** Local image URLs the deck uses, as written. */
  images: string[];
  /** The deck has typeset formulas, so its pages need the math stylesheet. */
  math: boolean;
}

const CHAPTER = /^(?:Kapitel|Übung|Übungsblatt|Teil|Lektion|Chapter|Exercise)\b/i;
const BACKGROUND_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

export async function compileDeck(input: DeckInput): Promise<CompiledDeck> {
  const settings = input.settings ?? DEFAULT_SETTINGS;
  if (input.source.length > LIMITS.deck) {
    throw new DeckError([
      {
        severity: 'error',
        file: input.file,
        message: `Der Foliensatz ist mit ${formatCount(input.source.length)} Zeichen zu groß (höchstens ${formatCount(LIMITS.deck)}); bitte aufteilen`,
      },
    ]);
  }
  const text = normalizeSource(input.source);
  const diagnostics = new Diagnostics(input.file, text);

  let rawSlides: RawSlide[];
  let definitions: string[];
  let lexWarnings: LexWarning[];
  try {
    ({ slides: rawSlides, definitions, warnings: lexWarnings } = lex(text));
  } catch (error) {
    if (!(error instanceof SourceProblem)) throw error;
    diagnostics.add('error', error.message, error.line, error.slide);
    throw new DeckError(diagnostics.all);
  }
  diagnostics.sections = rawSlides;
  for (const warning of lexWarnings) diagnostics.add('warning', warning.message, warning.line);
  if (rawSlides.length > LIMITS.slides) {
    diagnostics.add(
      'error',
      `Der Foliensatz hat ${formatCount(rawSlides.length)} Folien (höchstens ${formatCount(LIMITS.slides)}); bitte aufteilen`,
      undefined,
    );
    throw new DeckError(diagnostics.all);
  }

  const model = buildModel(rawSlides, {
    ...settings,
    countIncrementalSlides: settings.options.countIncrementalSlides,
  });
  for (const warning of model.warnings) diagnostics.add('warning', warning.message, warning.line);
  for (const lint of swallowedProse(model.plainProperties, text)) diagnostics.add('warning', lint.message, lint.line);
  if (model.slides.length === 0) {
    diagnostics.add(
      'error',
      'Der Foliensatz hat keine Folie, die angezeigt wird (nur Layout- oder ausgeschlossene Folien)',
      undefined,
    );
    throw new DeckError(diagnostics.all);
  }

  const resolveAsset = input.resolveAsset ?? ((url: string) => url);
  const images = new Set<string>();
  const slides: Slide[] = [];
  let titleHeadings: Heading[] = [];
  const tooLarge = sizeProblem(model.slides);
  if (tooLarge) {
    diagnostics.add('error', tooLarge.message, tooLarge.line);
    throw new DeckError(diagnostics.all);
  }

  let formulas = 0;
  for (const slide of model.slides) {
    const convertSettings: ConvertSettings = {
      highlightLines: settings.options.highlightLines,
      highlightSpans: settings.highlightSpans,
      highlightLanguage: settings.highlightLanguage,
      codeTheme: slideCodeTheme(slide, settings.codeTheme, diagnostics),
      macros: { ...BUILTIN_MACROS, ...input.macros },
      resolveAsset,
      definitions: definitions.length > 0 ? `${definitions.join('\n')}\n\n` : '',
      warn: (message, snippet) => diagnostics.add('warning', message, diagnostics.locate(snippet, slide)),
    };
    const contentStats = newStats();
    const notesStats = newStats();
    const html = await convertSlidePart(slide.content, convertSettings, contentStats, slide, diagnostics);
    const notesHtml = await convertSlidePart(slide.notes, convertSettings, notesStats, slide, diagnostics);
    for (const image of [...contentStats.images, ...notesStats.images]) images.add(image);
    formulas += contentStats.formulas + notesStats.formulas;
    if (slide.index === 0) titleHeadings = contentStats.headings;
    slides.push({
      index: slide.index,
      number: slide.number,
      ...(slide.name !== undefined ? { name: slide.name } : {}),
      classes: slide.classes,
      properties: resolveBackground(slide, resolveAsset, diagnostics),
      continued: slide.continued,
      html,
      notesHtml,
      line: slide.line,
      diagrams: contentStats.diagrams,
      demos: contentStats.demos,
    });
  }
  if (diagnostics.hasErrors) throw new DeckError(diagnostics.all);

  const deck: Deck = {
    id: input.id,
    title: settings.title ?? titleOf(titleHeadings) ?? input.id,
    chapter: settings.chapter ?? titleHeadings.find((heading) => CHAPTER.test(heading.text))?.text ?? '',
    options: settings.options,
    slides,
    total: model.total,
  };
  return { deck, warnings: diagnostics.all, images: [...images], math: formulas > 0 };
}

/** One slide part (or Markdown fragment) → HTML; a problem in its content becomes an error diagnostic. */
export async function convertSlidePart(
  parts: Part[],
  settings: ConvertSettings,
  stats: ConvertStats,
  slide: Pick<ModelSlide, 'sources' | 'line'>,
  diagnostics: Diagnostics,
): Promise<string> {
  try {
    return await convertParts(parts, { settings, stats });
  } catch (error) {
    if (!(error instanceof ContentProblem)) throw error;
    diagnostics.add('error', error.message, diagnostics.locate(error.snippet, slide));
    return '';
  }
}

function resolveBackground(
  slide: ModelSlide,
  resolveAsset: (url: string) => string,
  diagnostics: Diagnostics,
): Record<string, string> {
  const image = slide.properties['background-image'];
  if (image === undefined) return slide.properties;
  const resolved = image.replace(BACKGROUND_URL, (match, quote: string, url: string) => {
    try {
      return `url(${quote}${resolveAsset(url)}${quote})`;
    } catch (error) {
      diagnostics.add('error', (error as Error).message, diagnostics.locate(url, slide));
      return match;
    }
  });
  return { ...slide.properties, 'background-image': resolved };
}

/** The first slide that makes the deck too large to convert, checked before any conversion starts. */
function sizeProblem(slides: readonly ModelSlide[]): { message: string; line: number } | undefined {
  let converted = 0;
  let convertedClasses = 0;
  let convertedFormulas = 0;
  for (const slide of slides) {
    const size = Math.max(partsLength(slide.content), partsLength(slide.notes));
    const classes = classCount(slide.content) + classCount(slide.notes);
    converted += size;
    convertedClasses += classes;
    convertedFormulas += formulaCount(slide.content) + formulaCount(slide.notes);
    const message =
      size > LIMITS.slide
        ? `Die Folie ist mit ${formatCount(size)} Zeichen zu groß (höchstens ${formatCount(LIMITS.slide)})`
        : converted > LIMITS.converted
          ? `Die Folien ergeben zusammen mit ihren Schritten mehr als ${formatCount(LIMITS.converted)} Zeichen; bitte aufteilen`
          : classes > LIMITS.slideClasses
            ? `Die Folie hat ${formatCount(classes)} Inhaltsklassen „.x[…]“ (höchstens ${formatCount(LIMITS.slideClasses)})`
            : convertedClasses > LIMITS.classes
              ? `Die Folien ergeben zusammen mit ihren Schritten mehr als ${formatCount(LIMITS.classes)} Inhaltsklassen „.x[…]“; bitte aufteilen`
              : convertedFormulas > LIMITS.formulas
                ? `Die Folien ergeben zusammen mit ihren Schritten mehr als ${formatCount(LIMITS.formulas)} Formeln; bitte aufteilen`
                : undefined;
    if (message) return { message, line: slide.line };
  }
  return undefined;
}

/** R25: a slide's `highlight-style` overrides the deck's code theme. */
function slideCodeTheme(slide: ModelSlide, deckTheme: string, diagnostics: Diagnostics): string {
  const style = slide.properties['highlight-style'];
  if (style === undefined) return deckTheme;
  const theme = codeTheme(style);
  if (!theme) diagnostics.add('warning', unknownStyleMessage(style), diagnostics.locate('highlight-style', slide));
  return theme ?? deckTheme;
}

function titleOf(headings: Heading[]): string | undefined {
  const title =
    headings.find((heading) => heading.depth === 1) ?? headings.find((heading) => !CHAPTER.test(heading.text));
  return title?.text || undefined;
}
