import type { Deck } from '../shared/deck';
import type { QuizBank } from '../shared/quiz';
import type { BankProblem, BankSource } from './source';

/** Markdown texts → HTML with the slides' pipeline; an Error in place of a text it rejects. */
export type RenderTexts = (markdown: readonly string[]) => Promise<(string | Error)[]>;

/**
 * Compiles every Markdown text of a validated bank to HTML in one batch: the data of the deck's
 * quiz page. Texts the slide compiler rejects (e.g. an unknown macro) come back as problems.
 */
export async function compileBank(
  source: BankSource,
  deck: Pick<Deck, 'title' | 'chapter' | 'slides'>,
  render: RenderTexts,
): Promise<{ bank: QuizBank; problems: BankProblem[] }> {
  const texts: { markdown: string; line: number; question: string }[] = [];
  const problems: BankProblem[] = [];
  let html: (string | Error)[] = [];
  const slot = (markdown: string, line: number, question: string): (() => string) => {
    const index = texts.push({ markdown, line, question }) - 1;
    return () => {
      const result = html[index];
      if (typeof result === 'string') return result;
      const text = texts[index];
      if (text)
        problems.push({ line: text.line, message: `Frage ${text.question}: ${result?.message ?? 'nicht übersetzt'}` });
      return '';
    };
  };
  const plans = source.questions.map((q) => {
    const text = (markdown: string, line = q.line): (() => string) => slot(markdown, line, q.id);
    const prompt = text(q.prompt);
    const choices = q.choices.map((c) => ({
      id: c.id,
      correct: c.correct,
      html: text(c.markdown, c.line),
      feedback: text(c.feedback, c.line),
    }));
    const answer = text(q.answer);
    const explanation = text(q.explanation);
    const hints = q.hints.map((hint) => text(hint));
    return () => ({
      id: q.id,
      topic: q.topic,
      kind: q.kind,
      ...(q.number === undefined ? {} : { number: q.number }),
      slide: q.slide,
      slideTitle: slideTitle(deck, q.slide),
      promptHtml: prompt(),
      choices: choices.map((c) => ({
        id: c.id,
        html: unwrapParagraph(c.html()),
        correct: c.correct,
        feedbackHtml: c.feedback(),
      })),
      ...(q.expected === undefined ? {} : { expected: q.expected }),
      answerHtml: answer(),
      explanationHtml: explanation(),
      hintsHtml: hints.map((hint) => hint()),
    });
  });
  html = await render(texts.map((text) => text.markdown));
  const questions = plans.map((plan) => plan());
  return { bank: { deckId: source.deckId, deckTitle: deck.title, deckChapter: deck.chapter, questions }, problems };
}

/** `<p>text</p>` → `text`; anything else stays as it is. */
export function unwrapParagraph(html: string): string {
  const match = /^\s*<p>([\s\S]*?)<\/p>\s*$/.exec(html);
  return match && !match[1]?.includes('<p>') ? (match[1] ?? '') : html;
}

/** The text of the slide's first heading, or its name. */
function slideTitle(deck: Pick<Deck, 'slides'>, name: string): string {
  const html = deck.slides.find((slide) => slide.name === name)?.html ?? '';
  const heading = /<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/.exec(html)?.[1];
  const text = heading
    ?.replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, entity: string) => ENTITIES[entity] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return text || name;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
