/**
 * Markdown fragments outside a deck (e.g. quiz texts), written in the slides' dialect: content
 * classes, macros, highlighted code and diagrams, through the same frozen processor as every
 * slide — but without slide separators, properties, notes or `{{variables}}`. Local image URLs
 * stay as written.
 */
import { DEFAULT_CODE_THEME } from './code-themes';
import { convertSlidePart } from './compile';
import { newStats, type ConvertSettings } from './context';
import { DeckError, Diagnostics, SourceProblem, type Diagnostic } from './diagnostics';
import { lex, type LexedDeck } from './lexer';
import { formatCount, LIMITS } from './limits';
import { BUILTIN_MACROS, type MacroRegistry } from './macros';
import { normalizeText } from './source';

export interface FragmentInput {
  /** The file the fragment comes from, as diagnostics name it; their lines count from the fragment's first line. */
  file: string;
  /** The course's macros, added to the built-in ones. */
  macros?: MacroRegistry;
}

export interface RenderedFragment {
  html: string;
  warnings: Diagnostic[];
}

/** One Markdown fragment → HTML; throws a DeckError listing its problems. */
export async function renderMarkdown(markdown: string, input: FragmentInput): Promise<RenderedFragment> {
  const text = normalizeText(markdown);
  const diagnostics = new Diagnostics(input.file, text);
  if (text.length > LIMITS.slide) {
    diagnostics.add(
      'error',
      `Der Text ist mit ${formatCount(text.length)} Zeichen zu groß (höchstens ${formatCount(LIMITS.slide)})`,
      undefined,
    );
    throw new DeckError(diagnostics.all);
  }
  let lexed: LexedDeck;
  try {
    lexed = lex(text, { fragment: true });
  } catch (error) {
    if (!(error instanceof SourceProblem)) throw error;
    diagnostics.add('error', error.message, error.line);
    throw new DeckError(diagnostics.all);
  }
  for (const warning of lexed.warnings) diagnostics.add('warning', warning.message, warning.line);
  const content = lexed.slides[0]?.content ?? [];
  const whole = { line: 1, sources: [{ line: 1, endLine: text.split('\n').length }] };
  const settings: ConvertSettings = {
    highlightLines: false,
    highlightSpans: false,
    highlightLanguage: '',
    codeTheme: DEFAULT_CODE_THEME,
    macros: { ...BUILTIN_MACROS, ...input.macros },
    resolveAsset: (url) => url,
    definitions: lexed.definitions.length > 0 ? `${lexed.definitions.join('\n')}\n\n` : '',
    warn: (message, snippet) => diagnostics.add('warning', message, diagnostics.locate(snippet, whole)),
  };
  const html = await convertSlidePart(content, settings, newStats(), whole, diagnostics);
  if (diagnostics.hasErrors) throw new DeckError(diagnostics.all);
  return { html, warnings: diagnostics.all };
}
