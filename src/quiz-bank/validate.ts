import type { Deck } from '../shared/deck';
import { slidePolls } from '../shared/polls';
import type { BankProblem, BankSource, QuestionSource } from './source';

/** Choices are picked with the keys 1–9. */
export const MAX_CHOICES = 9;
const MIN_STEPS = 3;
/** A Markdown image or image macro, `![alt](url)` / `![:scale 50%](url)`. */
const IMAGE = /!\[[^\]]*\]\(/;

/**
 * Everything wrong with a bank for its deck: the problems met parsing it, plus every question
 * without prompt, model answer, explanation or hint, with choices that do not fit its kind,
 * or whose `slide:` names no slide of the deck. Empty when the bank is fine.
 */
export function validateBank(bank: BankSource, deck: Pick<Deck, 'id' | 'slides'>): BankProblem[] {
  const problems = [...bank.problems];
  if (bank.deckId !== deck.id) {
    problems.push({ line: 1, message: `Der Fragenkatalog gehört zu „${bank.deckId}“, nicht zu „${deck.id}“.` });
  }
  const names = new Set(deck.slides.flatMap((slide) => (slide.name ? [slide.name] : [])));
  const seen = new Set<string>();
  for (const question of bank.questions) {
    const report = (message: string, line = question.line): void => {
      problems.push({ line, message: `Frage ${question.id}: ${message}` });
    };
    if (seen.has(question.id)) report('die id gibt es schon.');
    seen.add(question.id);
    if (question.prompt === '') report('die Frage selbst fehlt (Text nach den Eigenschaften).');
    if (question.answer === '') report('„### Musterantwort“ fehlt.');
    if (question.explanation === '') report('„### Erklärung“ fehlt.');
    if (question.hints.length === 0) report('mindestens ein „### Hinweis“ fehlt.');
    if (question.hints.some((hint) => hint === '')) report('ein „### Hinweis“ ist leer.');
    if (!names.has(question.slide)) {
      report(`„slide: ${question.slide}“ ist keine Folie von ${deck.id} (dort fehlt „name: ${question.slide}“).`);
    }
    const texts = [question.prompt, question.answer, question.explanation, ...question.hints];
    for (const choice of question.choices) texts.push(choice.markdown, choice.feedback);
    if (texts.some((text) => IMAGE.test(text))) {
      report('Bilder zeigt das Quiz nicht – die Abbildung gehört auf die Folie, auf die „slide:“ verweist.');
    }
    checkChoices(question, report);
  }
  problems.push(...checkPolls(deck, seen));
  return problems.sort((a, b) => a.line - b.line);
}

/** Every `poll:` of the deck's slides must name a question of the bank. */
function checkPolls(deck: Pick<Deck, 'id' | 'slides'>, ids: ReadonlySet<string>): BankProblem[] {
  const problems: BankProblem[] = [];
  const reported = new Set<string>();
  for (const slide of deck.slides) {
    for (const id of slidePolls(slide.properties)) {
      if (ids.has(id) || reported.has(`${slide.number}:${id}`)) continue;
      reported.add(`${slide.number}:${id}`);
      problems.push({
        line: 1,
        message: `${deck.id}.md, Folie ${slide.number}: „poll: ${id}“ ist keine Frage dieses Fragenkatalogs.`,
      });
    }
  }
  return problems;
}

function checkChoices(question: QuestionSource, report: (message: string, line?: number) => void): void {
  const { kind, choices } = question;
  const right = choices.filter((choice) => choice.correct).length;
  if ((kind === 'number') !== (question.expected !== undefined)) {
    report(
      kind === 'number'
        ? 'eine Zahlenfrage braucht „value:“, z. B. „value: 3“.'
        : '„value:“ gibt es nur bei „kind: number“.',
    );
  }
  if (kind === 'text' || kind === 'number') {
    if (choices.length > 0) report(`eine ${kind === 'text' ? 'Freitextfrage' : 'Zahlenfrage'} hat keine Optionen.`);
    return;
  }
  if (choices.length > MAX_CHOICES) report(`höchstens ${MAX_CHOICES} Optionen (Tasten 1–9).`);
  if (kind === 'ordering' && choices.length < MIN_STEPS)
    report(`eine Reihenfolge braucht mindestens ${MIN_STEPS} Schritte.`);
  if (kind === 'single' && (choices.length < 2 || right !== 1)) {
    report('Einfachauswahl: mindestens zwei Optionen, genau eine mit [x].');
  }
  if (kind === 'multiple' && (choices.length < 3 || right === 0 || right === choices.length)) {
    report('Mehrfachauswahl: mindestens drei Optionen, davon mindestens eine richtige und eine falsche.');
  }
  for (const choice of choices) {
    if (choice.markdown === '') report('eine Option ohne Text.', choice.line);
    if (choice.feedback === '')
      report(`Option ${choice.id} ohne Rückmeldung („> …“ eingerückt darunter).`, choice.line);
  }
}
