import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { DeckRegistry } from '../deck/registry';
import { checkBank } from '../quiz-bank/load';
import type { Deck } from '../shared/deck';
import type { SiteSearchEntry } from '../shared/search';
import { deckUrl, quizUrl } from './deck-list';

/** What a reader sees of the markup: no diagram source, formulas once (not also as MathML). */
const UNSEEN = new Set(['vs-diagram-source', 'katex-mathml']);

function prune<T extends Root | Element>(node: T): T {
  node.children = node.children.filter(
    (child) =>
      child.type !== 'element' ||
      !(child.properties.className as string[] | undefined)?.some((name) => UNSEEN.has(name)),
  );
  for (const child of node.children) if (child.type === 'element') prune(child);
  return node;
}

function plain(html: string): string {
  return toText(prune(fromHtml(html, { fragment: true })))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first heading of a slide, without its markup. */
function heading(html: string): string {
  const match = /<h([1-3])\b[^>]*>([\s\S]*?)<\/h\1>/.exec(html);
  return match ? plain(match[2]!) : '';
}

/** One entry per slide (its last step shows all of it; the link goes to its first). */
function slideEntries(deck: Deck, base: string): SiteSearchEntry[] {
  const entries: SiteSearchEntry[] = [];
  let first = 0;
  for (const slide of deck.slides) {
    if (!slide.continued) first = slide.index;
    if (deck.slides[slide.index + 1]?.continued) continue;
    const { html } = slide;
    const number = deck.slides[first]!.number || first + 1;
    entries.push({
      title: heading(html),
      text: plain(html),
      href: `${deckUrl(base, deck.id)}#${first + 1}`,
      where: `${deck.chapter || deck.title} · Folie ${number}`,
    });
  }
  return entries;
}

/**
 * The course home's search index: every slide of every deck, then every quiz question (prompt as
 * title, model answer and explanation as text). Built with the site, fetched by the home page on
 * first use.
 */
export async function buildSiteSearchIndex(registry: DeckRegistry, base: string): Promise<SiteSearchEntry[]> {
  const entries: SiteSearchEntry[] = [];
  const questions: SiteSearchEntry[] = [];
  for (const outcome of await registry.all()) {
    if ('error' in outcome) continue;
    const { deck } = outcome.loaded;
    entries.push(...slideEntries(deck, base));
    const checked = await checkBank(outcome.file.path, deck, registry.macros);
    for (const question of checked?.bank?.questions ?? []) {
      questions.push({
        title: plain(question.promptHtml),
        text: plain(`${question.answerHtml} ${question.explanationHtml}`),
        href: `${quizUrl(base, deck.id)}#${encodeURIComponent(question.id)}`,
        where: `Quiz ${deck.chapter || deck.title}`,
      });
    }
  }
  return [...entries, ...questions];
}
