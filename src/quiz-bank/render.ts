import { macros } from '../../slides/macros';
import { compileDeck } from '../deck/compile';
import { DeckError } from '../deck/diagnostics';
import { codeMask, toLines } from './lines';

/**
 * Bank texts → HTML through the slide compiler, so they are written in the decks' dialect
 * (content classes, the course's macros, highlighted code). All texts go through as one deck, one slide
 * each; every slide starts with an empty comment line, which keeps a leading „Richtig: …“
 * from being read as a slide property. A text that would split or fails is compiled alone.
 */
const GUARD = '<!-- -->';

export async function renderBankTexts(texts: readonly string[], file: string): Promise<(string | Error)[]> {
  if (texts.some(splitsSlides)) return Promise.all(texts.map((text) => renderOne(text, file)));
  try {
    const html = await compile(texts.map(guarded).join('\n---\n'), file);
    if (html.length === texts.length) return html;
  } catch {
    // Some text fails: compile each alone to say which.
  }
  return Promise.all(texts.map((text) => renderOne(text, file)));
}

async function renderOne(text: string, file: string): Promise<string | Error> {
  try {
    return (await compile(guarded(text), file)).join('\n');
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

async function compile(source: string, file: string): Promise<string[]> {
  try {
    const { deck } = await compileDeck({ id: 'quiz', file, source, macros });
    return deck.slides.map((slide) => slide.html.replace(GUARD, '').trim());
  } catch (error) {
    if (error instanceof DeckError) throw new Error(error.diagnostics.map((d) => d.message).join('; '));
    throw error;
  }
}

function guarded(text: string): string {
  return `${GUARD}\n${text}`;
}

/** Slide, step or notes separators outside code would cut a text apart. */
function splitsSlides(text: string): boolean {
  const lines = toLines(text);
  const mask = codeMask(lines);
  return lines.some((line, i) => !mask[i] && /^(---|--|\?\?\?|<!--\s*break\s*-->)$/.test(line.text));
}
