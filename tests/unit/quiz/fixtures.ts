import type { Question, QuizBank } from '../../../src/shared/quiz';

function question(id: string, kind: Question['kind'], topic: string, choices: [string, boolean][] = []): Question {
  return {
    id,
    topic,
    kind,
    slide: `folie-${id}`,
    slideTitle: `Folie ${id}`,
    promptHtml: `<p>Frage ${id}</p>`,
    choices: choices.map(([id, correct]) => ({ id, html: `Option ${id}`, correct, feedbackHtml: `<p>Zu ${id}</p>` })),
    answerHtml: '<p>Antwort</p>',
    explanationHtml: '<p>Erklärung</p>',
    hintsHtml: ['<p>Hinweis 1</p>', '<p>Hinweis 2</p>'],
  };
}

/** A small compiled bank with one question of each kind. */
export const BANK: QuizBank = {
  deckId: 'kapitel-2',
  deckTitle: 'Verteilte Systeme',
  deckChapter: 'Kapitel 2',
  questions: [
    question('single', 'single', 'Grundlagen', [
      ['a', false],
      ['b', true],
      ['c', false],
    ]),
    question('multiple', 'multiple', 'Grundlagen', [
      ['a', true],
      ['b', false],
      ['c', true],
      ['d', false],
    ]),
    question('ordering', 'ordering', 'Systemdesign', [
      ['a', true],
      ['b', true],
      ['c', true],
      ['d', true],
    ]),
    question('text', 'text', 'Systemdesign'),
  ],
};
