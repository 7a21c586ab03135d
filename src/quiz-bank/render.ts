import { macros } from '../../slides/macros';
import { DeckError } from '../deck/diagnostics';
import { renderMarkdown } from '../deck/fragment';

/**
 * Bank texts → HTML in the decks' dialect (content classes, the course's macros, highlighted
 * code), each text a Markdown fragment of its own; a text with problems comes back as an Error.
 */
export function renderBankTexts(texts: readonly string[], file: string): Promise<(string | Error)[]> {
  return Promise.all(texts.map((text) => renderText(text, file)));
}

async function renderText(text: string, file: string): Promise<string | Error> {
  try {
    return (await renderMarkdown(text, { file, macros })).html;
  } catch (error) {
    if (error instanceof DeckError) return new Error(error.diagnostics.map((d) => d.message).join('; '));
    throw error;
  }
}
