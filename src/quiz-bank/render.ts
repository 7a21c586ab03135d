import { DeckError } from '../deck/diagnostics';
import { renderMarkdown } from '../deck/fragment';
import type { MacroRegistry } from '../deck/macros';

/**
 * Bank texts → HTML in the decks' dialect (content classes, the course's macros, highlighted
 * code), each text a Markdown fragment of its own; a text with problems comes back as an Error.
 */
export function renderBankTexts(
  texts: readonly string[],
  file: string,
  macros?: MacroRegistry,
): Promise<(string | Error)[]> {
  return Promise.all(texts.map((text) => renderText(text, file, macros)));
}

async function renderText(text: string, file: string, macros: MacroRegistry | undefined): Promise<string | Error> {
  try {
    return (await renderMarkdown(text, { file, ...(macros ? { macros } : {}) })).html;
  } catch (error) {
    if (error instanceof DeckError) return new Error(error.diagnostics.map((d) => d.message).join('; '));
    throw error;
  }
}
