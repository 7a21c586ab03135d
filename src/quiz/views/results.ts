import { slideHref } from '../../shared/quiz';
import { needsReread, topicScores, type TopicScore } from '../progress';
import type { QuizSession } from '../session';
import { el, textOf } from '../../browser/dom';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const LABEL_WIDTH = 240;
const ROW = 34;
const BAR = 20;

/** Loaded on demand: score per topic as a bar chart, a table with the numbers, and slides to reread. */
export function renderResults(session: QuizSession): HTMLElement {
  const scores = topicScores(session.bank, session.progress);
  const reread = session.bank.questions.filter((q) => needsReread(session.progress.questions[q.id]));
  return el(
    'section',
    { id: 'quiz-results', class: 'quiz-results', 'aria-labelledby': 'results-title' },
    el('h2', { id: 'results-title', tabindex: -1 }, 'Ergebnis nach Thema'),
    el(
      'p',
      { class: 'quiz-help' },
      'Gezählt wird jeweils die letzte Antwort: richtig = 1, teilweise = ½, falsch oder offen = 0.',
    ),
    chart(scores),
    table(scores),
    reread.length === 0
      ? null
      : el(
          'div',
          {},
          el('h3', {}, 'Folie noch einmal lesen'),
          el(
            'ul',
            {},
            ...reread.map((q) =>
              el(
                'li',
                {},
                el('a', { href: slideHref(session.bank.deckId, q.slide) }, q.slideTitle),
                ` – ${textOf(q.promptHtml)}`,
              ),
            ),
          ),
        ),
  );
}

function chart(scores: TopicScore[]): SVGElement {
  const height = scores.length * ROW + 8;
  const svg = svgElement('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`,
    role: 'img',
    'aria-labelledby': 'chart-title',
    class: 'quiz-chart',
  });
  const title = svgElement('title', { id: 'chart-title' });
  title.textContent = `Anteil richtig beantworteter Fragen je Thema: ${scores.map((s) => `${s.topic} ${percent(s.score)}`).join(', ')}`;
  svg.append(title);
  const barWidth = WIDTH - LABEL_WIDTH - 60;
  scores.forEach((score, i) => {
    const y = i * ROW + 4;
    const label = svgElement('text', {
      x: LABEL_WIDTH - 8,
      y: y + BAR / 2,
      'text-anchor': 'end',
      'dominant-baseline': 'middle',
    });
    label.textContent = score.topic;
    const value = svgElement('text', { x: LABEL_WIDTH + barWidth + 8, y: y + BAR / 2, 'dominant-baseline': 'middle' });
    value.textContent = percent(score.score);
    svg.append(
      label,
      svgElement('rect', { x: LABEL_WIDTH, y, width: barWidth, height: BAR, class: 'quiz-chart-track' }),
      svgElement('rect', {
        x: LABEL_WIDTH,
        y,
        width: Math.round(barWidth * score.score),
        height: BAR,
        class: 'quiz-chart-bar',
      }),
      value,
    );
  });
  return svg;
}

function table(scores: TopicScore[]): HTMLElement {
  const head = el(
    'tr',
    {},
    ...['Thema', 'Fragen', 'richtig', 'teilweise', 'falsch', 'Punkte'].map((t) => el('th', { scope: 'col' }, t)),
  );
  const rows = scores.map((s) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, s.topic),
      ...[s.total, s.right, s.partial, s.wrong].map((n) => el('td', {}, String(n))),
      el('td', {}, percent(s.score)),
    ),
  );
  return el('table', { class: 'quiz-table' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

function percent(value: number): string {
  return `${Math.round(value * 100)} %`;
}

function svgElement(tag: string, attributes: Record<string, string | number>): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}
