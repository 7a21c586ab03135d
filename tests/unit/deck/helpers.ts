import { compileDeck, type CompiledDeck } from '../../../src/deck/compile';
import type { MacroRegistry } from '../../../src/deck/macros';
import { DEFAULT_SETTINGS, type DeckSettings } from '../../../src/deck/options';
import type { DeckOptions, Slide } from '../../../src/shared/deck';

export interface CompileOptions {
  settings?: Partial<Omit<DeckSettings, 'options'>>;
  options?: Partial<DeckOptions>;
  macros?: MacroRegistry;
  resolveAsset?: (url: string) => string;
}

export function compile(source: string, options: CompileOptions = {}): Promise<CompiledDeck> {
  return compileDeck({
    id: 'test',
    file: 'slides/test.md',
    source,
    settings: {
      ...DEFAULT_SETTINGS,
      ...options.settings,
      options: { ...DEFAULT_SETTINGS.options, ...options.options },
    },
    ...(options.macros ? { macros: options.macros } : {}),
    ...(options.resolveAsset ? { resolveAsset: options.resolveAsset } : {}),
  });
}

export async function slides(source: string, options?: CompileOptions): Promise<Slide[]> {
  return (await compile(source, options)).deck.slides;
}

export async function htmls(source: string, options?: CompileOptions): Promise<string[]> {
  return (await slides(source, options)).map((slide) => slide.html);
}

/** The compile error's message (fails the test when the deck compiles). */
export async function compileError(source: string, options?: CompileOptions): Promise<string> {
  try {
    await compile(source, options);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the deck to fail');
}
