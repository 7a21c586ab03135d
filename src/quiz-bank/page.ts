import { escapeHtml } from '../shared/html';
import { scriptSafeJson } from '../deck/page';
import { QUIZ_DATA_ID, type QuizBank } from '../shared/quiz';

export const QUIZ_PLACEHOLDERS = {
  title: '<!--quiz-title-->',
  header: '<!--quiz-header-->',
  data: '<!--quiz-data-->',
} as const;

/** A quiz page: the quiz template with the deck's title, links and the compiled bank as JSON. */
export function renderQuizPage(template: string, bank: QuizBank): string {
  for (const placeholder of Object.values(QUIZ_PLACEHOLDERS)) {
    if (!template.includes(placeholder)) throw new Error(`Die Vorlage der Quizseite enthält ${placeholder} nicht`);
  }
  const kicker = bank.deckChapter ? `Quiz zu ${bank.deckChapter}:` : 'Quiz:';
  const title = escapeHtml(`${kicker} ${bank.deckTitle}`);
  const deck = `../../slides/${encodeURIComponent(bank.deckId)}/`;
  const header = `<header class="quiz-header">
      <h1><span class="quiz-kicker">${escapeHtml(kicker)}</span> <span class="quiz-deck-title">${escapeHtml(bank.deckTitle)}</span></h1>
      <nav aria-label="Seiten"><a href="${deck}">Zum Foliensatz</a> <a href="../../praesentationen.html">Alle Präsentationen</a> <a href="../../">Kursseite</a></nav>
    </header>`;
  const data = `<script type="application/json" id="${QUIZ_DATA_ID}">${scriptSafeJson(bank)}</script>`;
  return template
    .replace(QUIZ_PLACEHOLDERS.title, () => title)
    .replace(QUIZ_PLACEHOLDERS.header, () => header)
    .replace(QUIZ_PLACEHOLDERS.data, () => data);
}
